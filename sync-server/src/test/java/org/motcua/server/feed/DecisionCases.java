package org.motcua.server.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * Decisions taken at the province (§5.6 {@code dossierDecision}): the projection takes the decision as the dossier's
 * next step, the desks of its unit (and no other) receive it, the audit log names who recorded it; a refused decision
 * (bad status, unknown or ended dossier, no name) stores nothing. H2 and PostgreSQL.
 */
public abstract class DecisionCases {

    static final Instant T0 = Instant.parse("2026-11-30T02:00:00Z");
    static final Actor ADMIN = Actor.web("tinh.admin", "127.0.0.1");

    @TempDir
    Path data;

    protected abstract Backend backend();

    @Test
    void aDecisionBecomesTheDossiersNextStepAndReachesItsUnitOnly() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            TestDevice elsewhere = TestDevice.enrol(server);
            String code = handUp(d, new Chain(d.deviceId), 1);

            DossierDecisionData decision = publisher(server).decide(code, "DONE", "Sở Tư pháp", Optional.of("QĐ số 12/QĐ-STP"));
            assertEquals("9", decision.status());
            assertEquals("2026-11-30T02:00:00.000Z", decision.decidedAt());
            List<Object> row = Tx.plain(server.services.db, c -> Sql.one(c, "SELECT status, last_step FROM dossiers WHERE dossier_code = ?",
                    rs -> List.<Object>of(rs.getInt(1), rs.getInt(2)), code)).orElseThrow();
            assertEquals(List.of(9, 3), row, "the decision is step 3, after the desk's reception and supplement request");
            List<Object> step = Tx.plain(server.services.db, c -> Sql.one(c, "SELECT action, status, from_officer, note, device_id "
                    + "FROM dossier_steps WHERE event_id = ?", rs -> List.<Object>of(rs.getString(1), rs.getInt(2), rs.getString(3),
                    rs.getString(4), rs.getString(5)), decision.decisionId())).orElseThrow();
            assertEquals(List.of("UPSTREAM_DECISION", 9, "Sở Tư pháp", "QĐ số 12/QĐ-STP", "province"), step);

            List<Updates.Item> items = decisions(page(server, d));
            assertEquals(1, items.size());
            assertEquals(decision.aggregateId(), items.get(0).key());
            assertEquals(decision, DossierDecisionData.read(items.get(0).data()));
            assertEquals(List.of(), decisions(page(server, elsewhere)), "another commune's desk does not see it");

            AuditLog.Entry audit = AuditLog.recent(server.services.db, 1, null).get(0);
            assertEquals(List.of("dossier.decide", "tinh.admin", code), List.of(audit.action(), audit.actor(), audit.target()));
            assertTrue(audit.detail().contains("status=5->9"), audit.detail());
        }
    }

    @Test
    void everyRefusalSaysWhyAndStoresNothing() throws Exception {
        try (TestServer server = TestServer.start(backend(), data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            String open = handUp(d, chain, 1);
            String stopped = handUp(d, chain, 2);
            publisher(server).decide(stopped, "8", "Sở Tư pháp", Optional.empty());
            DbSnapshot before = DbSnapshot.of(server.services.db);

            assertRefused(server, "not RETURNED", open, "RETURNED", "Sở Tư pháp");
            assertRefused(server, "not 10", open, "10", "Sở Tư pháp");
            assertRefused(server, "no dossier", open.substring(0, open.length() - 4) + "0999", "DONE", "Sở Tư pháp");
            assertRefused(server, "has ended (status 8)", stopped, "DONE", "Sở Tư pháp");
            assertRefused(server, "--by names who decided", open, "DONE", "  ");

            assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "a refused decision stores nothing");
        }
    }

    /** A dossier the desk received and sent up with a supplement request (status 5, two steps). */
    private static String handUp(TestDevice d, Chain chain, int number) {
        var events = d.receptionWithAction(chain, null, number);
        var answer = d.send(d.batch(chain, events));
        assertEquals(200, answer.status(), answer.text());
        return events.get(0).payload().path("dossierCode").asText();
    }

    private static void assertRefused(TestServer server, String reason, String code, String status, String by) {
        DecisionRefused e = assertThrows(DecisionRefused.class, () -> publisher(server).decide(code, status, by, Optional.empty()));
        assertTrue(e.getMessage().contains(reason), e.getMessage());
    }

    static DecisionPublisher publisher(TestServer server) {
        return new DecisionPublisher(server.services.db, Clock.fixed(T0, ZoneOffset.UTC), ADMIN);
    }

    private static List<Updates.Item> decisions(Updates page) {
        return page.items().stream().filter(i -> i.itemType().equals(DossierDecisionData.ITEM_TYPE)).toList();
    }

    private static Updates page(TestServer server, TestDevice d) throws Exception {
        DeviceRecord record = Tx.plain(server.services.db, c -> Devices.active(c, d.deviceId));
        return server.services.feed.page(record, new byte[16], null, null, 200);
    }
}
