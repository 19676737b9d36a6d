package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * §8.4 and client case C6 at the store: a database restored from an older backup is found behind its chain marker,
 * starts a new epoch with its unacknowledged events re-chained, and issues no dossier number twice.
 */
class RestoreFromOlderCopyTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path dir;

    @Test
    void aRestoredDatabaseStartsANewEpochAndReusesNoDossierNumber() {
        Path base = dir.resolve("desk");
        Path backup = dir.resolve("backup.zip");
        Set<String> codes = new HashSet<>();
        UUID oldEpoch;
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            for (int i = 1; i <= 3; i++) {
                codes.add(receive(intake, i).code().format());
            }
            StoreBackup.backup(store, backup);
            for (int i = 4; i <= 5; i++) {
                codes.add(receive(intake, i).code().format());
            }
            oldEpoch = new SyncOutbox(store).currentEpoch();
        }
        // the PC's disk is replaced; the officer restores last week's backup; the marker beside it survived
        deleteDatabase(base);
        try (Store restored = StoreBackup.restore(backup, base, StoreFixture.KEY)) {
            assertTrue(restored.restoredFromOlderCopy());
            SyncOutbox outbox = new SyncOutbox(restored);
            UUID epoch = outbox.currentEpoch();
            assertNotEquals(oldEpoch, epoch);
            List<OutboxEvent> moved = outbox.events(epoch, 1, 100);
            assertEquals(List.of(1L, 2L, 3L), moved.stream().map(OutboxEvent::seq).toList());
            assertTrue(moved.stream().allMatch(e -> e.state().equals(OutboxEvent.PENDING)));
            assertTrue(restored.verifyOutbox().intact());
            Dossier next = receive(new DossierIntake(restored, StoreFixture.DEADLINES), 6);
            assertEquals(6, next.code().sequence(), "numbers 4 and 5 went out on receipts after the backup");
            assertTrue(codes.add(next.code().format()));
        }
        try (Store reopened = Store.open(base, StoreFixture.KEY)) {
            assertFalse(reopened.restoredFromOlderCopy(), "an ordinary start is not a restore");
        }
    }

    @Test
    void aCopiedMarkerOfAnotherDeviceIsIgnored() throws Exception {
        try (Store a = StoreFixture.newStore(dir, "a", 1); Store b = StoreFixture.newStore(dir, "b", 2)) {
            receive(new DossierIntake(a, StoreFixture.DEADLINES), 1);
            Files.copy(a.markerFile(), b.markerFile(), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        }
        try (Store b = Store.open(dir.resolve("b"), StoreFixture.KEY)) {
            assertFalse(b.restoredFromOlderCopy());
        }
    }

    private static Dossier receive(DossierIntake intake, int n) {
        LocalDateTime at = MORNING.plusMinutes(n);
        return intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), n, at), Role.RECEIVING_OFFICER, at);
    }

    private static void deleteDatabase(Path base) {
        try {
            Files.delete(EncryptedDatabase.dataFile(base));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
