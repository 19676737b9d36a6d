package org.motcua.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.PreparedStatement;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Online backup to one file and restore into a fresh database. The backup is H2's consistent online
 * copy ({@code BACKUP TO}) of the still-encrypted file, so a backup on a USB stick reveals no more than
 * the database itself; restoring needs the same key.
 */
public final class StoreBackup {

    private StoreBackup() {
    }

    /** Writes a consistent copy of {@code store} to {@code target} (a zip), while the desk keeps working. */
    public static void backup(Store store, Path target) {
        if (Files.exists(target)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "backup file exists: " + target, null);
        }
        store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("BACKUP TO ?")) {
                ps.setString(1, target.toAbsolutePath().toString());
                ps.execute();
            }
            return null;
        });
    }

    /**
     * Restores {@code backup} as a new database at {@code baseName} and opens it with {@code fileKey}.
     * Refuses to overwrite an existing database; a backup that is not ours or a wrong key is reported and
     * the half-restored file removed.
     */
    public static Store restore(Path backup, Path baseName, char[] fileKey) {
        Path dataFile = EncryptedDatabase.dataFile(baseName);
        if (Files.exists(dataFile)) {
            throw new StoreException(StoreException.Reason.ALREADY_EXISTS, "a database already exists at " + dataFile, null);
        }
        try (InputStream in = Files.newInputStream(backup); ZipInputStream zip = new ZipInputStream(in)) {
            boolean found = false;
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(EncryptedDatabase.FILE_SUFFIX)) {
                    Files.copy(zip, dataFile, StandardCopyOption.REPLACE_EXISTING);
                    found = true;
                    break;
                }
            }
            if (!found) {
                throw new StoreException(StoreException.Reason.CORRUPTED, backup + " holds no MotCua database", null);
            }
        } catch (IOException e) {
            throw new StoreException(StoreException.Reason.CORRUPTED, "cannot read backup " + backup + ": " + e.getMessage(), e);
        }
        try {
            return Store.open(baseName, fileKey);
        } catch (StoreException e) {
            try {
                Files.deleteIfExists(dataFile);
            } catch (IOException ignored) {
                // the original error matters more
            }
            throw e;
        }
    }
}
