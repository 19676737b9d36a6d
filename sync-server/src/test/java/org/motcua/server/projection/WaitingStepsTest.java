package org.motcua.server.projection;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
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

/**
 * Steps stored before their dossier's reception (§4.2) wait in {@code dossier_steps_waiting} until the reception
 * arrives, which applies them in step order and takes them off the list; steps whose reception is already known, or
 * comes earlier in the same batch, never wait. On both databases, since the list replaced a timeline search.
 */
class WaitingStepsTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void earlyStepsWaitForTheirReceptionThenApplyInStepOrder(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, data)) {
            TestDevice a = TestDevice.enrol(server);
            TestDevice b = TestDevice.enrol(server, a.unitCode);
            String id = UUID.randomUUID().toString();
            String other = UUID.randomUUID().toString();
            String code = Payloads.code(a.unitCode, "250531", 1);
            Chain chainB = new Chain(b.deviceId);
            // Two batches from the desk that acts first, the later step first: both wait.
            send(b, chainB, earlyDone(chainB, id, code, 3, "2025-06-02T10:00:00.000+07:00"));
            send(b, chainB, action(chainB, id, code, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T10:00:00.000+07:00"),
                    action(chainB, other, Payloads.code(a.unitCode, "250531", 2), 2, "HAND_OVER_FOR_PROCESSING", 4,
                            "2025-05-31T10:00:00.000+07:00"));
            assertEquals(Stream.of(id, id, other).sorted().toList(), waiting(server), "each step waits under its own event");

            Chain chainA = new Chain(a.deviceId);
            send(a, chainA, received(chainA, id, code));
            assertEquals(9, status(server, id), "the earlier steps were applied to the reception");
            assertEquals(List.of("EARLY"), Tx.plain(server.services.db, c -> Sql.list(c, "SELECT timeliness FROM dossiers WHERE "
                    + "dossier_id = ?", rs -> rs.getString(1), id)), "with the desk's judgement of the ending step");
            assertEquals(List.of(other), waiting(server), "only the applied steps left the list");
            assertEquals(2, count(server, "SELECT COUNT(*) FROM dossier_steps WHERE dossier_id = ?", id), "the timeline keeps both");
        }
    }

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stepsOfAKnownOrSameBatchReceptionNeverWait(Backend backend) throws Exception {
        try (TestServer server = TestServer.start(backend, data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            String sameBatch = UUID.randomUUID().toString();
            String known = UUID.randomUUID().toString();
            String code = Payloads.code(d.unitCode, "250531", 1);
            String knownCode = Payloads.code(d.unitCode, "250531", 2);
            send(d, chain, received(chain, known, knownCode));
            // A step before its reception in the same batch is applied when the reception comes in that batch.
            send(d, chain, action(chain, sameBatch, code, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T10:00:00.000+07:00"),
                    received(chain, sameBatch, code),
                    action(chain, known, knownCode, 2, "HAND_OVER_FOR_PROCESSING", 4, "2025-05-31T10:00:00.000+07:00"));
            assertEquals(List.of(), waiting(server));
            assertEquals(4, status(server, sameBatch));
            assertEquals(4, status(server, known));
        }
    }

    private static void send(TestDevice d, Chain chain, WireEvent... events) {
        Http.Answer answer = d.send(d.batch(chain, List.of(events)));
        assertEquals(200, answer.status(), answer.text());
        Receipt r = Receipts.verified(d, answer);
        r.results().forEach(x -> assertEquals(Receipt.ACCEPTED, x.status(), x.toString()));
    }

    private static WireEvent received(Chain chain, String dossierId, String code) {
        return chain.next("DossierReceived", dossierId, Payloads.received(dossierId, code, List.of(), 2), List.of(),
                TestDevice.CREATED_AT);
    }

    private static WireEvent action(Chain chain, String dossierId, String code, int step, String action, int status, String at) {
        return chain.next("DossierActionTaken", dossierId, Payloads.action(dossierId, code, step, action, status, at, null), List.of(),
                at);
    }

    private static WireEvent earlyDone(Chain chain, String dossierId, String code, int step, String at) {
        return chain.next("DossierActionTaken", dossierId, new org.motcua.protocol.events.DossierActionTaken(dossierId, code, step,
                "MARK_DONE", 9, "officer-07", "officer-07", at, java.util.Optional.empty(), java.util.Optional.of("EARLY"),
                java.util.Optional.empty(), "").toJson(), List.of(), at);
    }

    private static List<String> waiting(TestServer server) throws Exception {
        return Tx.plain(server.services.db, c -> Sql.list(c, "SELECT w.dossier_id FROM dossier_steps_waiting w JOIN dossier_steps s "
                + "ON s.event_id = w.event_id AND s.dossier_id = w.dossier_id ORDER BY w.dossier_id", rs -> rs.getString(1)));
    }

    private static long status(TestServer server, String dossierId) throws Exception {
        return count(server, "SELECT status FROM dossiers WHERE dossier_id = ?", dossierId);
    }

    private static long count(TestServer server, String sql, String param) throws Exception {
        return Tx.plain(server.services.db, c -> Sql.count(c, sql, param));
    }
}
