package org.motcua.server.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Payloads;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** The dossier projection, per-event outcomes and warnings (§4.2, §5.4), applied in the ingest transaction. */
class ProjectionTest {

    @TempDir
    Path data;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Backend.H2, data);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private Receipt send(TestDevice d, Chain chain, WireEvent... events) {
        Http.Answer a = d.send(d.batch(chain, List.of(events)));
        assertEquals(200, a.status(), a.text());
        return Receipts.verified(d, a);
    }

    private WireEvent received(TestDevice d, Chain chain, String dossierId, String code, int status) {
        return chain.next("DossierReceived", dossierId, Payloads.received(dossierId, code, List.of(), status), List.of(),
                TestDevice.CREATED_AT);
    }

    private WireEvent action(Chain chain, String dossierId, String code, int step, String action, int status, String at, String due) {
        return chain.next("DossierActionTaken", dossierId, Payloads.action(dossierId, code, step, action, status, at, due), List.of(), at);
    }

    private Map<String, Object> dossier(String id) throws Exception {
        return Tx.plain(server.services.db, c -> Sql.one(c, "SELECT status, received_at, due_at, original_due_at, done_at, returned_at, "
                + "dossier_code, unit_code FROM dossiers WHERE dossier_id = ?", rs -> {
                    Map<String, Object> m = new java.util.HashMap<>();
                    m.put("status", rs.getInt(1));
                    m.put("received", Sql.instant(rs, "received_at"));
                    m.put("due", Sql.instant(rs, "due_at"));
                    m.put("originalDue", Sql.instant(rs, "original_due_at"));
                    m.put("done", Sql.instant(rs, "done_at"));
                    m.put("returned", Sql.instant(rs, "returned_at"));
                    return m;
                }, id)).orElse(null);
    }

    private static Instant t(String time) {
        return OffsetDateTime.parse(time).toInstant();
    }

    @Test
    void aFieldDossierIsReceivedExtendedDoneAndReturned() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        String id = UUID.randomUUID().toString();
        String code = Payloads.code(d.unitCode, "250531", 1);
        send(d, chain, received(d, chain, id, code, 1));
        Map<String, Object> field = dossier(id);
        assertEquals(1, field.get("status"));
        assertNull(field.get("received"), "a field dossier's deadline has not started");
        send(d, chain, action(chain, id, code, 2, "RECEIVE", 2, "2025-06-02T08:00:00.000+07:00", "2025-06-09T17:00:00.000+07:00"),
                action(chain, id, code, 3, "EXTEND_DEADLINE", 4, "2025-06-08T10:00:00.000+07:00", "2025-06-12T17:00:00.000+07:00"));
        Map<String, Object> received = dossier(id);
        assertEquals(4, received.get("status"));
        assertEquals(t("2025-06-02T08:00:00.000+07:00"), received.get("received"));
        assertEquals(t("2025-06-12T17:00:00.000+07:00"), received.get("due"));
        assertEquals(t("2025-06-09T17:00:00.000+07:00"), received.get("originalDue"), "the original due time is kept");
        send(d, chain, action(chain, id, code, 4, "MARK_DONE", 9, "2025-06-11T09:00:00.000+07:00", null),
                action(chain, id, code, 5, "RETURN_RESULT", 10, "2025-06-11T15:00:00.000+07:00", null));
        Map<String, Object> done = dossier(id);
        assertEquals(10, done.get("status"));
        assertEquals(t("2025-06-11T09:00:00.000+07:00"), done.get("done"));
        assertEquals(t("2025-06-11T15:00:00.000+07:00"), done.get("returned"));
        long steps = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM dossier_steps WHERE dossier_id = ?", id));
        assertEquals(4, steps);
    }

    @Test
    void anActionBeforeItsReceptionIsKeptAndAppliedLater() throws Exception {
        TestDevice a = TestDevice.enrol(server);
        TestDevice b = TestDevice.enrol(server, a.unitCode);
        String id = UUID.randomUUID().toString();
        String code = Payloads.code(a.unitCode, "250531", 1);
        Chain chainB = new Chain(b.deviceId);
        Receipt early = send(b, chainB, action(chainB, id, code, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T10:00:00.000+07:00", null));
        assertEquals(Receipt.ACCEPTED, early.results().get(0).status());
        assertNull(dossier(id));
        Chain chainA = new Chain(a.deviceId);
        send(a, chainA, received(a, chainA, id, code, 2));
        assertEquals(4, dossier(id).get("status"), "the earlier step was applied when the reception arrived");
    }

    @Test
    void aReusedCodeIsAWarningAndAnAlertNeverARenumbering() throws Exception {
        TestDevice a = TestDevice.enrol(server);
        TestDevice b = TestDevice.enrol(server, a.unitCode);
        String code = Payloads.code(a.unitCode, "250531", 1);
        Chain chainA = new Chain(a.deviceId);
        send(a, chainA, received(a, chainA, UUID.randomUUID().toString(), code, 2));
        Chain chainB = new Chain(b.deviceId);
        String second = UUID.randomUUID().toString();
        Receipt r = send(b, chainB, received(b, chainB, second, code, 2));
        assertEquals(Receipt.ACCEPTED, r.results().get(0).status());
        assertEquals(List.of("dossier-code-collision", "dossier-number-out-of-range"), r.results().get(0).warnings());
        long alerts = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM admin_alerts WHERE kind = ? AND dossier_id = ?",
                "dossier-code-collision", second));
        assertEquals(1, alerts);
        long holders = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM dossiers WHERE dossier_code = ?", code));
        assertEquals(2, holders);
    }

    @Test
    void numbersOutsideTheRangeWarnUnlessLeased() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        Receipt r = send(d, chain, received(d, chain, UUID.randomUUID().toString(), Payloads.code(d.unitCode, "250531", 9001), 2),
                received(d, chain, UUID.randomUUID().toString(), Payloads.code(d.unitCode, "250531", 999), 2));
        assertEquals(List.of("dossier-number-out-of-range"), r.results().get(0).warnings());
        assertEquals(List.of(), r.results().get(1).warnings());
        Tx.durable(server.services.db, c -> Sql.update(c, "INSERT INTO number_leases (lease_id, device_id, unit_code, valid_from, valid_to, "
                + "first_number, last_number) VALUES (?, ?, ?, ?, ?, 9000, 9099)", UUID.randomUUID().toString(), d.deviceId, d.unitCode,
                LocalDate.of(2025, 5, 1), LocalDate.of(2025, 6, 30)));
        Receipt leased = send(d, chain, received(d, chain, UUID.randomUUID().toString(), Payloads.code(d.unitCode, "250531", 9002), 2));
        assertEquals(List.of(), leased.results().get(0).warnings());
        String state = d.state().text();
        assertTrue(state.contains("\"codeCounters\":[{\"date\":\"2025-05-31\",\"lastNumber\":9002}]"), state);
    }

    @Test
    void anotherUnitsDossierAndABadPayloadAreRejectedAndKeptVerbatim() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        TestDevice elsewhere = TestDevice.enrol(server);
        String foreign = UUID.randomUUID().toString();
        String foreignCode = Payloads.code(elsewhere.unitCode, "250531", 1);
        Chain other = new Chain(elsewhere.deviceId);
        send(elsewhere, other, received(elsewhere, other, foreign, foreignCode, 2));
        Chain chain = new Chain(d.deviceId);
        ObjectNode broken = Payloads.received(UUID.randomUUID().toString(), Payloads.code(d.unitCode, "250531", 2), List.of(), 2);
        broken.remove("procedure");
        String brokenId = broken.get("dossierId").textValue();
        Receipt r = send(d, chain, received(d, chain, UUID.randomUUID().toString(), foreignCode, 2),
                action(chain, foreign, Payloads.code(d.unitCode, "250531", 1), 2, "HAND_OVER_FOR_PROCESSING", 4,
                        "2025-05-31T10:00:00.000+07:00", null),
                chain.next("DossierReceived", brokenId, broken, List.of(), TestDevice.CREATED_AT));
        assertEquals(List.of("unit-mismatch", "unit-mismatch", "schema-invalid"),
                r.results().stream().map(x -> x.reason().orElse("")).toList());
        long verbatim = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM chain_positions WHERE device_id = ? "
                + "AND status = 'rejected' AND payload IS NOT NULL", d.deviceId));
        assertEquals(3, verbatim);
        assertNull(dossier(brokenId), "a rejected event is never applied");
        assertEquals(3, r.ackedSeq(), "rejected events keep their chain positions");
    }
}
