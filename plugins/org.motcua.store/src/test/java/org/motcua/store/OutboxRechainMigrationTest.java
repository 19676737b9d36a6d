package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.internal.LookupTokens;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * A V5 desk (dossiers and old-style outbox rows written exactly as before sync part 1) opened by today's store: the
 * outbox is re-chained once into the contract's shape, old dossiers keep the lookup tokens their receipts show.
 */
class OutboxRechainMigrationTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path dir;

    @Test
    void aV5OutboxIsRechainedOnceIntoTheContractsShape() throws Exception {
        Path base = dir.resolve("old");
        UUID deviceId = UUID.randomUUID();
        List<Dossier> old = new ArrayList<>();
        EncryptedDatabase db = EncryptedDatabase.create(base, StoreFixture.KEY);
        V5Desk.migrateToV5(db.dataSource());
        try (var c = db.connect()) {
            V5Desk.device(c.jdbc(), deviceId);
            for (int i = 1; i <= 3; i++) {
                old.add(V5Desk.receive(c.jdbc(), StoreFixture.intake(StoreFixture.birthRegistration(), i, MORNING.plusMinutes(i)),
                        i, MORNING.plusMinutes(i)));
            }
            V5Desk.action(c.jdbc(), old.get(0), new HandoverRecord(old.get(0).id(), 2, DossierAction.REQUEST_SUPPLEMENT,
                    DossierStatus.SUPPLEMENT_REQUESTED, "tiepnhan1", "tiepnhan1", MORNING.plusHours(1), Optional.of(MORNING.plusDays(5)),
                    Optional.of(Timeliness.EARLY), Optional.empty(), "Thiếu bản sao CCCD"), MORNING.plusHours(1));
        }

        try (Store store = Store.open(base, StoreFixture.KEY)) {
            assertTrue(store.verifyOutbox().intact());
            assertEquals(4, store.verifyOutbox().checked());
            SyncOutbox outbox = new SyncOutbox(store);
            UUID epoch = outbox.currentEpoch();
            List<OutboxEvent> events = outbox.events(epoch, 1, 10);
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(OutboxEvent::seq).toList());
            assertEquals(List.of(1L, 2L, 3L, 4L), events.stream().map(OutboxEvent::localSeq).toList(), "the old order is kept");
            assertEquals(Sha256.ZEROS, events.get(0).prevHash());
            for (int i = 0; i < 3; i++) {
                OutboxEvent e = events.get(i);
                Dossier d = old.get(i);
                assertEquals("DossierReceived", e.type());
                assertEquals(d.id(), e.aggregateId());
                assertEquals(DeskTimes.wire(MORNING.plusMinutes(i + 1)), e.createdAt());
                DossierReceived p = DossierReceived.read(StrictJson.parseCanonical(e.payload()));
                assertEquals(d.code().format(), p.dossierCode());
                assertEquals(d.applicant().fullName(), p.applicant().fullName());
                assertEquals(d.applicant().citizenId().orElseThrow().digits(), p.applicant().citizenId().orElseThrow());
                assertEquals(DeskTimes.wire(d.receivedAt()), p.receivedAt());
                assertTrue(p.receivedAt().endsWith("+07:00"), p.receivedAt());
                String token = store.lookupToken(d.id()).orElseThrow();
                assertEquals(LookupTokens.derivedFromId(d.id()), token, "the token the printed receipt shows");
                assertEquals(LookupTokens.sha256(token), p.lookupTokenSha256());
                assertFalse(new String(e.payload(), java.nio.charset.StandardCharsets.UTF_8).contains(token));
                assertEquals(new LinkHash.Envelope(e.aggregateId().toString(), List.of(), e.createdAt(), deviceId.toString(),
                        epoch.toString(), e.eventId().toString(), Sha256.hex(e.payload()), e.prevHash(), e.seq(), e.type()).hash(),
                        e.hash());
            }
            DossierActionTaken action = DossierActionTaken.read(StrictJson.parseCanonical(events.get(3).payload()));
            assertEquals("REQUEST_SUPPLEMENT", action.action());
            assertEquals(old.get(0).code().format(), action.dossierCode());
            assertEquals(Optional.of("EARLY"), action.timeliness());
            assertEquals("Thiếu bản sao CCCD", action.note());
            assertTrue(Files.exists(store.markerFile()));

            // a dossier received after the migration gets a random token, stored, in Crockford base32
            Dossier fresh = new DossierIntake(store, StoreFixture.DEADLINES).receive(StoreFixture.intake(
                    StoreFixture.birthRegistration(), 9, MORNING.plusHours(2)), Role.RECEIVING_OFFICER, MORNING.plusHours(2));
            String token = store.lookupToken(fresh.id()).orElseThrow();
            assertTrue(token.matches("[0-9A-HJKMNP-TV-Z]{8}"), token);
            assertNotEquals(LookupTokens.derivedFromId(fresh.id()), token);
            assertEquals(5, outbox.events(epoch, 5, 5).get(0).seq());
            assertTrue(store.verifyOutbox().intact());
        }
        // opening again migrates nothing twice: same epoch, same hashes
        try (Store store = Store.open(base, StoreFixture.KEY)) {
            assertFalse(store.restoredFromOlderCopy());
            assertEquals(5, store.verifyOutbox().checked());
            assertTrue(store.verifyOutbox().intact());
        }
    }

    @Test
    void theOldTokenDerivationIsKeptExactly() {
        // the value the print bundle's LookupToken.of printed for this dossier before tokens were stored
        assertEquals("7EF6RRS7", LookupTokens.derivedFromId(UUID.fromString("3b0c7a8e-52d1-4f7e-9c8a-1d2e3f405162")));
    }

    /** The desk's wire time, computed independently of the store's own helper. */
    private static final class DeskTimes {
        static String wire(LocalDateTime t) {
            return t.atZone(java.time.ZoneId.of("Asia/Ho_Chi_Minh")).toOffsetDateTime()
                    .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX"));
        }
    }
}
