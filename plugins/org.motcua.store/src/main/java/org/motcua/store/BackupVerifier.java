package org.motcua.store;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.motcua.store.BackupCheck.Outcome;
import org.motcua.store.internal.AuditTable;
import org.motcua.store.internal.OutboxTable;

/**
 * Checks that a backup opens: every part matches its manifest (size and SHA-256, so flipped bytes and a cut file are
 * named), the database comes out of the zip and opens read-only with the key, its schema is one this program knows,
 * the outbox's hash chains (§4.1) and the audit chain verify end to end, and every scan decrypts (GCM's tag) to the
 * bytes its name promises. The result is also written into the backup ({@code check.json}).
 */
public final class BackupVerifier {

    /** Tables counted in the result; the test of a restore compares them too. */
    static final List<String> COUNTED = List.of("dossier", "handover", "outbox", "audit_log", "officer", "day_counter");

    private BackupVerifier() {
    }

    /** Checks {@code set} with the key of the open {@code store}, working in a scratch folder beside the store. */
    public static BackupCheck check(Store store, BackupSet set, LocalDateTime now) {
        char[] key = store.database().fileKey();
        try {
            return check(set, key, store.file().resolveSibling("backup-check.tmp"), now);
        } finally {
            java.util.Arrays.fill(key, '\0');
        }
    }

    /** Checks {@code set} with {@code key}; {@code scratch} (removed afterwards) receives the database while it is read. */
    public static BackupCheck check(BackupSet set, char[] key, Path scratch, LocalDateTime now) {
        BackupCheck result;
        try {
            result = run(set, key, scratch, now);
        } finally {
            BackupMaker.deleteTree(scratch);
        }
        try {
            BackupJson.writeCheck(set.directory().resolve(BackupSet.CHECK), result);
        } catch (IOException e) {
            // the result is returned all the same; a read-only medium cannot keep it
        }
        return result;
    }

    private static BackupCheck run(BackupSet set, char[] key, Path scratch, LocalDateTime now) {
        BackupJson.Manifest manifest;
        try {
            manifest = BackupJson.readManifest(set.directory().resolve(BackupSet.MANIFEST));
        } catch (IOException | RuntimeException e) {
            return BackupCheck.failed(Outcome.DAMAGED, "the manifest is missing or unreadable: " + e.getMessage(), now);
        }
        if (manifest.parts().stream().noneMatch(p -> p.path().equals(BackupSet.DATABASE))) {
            return BackupCheck.failed(Outcome.DAMAGED, "the manifest lists no database", now);
        }
        for (BackupJson.Part part : manifest.parts()) {
            String problem = differs(set.directory().resolve(part.path()), part);
            if (problem != null) {
                return BackupCheck.failed(Outcome.DAMAGED, part.path() + ": " + problem, now);
            }
        }
        Path base = scratch.resolve("desk");
        try {
            extractDatabase(set, base);
        } catch (IOException e) {
            return BackupCheck.failed(Outcome.DAMAGED, "the database cannot be taken out of " + BackupSet.DATABASE + ": "
                    + e.getMessage(), now);
        }
        Map<String, Long> counts = new LinkedHashMap<>();
        int schema;
        EncryptedDatabase db;
        try {
            db = EncryptedDatabase.openReadOnly(base, key);
        } catch (StoreException e) {
            Outcome o = e.reason() == StoreException.Reason.WRONG_KEY ? Outcome.WRONG_KEY : Outcome.DAMAGED;
            return BackupCheck.failed(o, "the database does not open: " + e.getMessage(), now);
        }
        try (var h = db.connect()) {
            Connection c = h.jdbc();
            schema = schemaVersion(c);
            if (schema > BundledMigrations.latestVersion()) {
                return new BackupCheck(Outcome.NEWER_SCHEMA, "schema V" + schema + " is newer than this program's V"
                        + BundledMigrations.latestVersion(), schema, counts, now);
            }
            for (String table : COUNTED) {
                counts.put(table, count(c, table));
            }
            UUID device = device(c);
            ChainCheck outbox = OutboxTable.verify(c, device);
            if (!outbox.intact()) {
                return new BackupCheck(Outcome.DAMAGED, "the outbox chain breaks at local seq "
                        + outbox.firstBroken().getAsLong(), schema, counts, now);
            }
            ChainCheck audit = new AuditTable().verify(c);
            if (!audit.intact()) {
                return new BackupCheck(Outcome.DAMAGED, "the audit chain breaks at entry " + audit.firstBroken().getAsLong(),
                        schema, counts, now);
            }
        } catch (SQLException | StoreException e) {
            return new BackupCheck(Outcome.DAMAGED, "the database cannot be read: " + e.getMessage(), 0, counts, now);
        }
        BackupFiles files = new BackupFiles(key);
        long checkedFiles = 0;
        for (BackupJson.Part part : manifest.parts()) {
            if (!part.path().startsWith(BackupSet.FILES + "/")) {
                continue;
            }
            String relative = original(part.path());
            try {
                byte[] plain = files.decrypt(set.directory().resolve(part.path()), relative);
                if (!namedByItsHash(relative, plain)) {
                    return new BackupCheck(Outcome.DAMAGED, relative + " does not hash to its name", schema, counts, now);
                }
            } catch (IOException e) {
                return new BackupCheck(Outcome.DAMAGED, e.getMessage(), schema, counts, now);
            }
            checkedFiles++;
        }
        counts.put("files", checkedFiles);
        return new BackupCheck(Outcome.GOOD, "", schema, counts, now);
    }

