package org.motcua.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;

/**
 * Makes one backup of an open store ({@link BackupSet} describes what it holds) while the desk keeps working.
 *
 * <p>The database part is H2's online {@code BACKUP TO}, run on a connection of its own so the store's connection
 * (and with it the officer at the counter) is never held: H2 copies the file as it stands at a consistent point, and
 * the file stays encrypted with the store's AES key (H2's {@code CIPHER=AES}, XTS mode) inside the zip. The backup is
 * written into {@code <name>.partial} and renamed when whole, so a stick pulled out halfway leaves no backup that
 * looks finished.
 */
public final class BackupMaker {

    private BackupMaker() {
    }

    /** Backs {@code store} (and the scans beside it) up into {@code target}; returns the new backup, not yet checked. */
    public static BackupSet make(Store store, Path target, LocalDateTime now) {
        if (!Files.isDirectory(target)) {
            throw new StoreException(StoreException.Reason.NOT_FOUND, "the backup directory is not there: " + target, null);
        }
        Path folder = BackupSet.deskFolder(target, store.device());
        String name = now.format(BackupSet.NAME);
        Path done = folder.resolve(name);
        Path partial = folder.resolve(name + BackupSet.PARTIAL);
        if (Files.exists(done)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "a backup exists already: " + done, null);
        }
        try {
            Files.createDirectories(folder);
            removeLeftovers(folder);
            Files.createDirectories(partial);
            List<BackupJson.Part> parts = new ArrayList<>();
            databaseCopy(store, partial.resolve(BackupSet.DATABASE));
            parts.add(part(partial, BackupSet.DATABASE));
            Path keys = KeySlots.of(baseName(store)).file();
            if (Files.isRegularFile(keys)) {
                Files.copy(keys, partial.resolve(BackupSet.KEYS));
                parts.add(part(partial, BackupSet.KEYS));
            }
            Path data = store.file().getParent();
            BackupFiles files = new BackupFiles(store.database().fileKey());
            for (String relative : BackupFiles.list(data)) {
                String stored = BackupSet.FILES + "/" + relative + BackupFiles.SUFFIX;
                files.encrypt(data.resolve(relative), partial.resolve(stored), relative);
                parts.add(part(partial, stored));
            }
            BackupJson.writeManifest(partial.resolve(BackupSet.MANIFEST),
                    new BackupJson.Manifest(store.device().deviceId().toString(), now, parts));
            force(partial.resolve(BackupSet.MANIFEST));
            Files.move(partial, done, StandardCopyOption.ATOMIC_MOVE);
            return new BackupSet(done, now);
        } catch (IOException e) {
            deleteTree(partial);
            throw new StoreException(StoreException.Reason.OTHER, "the backup could not be written to " + folder + ": "
                    + e.getMessage(), e);
        } catch (RuntimeException e) {
            deleteTree(partial);
            throw e;
        }
    }

    /** H2's online backup, on a second connection: the store's own stays free for the desk. */
    private static void databaseCopy(Store store, Path zip) {
        try (var c = store.database().connect(); PreparedStatement ps = c.jdbc().prepareStatement("BACKUP TO ?")) {
            ps.setString(1, zip.toAbsolutePath().toString());
            ps.execute();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "H2 could not back the database up: " + e.getMessage(), e);
        }
    }

    static Path baseName(Store store) {
        String file = store.file().getFileName().toString();
        return store.file().resolveSibling(file.substring(0, file.length() - EncryptedDatabase.FILE_SUFFIX.length()));
    }

    /** Forces {@code relative} to the disk (a USB stick's cache is not a backup) and lists it with its hash. */
    private static BackupJson.Part part(Path dir, String relative) throws IOException {
        Path file = dir.resolve(relative);
        force(file);
        return new BackupJson.Part(relative, Files.size(file), sha256(file));
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }

    private static void force(Path file) throws IOException {
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.force(true);
        }
    }

    /** Half-written backups of an earlier attempt (the stick was pulled, the PC switched off). */
    private static void removeLeftovers(Path folder) throws IOException {
        try (Stream<Path> dirs = Files.list(folder)) {
            dirs.filter(d -> d.getFileName().toString().endsWith(BackupSet.PARTIAL)).forEach(BackupMaker::deleteTree);
        }
    }

    static void deleteTree(Path root) {
        if (!Files.exists(root)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException e) {
            System.getLogger(BackupMaker.class.getName()).log(System.Logger.Level.WARNING,
                    "could not remove " + root + ": " + e.getMessage());
        }
    }
}
