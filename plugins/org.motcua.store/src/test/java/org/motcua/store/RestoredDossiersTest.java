package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.DossierHistory;

/**
 * The store's half of a replacement PC's restore, on real encrypted H2 files: a page from the province becomes the
 * dossier and its timeline, never an outbox event, with the day and register counters past the old PC's numbers; a
 * page with a payload that does not match its hash, or one that does not continue the stored cursor, stores nothing.
 */
class RestoredDossiersTest {

    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 8, 0);

    @TempDir
    Path dir;

    @Test
    void aPageBecomesDossiersWithTheirTimelinesAndCountersButNoOutboxEvent() {
        try (Store old = StoreFixture.newStore(dir, "old", 3); Store fresh = StoreFixture.newStore(dir, "new", 3)) {
            Dossier d = new DossierIntake(old, StoreFixture.DEADLINES).receive(StoreFixture.intake(StoreFixture.birthRegistration(),
                    1, MORNING), Role.RECEIVING_OFFICER, MORNING);
            DossierHistory page = page(old, d, "", List.of(new CodeCounter("2026-03-10", 2001)),
                    List.of(new DossierHistory.RegisterCounter("2026-M3", 1)));
            RestoredDossiers restored = new RestoredDossiers(fresh);
            RestoredDossiers.Cursor cursor = restored.begin(DossierHistory.OPEN);

            RestoredDossiers.PageResult r = restored.apply(cursor, page, sha -> Optional.empty(), "quantri");
            assertEquals(new RestoredDossiers.PageResult(1, 0, 0, 1), r);
            assertEquals(old.dossier(d.id()), fresh.dossier(d.id()));
            assertEquals(old.handovers(d.id()), fresh.handovers(d.id()));
            assertArrayEquals(outbox(old).get(0), restored.events(d.id()).get(0).payload());
            assertEquals(0, fresh.count("outbox"));
            assertEquals(Optional.empty(), fresh.lookupToken(d.id()), "only the token's hash ever left the old PC");
            assertEquals(new RestoredDossiers.Cursor(DossierHistory.OPEN, d.id().toString(), true), restored.cursor().orElseThrow());

            Dossier next = new DossierIntake(fresh, StoreFixture.DEADLINES).receive(StoreFixture.intake(
                    StoreFixture.birthRegistration(), 2, MORNING.plusMinutes(5)), Role.RECEIVING_OFFICER, MORNING.plusMinutes(5));
            assertEquals(2002, next.code().sequence());
            assertEquals(2, next.registerEntry());
            assertEquals(new RestoredDossiers.PageResult(0, 1, 0, 0),
                    restored.apply(restored.begin(DossierHistory.OPEN), page, sha -> Optional.empty(), "quantri"),
                    "again: nothing new");
        }
    }

    @Test
    void aDamagedPayloadOrAPageOfAnotherCursorStoresNothing() {
        try (Store old = StoreFixture.newStore(dir, "old", 1); Store fresh = StoreFixture.newStore(dir, "new", 1)) {
            Dossier d = new DossierIntake(old, StoreFixture.DEADLINES).receive(StoreFixture.intake(StoreFixture.birthRegistration(),
                    1, MORNING), Role.RECEIVING_OFFICER, MORNING);
            DossierHistory good = page(old, d, "", List.of(), List.of());
            DossierHistory.Event e = good.dossiers().get(0).events().get(0);
            byte[] damaged = e.payload().clone();
            damaged[damaged.length / 2] ^= 1;
            DossierHistory bad = new DossierHistory("", List.of(), good.deviceId(), List.of(new DossierHistory.Dossier(d.id().toString(),
                    d.code().format(), List.of(new DossierHistory.Event(e.blobs(), e.createdAt(), e.deviceId(), e.epoch(), e.eventId(),
                            damaged, e.payloadHash(), e.receivedAt(), e.seq(), e.type())), 2)), false, d.id().toString(),
                    new byte[16], List.of(), DossierHistory.OPEN, e.receivedAt(), StoreFixture.UNIT);
            RestoredDossiers restored = new RestoredDossiers(fresh);
            RestoredDossiers.Cursor cursor = restored.begin(DossierHistory.OPEN);
            assertThrows(IllegalArgumentException.class, () -> restored.apply(cursor, bad, sha -> Optional.empty(), "quantri"));
            assertThrows(IllegalArgumentException.class, () -> restored.apply(
                    new RestoredDossiers.Cursor(DossierHistory.OPEN, d.id().toString(), false), good, sha -> Optional.empty(), "quantri"));
            assertEquals(List.of(0L, 0L), List.of(fresh.count("dossier"), fresh.count("restored_event")));
            assertEquals(new RestoredDossiers.Cursor(DossierHistory.OPEN, "", false), restored.cursor().orElseThrow());
            assertTrue(restored.apply(cursor, good, sha -> Optional.empty(), "quantri").dossiersRebuilt() == 1);
        }
    }

    /** The page the province would send for {@code d}: its events as {@code old} wrote them. */
    private static DossierHistory page(Store old, Dossier d, String after, List<CodeCounter> codes,
            List<DossierHistory.RegisterCounter> books) {
        List<DossierHistory.Event> events = old.read(c -> {
            List<DossierHistory.Event> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, epoch, seq, event_type, created_at, payload, "
                    + "payload_hash FROM outbox WHERE aggregate_id = ? ORDER BY local_seq")) {
                ps.setObject(1, d.id());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new DossierHistory.Event(List.of(), rs.getString(5), old.device().deviceId().toString(),
                                rs.getString(2), rs.getString(1), rs.getBytes(6), rs.getString(7), "2026-03-10T01:05:00.000Z",
                                rs.getLong(3), rs.getString(4)));
                    }
                }
            }
            return out;
        });
        return new DossierHistory(after, codes, old.device().deviceId().toString(), List.of(new DossierHistory.Dossier(
                d.id().toString(), d.code().format(), events, 2)), false, d.id().toString(), new byte[16], books,
                DossierHistory.OPEN, "2026-03-10T01:05:00.000Z", StoreFixture.UNIT);
    }

    private static List<byte[]> outbox(Store store) {
        return store.read(c -> {
            List<byte[]> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox ORDER BY local_seq");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getBytes(1));
                }
            }
            return out;
        });
    }
}
