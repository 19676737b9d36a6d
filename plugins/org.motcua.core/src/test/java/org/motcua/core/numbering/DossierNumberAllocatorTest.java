package org.motcua.core.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.motcua.core.validation.ValidationException;

class DossierNumberAllocatorTest {

    private static final String UNIT = "000.17.22.H56";
    private static final LocalDate MARCH_2 = LocalDate.of(2026, 3, 2);

    /** What the store does: one counter per device and date, updated with each intake. */
    private static final class Device {
        final DossierNumberAllocator allocator;
        final Map<LocalDate, Integer> lastUsed = new HashMap<>();

        Device(DossierNumberAllocator allocator) {
            this.allocator = allocator;
        }

        DossierCode intake(LocalDate date) {
            Integer last = lastUsed.get(date);
            DossierCode code = allocator.nextCode(UNIT, date, last == null ? OptionalInt.empty() : OptionalInt.of(last));
            lastUsed.put(date, code.sequence());
            return code;
        }
    }

    @ParameterizedTest(name = "device {0}: {1}..{2}")
    @CsvSource({"1,1,999", "2,1001,1999", "5,4001,4999", "9,8001,8999"})
    void fixedSubRangesBeforeEnrolment(int device, int first, int last) {
        NumberBlock block = DossierNumberAllocator.fixedSubRange(device);
        assertEquals(first, block.first());
        assertEquals(last, block.last());
        assertTrue(block.validOn(LocalDate.of(2025, 1, 1)) && block.validOn(LocalDate.of(2099, 12, 31)));
        assertTrue(block.last() < DossierNumberAllocator.LEASE_BAND_FIRST);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, -1, 10, 100})
    void unsupportedDeviceNumbersAreRejected(int device) {
        ValidationException e = assertThrows(ValidationException.class, () -> DossierNumberAllocator.beforeEnrolment(device));
        assertEquals("numbering.device", e.violations().get(0).code());
        assertEquals("Số hiệu máy " + device + " không hợp lệ: trước khi đăng ký với máy chủ, mỗi đơn vị chỉ dùng được "
                + "các máy số 1 đến 9.", e.messages(Locale.forLanguageTag("vi")));
    }

    @Test
    void twoDevicesOfOneCommuneNeverShareACode() {
        Device first = new Device(DossierNumberAllocator.beforeEnrolment(1));
        Device second = new Device(DossierNumberAllocator.beforeEnrolment(2));
        Set<String> issued = new HashSet<>();
        Random random = new Random(2L);
        for (int day = 0; day < 10; day++) {
            LocalDate date = MARCH_2.plusDays(day);
            int firstCount = 0;
            int secondCount = 0;
            // Interleave the two desks at random until both run dry for the day.
            while (firstCount < 999 || secondCount < 999) {
                boolean useFirst = secondCount == 999 || firstCount < 999 && random.nextBoolean();
                DossierCode code = useFirst ? first.intake(date) : second.intake(date);
                assertTrue(issued.add(code.format()), "issued twice: " + code);
                if (useFirst) {
                    firstCount++;
                } else {
                    secondCount++;
                }
            }
            NumbersExhaustedException e = assertThrows(NumbersExhaustedException.class, () -> first.intake(date));
            assertEquals(date, e.date());
            assertThrows(NumbersExhaustedException.class, () -> second.intake(date));
        }
        assertEquals(2 * 999 * 10, issued.size());
    }

    @Test
    void leasedBlocksExtendTheFixedRangeWithoutClashing() {
        LocalDate from = LocalDate.of(2026, 3, 1);
        LocalDate to = LocalDate.of(2026, 3, 31);
        Device first = new Device(DossierNumberAllocator.beforeEnrolment(1)
                .withBlocks(List.of(new NumberBlock(9000, 9499, from, to))));
        Device second = new Device(DossierNumberAllocator.beforeEnrolment(2)
                .withBlocks(List.of(new NumberBlock(9500, 9999, from, to))));
        Set<String> issued = new HashSet<>();
        for (int i = 0; i < 1499; i++) {
            assertTrue(issued.add(first.intake(MARCH_2).format()));
            assertTrue(issued.add(second.intake(MARCH_2).format()));
        }
        assertEquals(9499, first.lastUsed.get(MARCH_2));
        assertEquals(9999, second.lastUsed.get(MARCH_2));
        assertThrows(NumbersExhaustedException.class, () -> first.intake(MARCH_2));
        assertThrows(NumbersExhaustedException.class, () -> second.intake(MARCH_2));
        // Outside the lease's validity only the fixed range is left.
        LocalDate april = LocalDate.of(2026, 4, 1);
        assertEquals(999, first.allocator.remaining(april, OptionalInt.empty()));
        assertEquals(999, first.allocator.next(april, OptionalInt.of(998)));
        assertThrows(NumbersExhaustedException.class, () -> first.allocator.next(april, OptionalInt.of(999)));
    }

    @Test
    void randomLeasesAcrossThreeDevicesNeverCollide() {
        Random random = new Random(31L);
        LocalDate start = LocalDate.of(2026, 1, 1);
        for (int round = 0; round < 20; round++) {
            // Cut 1..9999 into random consecutive blocks with random validity, dealt out to 3 devices.
            List<List<NumberBlock>> perDevice = List.of(new ArrayList<>(), new ArrayList<>(), new ArrayList<>());
            int next = 1;
            while (next <= 9999) {
                int last = Math.min(9999, next + random.nextInt(400));
                LocalDate validFrom = start.plusDays(random.nextInt(5));
                perDevice.get(random.nextInt(3)).add(new NumberBlock(next, last, validFrom, validFrom.plusDays(random.nextInt(5))));
                next = last + 1;
            }
            Map<String, Integer> owner = new HashMap<>();
            for (int d = 0; d < 3; d++) {
                DossierNumberAllocator allocator = DossierNumberAllocator.of(perDevice.get(d));
                for (int day = 0; day < 10; day++) {
                    LocalDate date = start.plusDays(day);
                    OptionalInt last = OptionalInt.empty();
                    int expectedLeft = allocator.remaining(date, last);
                    int drawn = 0;
                    while (true) {
                        int sequence;
                        try {
                            sequence = allocator.next(date, last);
                        } catch (NumbersExhaustedException e) {
                            break;
                        }
                        int s = sequence;
                        assertTrue(last.isEmpty() || s > last.getAsInt(), "sequences of a device grow within a day");
                        assertTrue(perDevice.get(d).stream().anyMatch(b -> b.validOn(date) && b.contains(s)),
                                "drawn from a block valid that day");
                        Integer previousOwner = owner.put(date + "#" + s, d);
                        assertTrue(previousOwner == null, "number " + s + " on " + date + " used twice");
                        last = OptionalInt.of(s);
                        drawn++;
                    }
                    assertEquals(expectedLeft, drawn, "remaining() predicts how many intakes fit");
                }
            }
        }
    }

    @Test
    void gapsBetweenBlocksAreSkipped() {
        DossierNumberAllocator allocator = DossierNumberAllocator.of(List.of(
                NumberBlock.always(500, 502), NumberBlock.always(10, 11)));
        assertEquals(10, allocator.next(MARCH_2, OptionalInt.empty()));
        assertEquals(11, allocator.next(MARCH_2, OptionalInt.of(10)));
        assertEquals(500, allocator.next(MARCH_2, OptionalInt.of(11)));
        assertEquals(500, allocator.next(MARCH_2, OptionalInt.of(300)));
        assertEquals(5, allocator.remaining(MARCH_2, OptionalInt.empty()));
        assertEquals(1, allocator.remaining(MARCH_2, OptionalInt.of(501)));
        assertThrows(NumbersExhaustedException.class, () -> allocator.next(MARCH_2, OptionalInt.of(502)));
        assertThrows(IllegalArgumentException.class, () -> allocator.next(MARCH_2, OptionalInt.of(0)));
        assertThrows(IllegalArgumentException.class, () -> allocator.next(MARCH_2, OptionalInt.of(10_000)));
    }

    @Test
    void noBlockMeansExhaustedWithAVietnameseMessage() {
        NumbersExhaustedException e = assertThrows(NumbersExhaustedException.class,
                () -> DossierNumberAllocator.of(List.of()).next(MARCH_2, OptionalInt.empty()));
        assertEquals("Máy này đã dùng hết dải số hồ sơ được cấp cho ngày 02/03/2026. Hãy kết nối máy chủ để nhận "
                + "thêm khối số mới.", e.messages(Locale.forLanguageTag("vi-VN")));
    }

    @Test
    void badBlocksAreRejected() {
        assertThrows(IllegalArgumentException.class, () -> NumberBlock.always(0, 10));
        assertThrows(IllegalArgumentException.class, () -> NumberBlock.always(10, 10_000));
        assertThrows(IllegalArgumentException.class, () -> NumberBlock.always(11, 10));
        assertThrows(IllegalArgumentException.class, () -> new NumberBlock(1, 10, MARCH_2, MARCH_2.minusDays(1)));
    }
}