    /** Why {@code file} is not the part the manifest lists, or null when it is. */
    private static String differs(Path file, BackupJson.Part part) {
        try {
            if (!Files.isRegularFile(file)) {
                return "missing";
            }
            long size = Files.size(file);
            if (size != part.bytes()) {
                return size + " bytes instead of " + part.bytes() + " (cut short or grown)";
            }
            if (!BackupMaker.sha256(file).equals(part.sha256())) {
                return "its content differs from the manifest (changed bytes)";
            }
            return null;
        } catch (IOException e) {
            return "unreadable: " + e.getMessage();
        }
    }

    /** The relative path in the data directory of a {@code files/…​.enc} part. */
    static String original(String part) {
        return part.substring(BackupSet.FILES.length() + 1, part.length() - BackupFiles.SUFFIX.length());
    }

    /** Blobs are stored under their SHA-256 (§9): one whose name is a hash must have that hash. */
    static boolean namedByItsHash(String relative, byte[] plain) {
        String name = relative.substring(relative.lastIndexOf('/') + 1);
        if (!name.matches("[0-9a-f]{64}")) {
            return true;
        }
        try {
            return HexFormat.of().formatHex(java.security.MessageDigest.getInstance("SHA-256").digest(plain)).equals(name);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Takes the database file out of the backup's zip as {@code baseName}'s file. */
    static void extractDatabase(BackupSet set, Path baseName) throws IOException {
        Files.createDirectories(baseName.toAbsolutePath().getParent());
        Path target = EncryptedDatabase.dataFile(baseName);
        try (InputStream in = Files.newInputStream(set.database()); ZipInputStream zip = new ZipInputStream(in)) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                if (!e.isDirectory() && e.getName().endsWith(EncryptedDatabase.FILE_SUFFIX)) {
                    Files.copy(zip, target, StandardCopyOption.REPLACE_EXISTING);
                    return;
                }
            }
        }
        throw new IOException(BackupSet.DATABASE + " holds no database file");
    }

    private static int schemaVersion(Connection c) throws SQLException {
        int max = 0;
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT \"version\" FROM \"flyway_schema_history\" WHERE \"success\"")) {
            while (rs.next()) {
                String v = rs.getString(1);
                if (v != null && v.matches("\\d+")) {
                    max = Math.max(max, Integer.parseInt(v));
                }
            }
        }
        return max;
    }

    private static long count(Connection c, String table) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static UUID device(Connection c) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT device_id FROM device")) {
            if (!rs.next()) {
                throw new SQLException("the backup has no device identity");
            }
            return rs.getObject(1, UUID.class);
        }
    }
}
