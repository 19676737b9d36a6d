package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.internal.FileCompaction;

/**
 * The full rewrite that closing runs on a mostly free file: H2 reports what the decision needs on a real file, and
 * the rewrite keeps every dossier and both chains while the file shrinks.
 */
class CompactOnCloseTest {

    @TempDir
    Path dir;

    @Test
    void rewritingTheFileKeepsEveryDossierAndShrinksIt() throws Exception {
        List<Dossier> received = new ArrayList<>();
        long before;
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            LocalDateTime at = LocalDateTime.of(2026, 3, 9, 8, 0);
            for (int i = 0; i < 150; i++) {   // one forced write each: many chunks, most of each soon dead
                received.add(intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, at.plusMinutes(i)),
                        Role.RECEIVING_OFFICER, at.plusMinutes(i)));
            }
            assertFalse(store.read(FileCompaction::mostlyFree), "a file this small is left to the normal close");
            before = Files.size(store.file());
            store.read(c -> {
                FileCompaction.closeCompacting(c);
                return null;
            });
        }
        long after = Files.size(EncryptedDatabase.dataFile(dir.resolve("desk")));
        assertTrue(after < before, "the rewrite shrank nothing: " + before + " -> " + after + " bytes");
        try (Store store = Store.open(dir.resolve("desk"), StoreFixture.KEY)) {
            for (Dossier d : received) {
                assertEquals(d.code(), store.dossier(d.id()).orElseThrow().code());
            }
            assertTrue(store.verifyOutbox().intact(), "the outbox chain verifies after the rewrite");
            assertTrue(store.verifyAudit().intact(), "the audit chain verifies after the rewrite");
        }
    }
}
