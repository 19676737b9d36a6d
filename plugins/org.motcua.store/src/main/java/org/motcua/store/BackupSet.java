package org.motcua.store;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * One backup on the backup disk: a directory named by the desk's time it was taken ({@code 2026-03-09_083000}) inside
 * the desk's own folder of the target ({@link #deskFolder}), so several desks may share one USB stick. It holds
 * {@code desk.zip} (H2's {@code BACKUP TO} of the AES-encrypted database file), {@code desk.keys.json} (the key
 * slots, themselves encrypted per officer), {@code files/} (the scans and attachments, AES-GCM) and
 * {@code manifest.json} (sizes and SHA-256 of each part); {@code check.json} is written by the check.
 */
public record BackupSet(Path directory, LocalDateTime takenAt) {

    static final DateTimeFormatter NAME = DateTimeFormatter.ofPattern("yyyy-MM-dd_HHmmss");
    static final String DATABASE = "desk.zip";
    static final String KEYS = "desk.keys.json";
    static final String FILES = "files";
    static final String MANIFEST = "manifest.json";
    static final String CHECK = "check.json";
    static final String PARTIAL = ".partial";

    /**
     * The folder of the desk {@code device} inside the chosen backup directory, named by the start of its device id: the
     * id never changes, while enrolment may give the desk another number.
     */
    public static Path deskFolder(Path target, DeviceIdentity device) {
        return target.resolve("MotCua-" + device.deviceId().toString().substring(0, 8));
    }

    /** The finished backups in {@code deskFolder}, oldest first; half-written ones are not listed. */
    public static List<BackupSet> list(Path deskFolder) {
        if (!Files.isDirectory(deskFolder)) {
            return List.of();
        }
        List<BackupSet> out = new ArrayList<>();
        try (Stream<Path> dirs = Files.list(deskFolder)) {
            dirs.filter(Files::isDirectory).forEach(d -> parse(d).ifPresent(out::add));
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.OTHER, "cannot list the backups in " + deskFolder, e);
        }
        out.sort(Comparator.comparing(BackupSet::takenAt));
        return out;
    }

    static Optional<BackupSet> parse(Path dir) {
        try {
            return Optional.of(new BackupSet(dir, LocalDateTime.parse(dir.getFileName().toString(), NAME)));
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    public String name() {
        return directory.getFileName().toString();
    }

    /** What the last check of this backup found; empty when it was never checked. */
    public Optional<BackupCheck> lastCheck() {
        return BackupJson.readCheck(directory.resolve(CHECK));
    }

    Path database() {
        return directory.resolve(DATABASE);
    }
}
