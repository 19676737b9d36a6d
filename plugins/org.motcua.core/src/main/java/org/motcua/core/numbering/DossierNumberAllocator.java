package org.motcua.core.numbering;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.OptionalInt;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * Draws the daily sequence of a dossier code from the number blocks of one device.
 *
 * <p>The allocator is pure: the store keeps, per date, the last sequence this device used, and updates
 * it in the same transaction as the intake. Sequences of one device on one date only grow: the next one
 * is the smallest number above the last used that lies in a block valid that day. Blocks below the last
 * used number are therefore skipped rather than back-filled; this keeps the rule provably free of
 * reuse even when the counter came from another block.
 *
 * <p><b>Before enrolment</b> a device has no leased block and uses a fixed sub-range derived from its
 * device number d (1..9, unique within the unit): [(d − 1)·1000 + 1, d·1000 − 1], i.e. device 1 uses
 * 0001–0999, device 2 uses 1001–1999, …, device 9 uses 8001–8999: 999 dossiers a day each, far above a
 * commune PC's load. The numbers 9000–9999 (and the round thousands) are never used by a fixed
 * sub-range, so upstream can lease from 9000–9999 without knowing which devices still number offline;
 * any other block it leases must avoid the fixed sub-ranges of the unit's devices that may still use
 * them on those dates.
 */
public final class DossierNumberAllocator {

    /** Devices 1..9 of a unit may number before enrolment. */
    public static final int MAX_DEVICE_NUMBER = 9;

    /** First number of the band no fixed sub-range uses: free for blocks leased by upstream. */
    public static final int LEASE_BAND_FIRST = 9000;

    private final List<NumberBlock> blocks;

    private DossierNumberAllocator(List<NumberBlock> blocks) {
        this.blocks = blocks;
    }

    /** An allocator drawing from {@code blocks} (leased from upstream). */
    public static DossierNumberAllocator of(Collection<NumberBlock> blocks) {
        List<NumberBlock> sorted = new ArrayList<>(blocks);
        sorted.sort(Comparator.comparingInt(NumberBlock::first).thenComparingInt(NumberBlock::last));
        return new DossierNumberAllocator(List.copyOf(sorted));
    }

    /**
     * The allocator of a device not yet enrolled: its fixed sub-range on every date.
     *
     * @throws ValidationException when {@code deviceNumber} is outside 1..9
     */
    public static DossierNumberAllocator beforeEnrolment(int deviceNumber) {
        return of(List.of(fixedSubRange(deviceNumber)));
    }

    /**
     * The fixed sub-range of device {@code deviceNumber}: [(d − 1)·1000 + 1, d·1000 − 1], valid always.
     *
     * @throws ValidationException when {@code deviceNumber} is outside 1..9
     */
    public static NumberBlock fixedSubRange(int deviceNumber) {
        if (deviceNumber < 1 || deviceNumber > MAX_DEVICE_NUMBER) {
            throw new ValidationException(Violation.of("deviceNumber", "numbering.device",
                    String.valueOf(deviceNumber), MAX_DEVICE_NUMBER));
        }
        return NumberBlock.always((deviceNumber - 1) * 1000 + 1, deviceNumber * 1000 - 1);
    }

    /** A new allocator with {@code more} blocks added (e.g. a lease received at the last sync). */
    public DossierNumberAllocator withBlocks(Collection<NumberBlock> more) {
        List<NumberBlock> all = new ArrayList<>(blocks);
        all.addAll(more);
        return of(all);
    }

    /** The blocks, ordered by their first number. */
    public List<NumberBlock> blocks() {
        return blocks;
    }

    /**
     * The next sequence for a dossier received on {@code date}.
     *
     * @param lastUsedThatDay the last sequence this device used on {@code date}; empty for its first dossier
     * @throws NumbersExhaustedException when no block valid on {@code date} has a number above it
     */
    public int next(LocalDate date, OptionalInt lastUsedThatDay) {
        int candidate = firstCandidate(lastUsedThatDay);
        for (NumberBlock block : blocks) {
            if (block.validOn(date) && block.last() >= candidate) {
                return Math.max(block.first(), candidate);
            }
        }
        throw new NumbersExhaustedException(date);
    }

    /** The full code for the next dossier of unit {@code unitCode} received on {@code date}. */
    public DossierCode nextCode(String unitCode, LocalDate date, OptionalInt lastUsedThatDay) {
        return new DossierCode(unitCode, date, next(date, lastUsedThatDay));
    }

    /**
     * How many numbers are left for {@code date} after {@code lastUsedThatDay}: lets the UI warn and sync
     * ask for a lease before the desk runs dry.
     */
    public int remaining(LocalDate date, OptionalInt lastUsedThatDay) {
        int candidate = firstCandidate(lastUsedThatDay);
        int count = 0;
        int countedUpTo = candidate - 1;  // blocks may overlap; count each number once
        for (NumberBlock block : blocks) {
            if (block.validOn(date) && block.last() > countedUpTo) {
                count += block.last() - Math.max(block.first(), countedUpTo + 1) + 1;
                countedUpTo = block.last();
            }
        }
        return count;
    }

    private static int firstCandidate(OptionalInt lastUsedThatDay) {
        if (lastUsedThatDay.isEmpty()) {
            return 1;
        }
        int last = lastUsedThatDay.getAsInt();
        if (last < 1 || last > DossierCode.MAX_SEQUENCE) {
            throw new IllegalArgumentException("a last used sequence must be in 1..9999: " + last);
        }
        return last + 1;
    }
}
