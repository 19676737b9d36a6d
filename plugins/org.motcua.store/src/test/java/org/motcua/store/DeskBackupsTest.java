package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.sync.SyncOutbox;

/**
 * The daily backup on real H2 files: made into a "USB stick" directory while the store is open, checked by opening it
 * read-only with the store's key, restored into a fresh data directory with the recovery code and compared dossier by
 * dossier; corrupt and foreign backups are named as such and never restored.
 */
class DeskBackupsTest {

    static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);
    static final char[] CODE = "ABCD-EFGH-JKMN-PQRS-TUVW-XYZ2-3456-789A".toCharArray();

    @TempDir
    Path dir;

    /** A desk in {@code dir/desk} with 50 dossiers, some handed over, a recovery slot, two scans and one blob. */
    private Store desk(Path data) throws Exception {
        Files.createDirectories(data);
        Store store = StoreFixture.newStore(data, "desk", 1);
        KeySlots.of(data.resolve("desk")).put(KeySlots.RECOVERY_SLOT, CODE, StoreFixture.KEY);
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
        for (int i = 0; i < 50; i++) {
            var d = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MON.minusDays(3).plusMinutes(i)),
                    Role.RECEIVING_OFFICER, MON.minusDays(3).plusMinutes(i));
            if (i % 4 == 0) {
                workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1",
                        "", MON.minusDays(3).plusMinutes(i + 1));
            }
        }
        Files.createDirectories(data.resolve("scans/2026/03"));
        Files.write(data.resolve("scans/2026/03/to-khai-1.pdf"), "%PDF-1.7 tờ khai số 1".getBytes("UTF-8"));
        Files.write(data.resolve("scans/2026/03/cccd-2.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        byte[] blob = "một tệp đính kèm".getBytes("UTF-8");
        Files.createDirectories(data.resolve("blobs"));
        Files.write(data.resolve("blobs").resolve(HexFormat.of().formatHex(
                java.security.MessageDigest.getInstance("SHA-256").digest(blob))), blob);
        new DeskSettings(store).put(DeskSettings.Key.BACKUP_DIRECTORY, dir.resolve("usb").toString(), "quantri", Role.ADMIN, MON);
        Files.createDirectories(dir.resolve("usb"));
        return store;
    }

    @Test
    void aBackupIsMadeCheckedAndRestoredIntoAFreshDirectoryDossierByDossier() throws Exception {
        Path data = dir.resolve("data");
        Path fresh = dir.resolve("new-pc");
        try (Store store = desk(data)) {
            DeskBackups backups = new DeskBackups(store);
            assertTrue(backups.due(MON));
            assertEquals(BackupLog.Attempt.GOOD, backups.runOnce(MON));
            assertFalse(backups.due(MON.plusHours(3)), "one good backup a day");
            assertTrue(backups.due(MON.plusDays(1)));
            assertFalse(backups.log().read().stale(MON.plusDays(3)));
            assertTrue(backups.log().read().stale(MON.plusDays(3).plusMinutes(1)));

            BackupSet set = backups.list().getFirst();
            assertEquals(MON, set.takenAt());
            BackupCheck check = set.lastCheck().orElseThrow();
            assertTrue(check.good(), check.detail());
            assertEquals(store.count("dossier"), check.dossiers());
            assertEquals(store.count("outbox"), check.counts().get("outbox"));
            assertEquals(3L, check.counts().get("files"));
            assertEquals(BundledMigrations.latestVersion(), check.schemaVersion());
            // encrypted at rest: the zip holds H2's encrypted file, and no file of the backup shows a scan or a name
            Path unzipped = dir.resolve("unzipped/desk");
            BackupVerifier.extractDatabase(set, unzipped);
            byte[] db = Files.readAllBytes(EncryptedDatabase.dataFile(unzipped));
            assertEquals("H2encrypt", new String(db, 0, 9, java.nio.charset.StandardCharsets.US_ASCII));
            String name = "Nguyễn Văn An 1";
            assertFalse(new String(db, java.nio.charset.StandardCharsets.ISO_8859_1).contains(
                    new String(name.getBytes("UTF-8"), java.nio.charset.StandardCharsets.ISO_8859_1)));
            for (Path f : Files.walk(set.directory()).filter(Files::isRegularFile).toList()) {
                String raw = new String(Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertFalse(raw.contains("PDF-1.7") || raw.contains("Nguy"), f.toString());
            }

            BackupRestore.Unlock unlock = BackupRestore.unlock(Role.ADMIN, fresh.resolve("desk"), set, CODE, MON);
            char[] key = ((BackupRestore.Unlocked) unlock).databaseKey();
            BackupRestore.Restored restored = BackupRestore.restore(set, fresh.resolve("desk"), key, MON.plusHours(1));
            assertTrue(restored.check().good());
            assertEquals(Optional.empty(), restored.previousDatabase());
            UUID epochBefore = new SyncOutbox(store).currentEpoch();
            try (Store copy = Store.open(fresh.resolve("desk"), key)) {
                assertTrue(copy.restoredFromOlderCopy(), "a restore starts a new epoch (§8.4)");
                assertNotEquals(epochBefore, new SyncOutbox(copy).currentEpoch());
                List<UUID> ids = store.dossierIds();
                assertEquals(50, ids.size());
                assertEquals(ids, copy.dossierIds());
                for (UUID id : ids) {
                    assertEquals(store.dossier(id), copy.dossier(id));
                    assertEquals(store.handovers(id), copy.handovers(id));
                }
                assertTrue(copy.verifyOutbox().intact());
                assertTrue(copy.verifyAudit().intact());
            }
            for (String f : List.of("scans/2026/03/to-khai-1.pdf", "scans/2026/03/cccd-2.png")) {
                assertArrayEquals(Files.readAllBytes(data.resolve(f)), Files.readAllBytes(fresh.resolve(f)), f);
            }
            assertTrue(Files.exists(fresh.resolve("desk.keys.json")), "officers can log in with the backup's key slots");
        }
    }

    @Test
    void aCorruptBackupIsNamedAndNeverRestored() throws Exception {
        Path data = dir.resolve("data");
        try (Store store = desk(data)) {
            DeskBackups backups = new DeskBackups(store);
            assertEquals(BackupLog.Attempt.GOOD, backups.runOnce(MON));
            BackupSet set = backups.list().getFirst();
            Path zip = set.directory().resolve(BackupSet.DATABASE);
            byte[] good = Files.readAllBytes(zip);

            byte[] flipped = good.clone();
            flipped[flipped.length / 2] ^= 0x5A;
            Files.write(zip, flipped);
            BackupCheck c = BackupVerifier.check(store, set, MON);
            assertEquals(BackupCheck.Outcome.DAMAGED, c.outcome());
            assertEquals("desk.zip: its content differs from the manifest (changed bytes)", c.detail());
            assertEquals(BackupCheck.Outcome.DAMAGED, set.lastCheck().orElseThrow().outcome(), "the result is kept with it");

            Files.write(zip, java.util.Arrays.copyOf(good, good.length - 4096));
            c = BackupVerifier.check(store, set, MON);
            assertEquals(BackupCheck.Outcome.DAMAGED, c.outcome());
            assertTrue(c.detail().startsWith("desk.zip: " + (good.length - 4096) + " bytes instead of " + good.length), c.detail());

            // flipped bytes the manifest was made to agree with: the zip's CRC or H2 itself finds them
            Files.write(zip, flipped);
            rewriteManifestHashes(set);
            c = BackupVerifier.check(store, set, MON);
            assertEquals(BackupCheck.Outcome.DAMAGED, c.outcome(), c.detail());

            // a scan changed, manifest agreeing: GCM's tag finds it
            Files.write(zip, good);
            Path scan = set.directory().resolve("files/scans/2026/03/to-khai-1.pdf.enc");
            byte[] s = Files.readAllBytes(scan);
            s[s.length - 20] ^= 1;
            Files.write(scan, s);
            rewriteManifestHashes(set);
            c = BackupVerifier.check(store, set, MON);
            assertEquals(BackupCheck.Outcome.DAMAGED, c.outcome());
            assertTrue(c.detail().startsWith("the backup copy of scans/2026/03/to-khai-1.pdf is damaged"), c.detail());

            long before = Files.size(store.file());
            BackupRestore.Restored r = BackupRestore.restore(set, dir.resolve("other/desk"), StoreFixture.KEY, MON);
            assertFalse(r.check().good());
            assertFalse(Files.exists(dir.resolve("other/desk.mv.db")), "nothing restored from a damaged backup");
            BackupCheck damaged = r.check();
            org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                    () -> BackupRestore.restoreChecked(set, dir.resolve("other/desk"), StoreFixture.KEY, damaged, MON));
            assertEquals(before, Files.size(store.file()));

            // another desk's key: named as such
            c = BackupVerifier.check(set, "another-desks-key-000000000001".toCharArray(), dir.resolve("scratch"), MON);
            assertEquals(BackupCheck.Outcome.WRONG_KEY, c.outcome());
        }
    }

    @Test
    void restoringNeedsAnAdminAndTheRecoveryCode() throws Exception {
        Path data = dir.resolve("data");
        BackupSet set;
        try (Store store = desk(data)) {
            DeskBackups backups = new DeskBackups(store);
            backups.runOnce(MON);
            set = backups.list().getFirst();
        }
        Path base = data.resolve("desk");
        long size = Files.size(EncryptedDatabase.dataFile(base));
        assertEquals(new BackupRestore.Refused(BackupRestore.Refused.Reason.NOT_ADMIN, Optional.empty()),
                BackupRestore.unlock(Role.RECEIVING_OFFICER, base, set, CODE, MON));
        assertEquals(BackupRestore.Refused.Reason.NOT_ADMIN,
                ((BackupRestore.Refused) BackupRestore.unlock(Role.LEADER, base, set, CODE, MON)).reason());
        for (int i = 0; i < OfficerAccounts.MAX_FAILED - 1; i++) {
            assertEquals(BackupRestore.Refused.Reason.WRONG_CODE,
                    ((BackupRestore.Refused) BackupRestore.unlock(Role.ADMIN, base, set, "WRONG-CODE".toCharArray(), MON)).reason());
        }
        BackupRestore.Refused locked = (BackupRestore.Refused) BackupRestore.unlock(Role.ADMIN, base, set,
                "WRONG-CODE".toCharArray(), MON);
        assertEquals(BackupRestore.Refused.Reason.LOCKED, locked.reason());
        assertEquals(BackupRestore.Refused.Reason.LOCKED,
                ((BackupRestore.Refused) BackupRestore.unlock(Role.ADMIN, base, set, CODE, MON)).reason(),
                "locked even for the right code until the time is up");
        assertEquals(size, Files.size(EncryptedDatabase.dataFile(base)), "nothing changed");

        LocalDateTime later = MON.plus(OfficerAccounts.LOCKOUT).plusMinutes(1);
        char[] key = ((BackupRestore.Unlocked) BackupRestore.unlock(Role.ADMIN, base, set, CODE, later)).databaseKey();
        BackupRestore.Restored r = BackupRestore.restore(set, base, key, later);
        assertTrue(r.check().good());
        assertTrue(Files.exists(r.previousDatabase().orElseThrow()), "the replaced database is kept beside");
        try (Store s = Store.open(base, key)) {
            assertTrue(s.restoredFromOlderCopy());
            assertEquals(50, s.count("dossier"));
        }
    }

    /** Makes the manifest agree with whatever the parts now hold, as a careless copy tool might. */
    private static void rewriteManifestHashes(BackupSet set) throws Exception {
        BackupJson.Manifest m = BackupJson.readManifest(set.directory().resolve(BackupSet.MANIFEST));
        List<BackupJson.Part> parts = new java.util.ArrayList<>();
        for (BackupJson.Part p : m.parts()) {
            Path f = set.directory().resolve(p.path());
            parts.add(new BackupJson.Part(p.path(), Files.size(f), BackupMaker.sha256(f)));
        }
        BackupJson.writeManifest(set.directory().resolve(BackupSet.MANIFEST), new BackupJson.Manifest(m.deviceId(), m.takenAt(), parts));
    }

}
