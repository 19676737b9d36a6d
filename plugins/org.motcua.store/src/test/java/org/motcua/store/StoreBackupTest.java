package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;

class StoreBackupTest {

    private static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);

    @TempDir
    Path dir;

    @Test
    void restoredDatabaseHoldsExactlyWhatWasBackedUp() throws Exception {
        Path backup = dir.resolve("backup-2026-03-09.zip");
        List<UUID> ids;
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
            for (int i = 0; i < 40; i++) {
                var d = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MON.plusMinutes(i)),
                        Role.RECEIVING_OFFICER, MON.plusMinutes(i));
                if (i % 3 == 0) {
                    workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1",
                            "xuly1", "", MON.plusMinutes(i + 1));
                }
            }
            StoreBackup.backup(store, backup);
            ids = store.dossierIds();
            try (Store restored = StoreBackup.restore(backup, dir.resolve("restored"), StoreFixture.KEY)) {
                assertEquals(ids, restored.dossierIds());
                for (UUID id : ids) {
                    assertEquals(store.dossier(id), restored.dossier(id));
                    assertEquals(store.handovers(id), restored.handovers(id));
                }
                for (String table : List.of("outbox", "audit_log", "day_counter", "procedure_version")) {
                    assertEquals(store.count(table), restored.count(table), table);
                }
                assertEquals(store.device(), restored.device());
                assertTrue(restored.verifyOutbox().intact());
                assertTrue(restored.verifyAudit().intact());
            }
        }
        assertTrue(Files.size(backup) > 0);
    }

    @Test
    void restoreRefusesAWrongKeyAndLeavesNothingBehind() {
        Path backup = dir.resolve("b.zip");
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            StoreBackup.backup(store, backup);
        }
        StoreException e = assertThrows(StoreException.class,
                () -> StoreBackup.restore(backup, dir.resolve("r"), "a-different-key-0123456".toCharArray()));
        assertEquals(StoreException.Reason.WRONG_KEY, e.reason());
        assertFalse(Files.exists(EncryptedDatabase.dataFile(dir.resolve("r"))));
    }

    @Test
    void restoreNeverOverwritesADatabase() {
        Path backup = dir.resolve("b.zip");
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            StoreBackup.backup(store, backup);
        }
        assertEquals(StoreException.Reason.ALREADY_EXISTS,
                assertThrows(StoreException.class, () -> StoreBackup.restore(backup, dir.resolve("desk"), StoreFixture.KEY)).reason());
    }
}
