package org.motcua.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.internal.ChainMarker;

/**
 * Puts a backup back as the desk's database, for an admin who has the recovery code.
 *
 * <p>{@link #unlock} turns the recovery code into the database key (the recovery key slot of the desk, or of the
 * backup when the desk's data directory is new, e.g. on a replacement PC); wrong codes are counted by the
 * {@link LoginThrottle} like passwords. {@link #restore} checks the backup first and changes nothing unless it is good;
 * the current database, if any, is kept beside as {@code desk-before-restore-<time>.mv.db}; scans are added back
 * where missing, never overwritten.
 *
 * <p>A restored database must not reuse sequence numbers the province already holds (§8.4). The store detects that
 * already, at every open, by comparing the database with its chain marker ({@link Store#restoredFromOlderCopy()});
 * the restore only leaves a marker that the restored copy is certainly behind: an epoch the copy never knew, with the
 * day counters of the marker that was there (numbers issued after the backup). The first open then starts a new epoch
 * and raises the counters, through the same code as any other restored file.
 */
public final class BackupRestore {

    /** The result of asking for the database key. */
    public sealed interface Unlock permits Unlocked, Refused {
    }

    /** The recovery code opened the slot; the caller wipes the key after use. */
    public record Unlocked(char[] databaseKey) implements Unlock {
    }

    /** Why no key was given. */
    public record Refused(Reason reason, Optional<LocalDateTime> lockedUntil) implements Unlock {
        public enum Reason {
            NOT_ADMIN, WRONG_CODE, LOCKED, NO_RECOVERY_SLOT
        }
    }

    /** A restore done: the check that allowed it, and where the database it replaced was kept, if there was one. */
    public record Restored(BackupCheck check, Optional<Path> previousDatabase) {
    }

    private BackupRestore() {
    }

    /**
     * The database key for restoring {@code set} at {@code baseName}, when {@code role} is admin and {@code code} opens
     * the recovery slot (the desk's own, else the backup's copy).
     */
    public static Unlock unlock(Role role, Path baseName, BackupSet set, char[] code, LocalDateTime now) {
        if (role != Role.ADMIN) {
            return new Refused(Refused.Reason.NOT_ADMIN, Optional.empty());
        }
        LoginThrottle throttle = LoginThrottle.of(baseName);
        Optional<LocalDateTime> locked = throttle.lockedUntil(KeySlots.RECOVERY_SLOT, now);
        if (locked.isPresent()) {
            return new Refused(Refused.Reason.LOCKED, locked);
        }
        KeySlots slots = KeySlots.of(baseName);
        if (!slots.names().contains(KeySlots.RECOVERY_SLOT)) {
            slots = KeySlots.of(set.directory().resolve("desk"));
            if (!Files.isRegularFile(slots.file()) || !slots.names().contains(KeySlots.RECOVERY_SLOT)) {
                return new Refused(Refused.Reason.NO_RECOVERY_SLOT, Optional.empty());
            }
        }
        Optional<char[]> key = slots.unlock(KeySlots.RECOVERY_SLOT, code);
        if (key.isEmpty()) {
            OfficerAccounts.Login counted = throttle.failed(KeySlots.RECOVERY_SLOT, now);
            return counted instanceof OfficerAccounts.Login.Locked l
                    ? new Refused(Refused.Reason.LOCKED, Optional.of(l.until()))
                    : new Refused(Refused.Reason.WRONG_CODE, Optional.empty());
        }
        throttle.clear(KeySlots.RECOVERY_SLOT);
        return new Unlocked(key.get());
    }

    /**
     * Checks {@code set} with {@code key} and, when it is good, makes it the database at {@code baseName} (which must
     * not be open). A backup that is not good leaves everything as it was; its check says why.
     */
    public static Restored restore(BackupSet set, Path baseName, char[] key, LocalDateTime now) {
        Path data = baseName.toAbsolutePath().getParent();
        BackupCheck check = BackupVerifier.check(set, key, data.resolve("restore-check.tmp"), now);
        if (!check.good()) {
            return new Restored(check, Optional.empty());
        }
        return restoreChecked(set, baseName, key, check, now);
    }

    /**
     * {@link #restore} for a caller that has just checked {@code set} with {@code key} (the settings check before they
     * close the desk, so a bad backup never ends the program): the check is not run twice. A part that changed since
     * still fails safely: the database comes out of the zip (CRC) before anything is moved.
     */
    public static Restored restoreChecked(BackupSet set, Path baseName, char[] key, BackupCheck check, LocalDateTime now) {
        if (!check.good()) {
            throw new IllegalArgumentException("only a backup that checked good is restored: " + check.outcome());
        }
        Path data = baseName.toAbsolutePath().getParent();
        try {
            BackupJson.Manifest manifest = BackupJson.readManifest(set.directory().resolve(BackupSet.MANIFEST));
            Files.createDirectories(data);
            // The copy comes out first, so a full disk or a failing stick leaves the current database in place.
            Path incoming = data.resolve(baseName.getFileName() + "-restoring");
            BackupVerifier.extractDatabase(set, incoming);
            Path current = EncryptedDatabase.dataFile(baseName);
            Optional<Path> previous = Optional.empty();
            if (Files.exists(current)) {
                Path aside = data.resolve(baseName.getFileName() + "-before-restore-" + now.format(BackupSet.NAME)
                        + EncryptedDatabase.FILE_SUFFIX);
                Files.move(current, aside);
                previous = Optional.of(aside);
            }
            Files.move(EncryptedDatabase.dataFile(incoming), current, StandardCopyOption.ATOMIC_MOVE);
            Path keys = KeySlots.of(baseName).file();
            if (!Files.exists(keys) && Files.isRegularFile(set.directory().resolve(BackupSet.KEYS))) {
                Files.copy(set.directory().resolve(BackupSet.KEYS), keys);
            }
            restoreFiles(set, manifest, data, key);
            markBehind(ChainMarker.file(baseName), UUID.fromString(manifest.deviceId()));
            return new Restored(check, previous);
        } catch (IOException | RuntimeException e) {
            throw new StoreException(StoreException.Reason.OTHER, "the restore of " + set.name() + " failed: "
                    + e.getMessage(), e);
        }
    }

    private static void restoreFiles(BackupSet set, BackupJson.Manifest manifest, Path data, char[] key) throws IOException {
        BackupFiles files = new BackupFiles(key);
        for (BackupJson.Part part : manifest.parts()) {
            if (!part.path().startsWith(BackupSet.FILES + "/")) {
                continue;
            }
            String relative = BackupVerifier.original(part.path());
            Path target = data.resolve(relative).normalize();
            if (!target.startsWith(data) || Files.exists(target)) {
                continue;   // a newer copy on the desk wins; nothing outside the data directory is written
            }
            Files.createDirectories(target.getParent());
            Path tmp = target.resolveSibling(target.getFileName() + ".tmp");
            Files.write(tmp, files.decrypt(set.directory().resolve(part.path()), relative));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        }
    }

    /** A marker the restored copy is behind: an epoch it never knew, the day counters already used on this desk. */
    private static void markBehind(Path markerFile, UUID device) throws IOException {
        List<ChainMarker.DayCounter> counters = ChainMarker.read(markerFile).filter(m -> m.deviceId().equals(device))
                .map(ChainMarker.Marker::codeCounters).orElse(List.of());
        ChainMarker.write(markerFile, new ChainMarker.Marker(device, UUID.randomUUID(), 0, Sha256.ZEROS, counters));
    }

    /** Wipes a key handed out by {@link #unlock}. */
    public static void wipe(char[] key) {
        Arrays.fill(key, '\0');
    }
}
