package org.motcua.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestServer;

class PostgresExportTest extends ExportCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    /**
     * The worker's claim on a large outbox (200,000 records, 90 % sent, a backlog of 20,000 after an outage) reads the
     * due index in order and stops after its rows: no scan of the table, no sort of the backlog.
     */
    @Test
    void theClaimReadsTheDueIndexNotTheTable() throws Exception {
        try (TestServer server = start(c -> {
        })) {
            String plan = org.motcua.server.persistence.Tx.plain(server.services.db, c -> {
                try (var st = c.createStatement()) {
                    st.execute("INSERT INTO export_outbox (dossier_id, dossier_code, record_key, ordinal, event_id, created_at, "
                            + "attempts, next_attempt_at, sent_at) SELECT 'd' || (g / 8), 'c' || (g / 8), 'k' || (g % 8), g % 8, "
                            + "'e' || g, now(), 0, CASE WHEN g >= 180000 THEN now() - interval '1 day' END, CASE WHEN g < 180000 THEN now() END "
                            + "FROM generate_series(0, 199999) g");
                    st.execute("ANALYZE export_outbox");
                }
                var rows = org.motcua.server.persistence.Sql.list(c, "EXPLAIN " + CLAIM_FOR_EXPLAIN, rs -> rs.getString(1),
                        java.time.OffsetDateTime.now());
                c.rollback();
                return String.join("\n", rows);
            });
            System.out.println("claim plan:\n" + plan);
            org.junit.jupiter.api.Assertions.assertTrue(plan.contains("export_outbox_due"), plan);
            org.junit.jupiter.api.Assertions.assertFalse(plan.contains("Seq Scan"), plan);
            org.junit.jupiter.api.Assertions.assertFalse(plan.contains("Sort"), plan);
        }
    }

    static final String CLAIM_FOR_EXPLAIN = OutboxRows.CLAIM.replace("FETCH FIRST ? ROWS", "FETCH FIRST 50 ROWS");

    /** Two instances on one database, each with its worker: SKIP LOCKED shares the rows, the order check keeps order. */
    @Test
    void twoInstancesExportEachRecordOnceInOrder() throws Exception {
        try (TestServer a = start(c -> {
        }); TestServer b = a.sibling(); PortalStub portal = new PortalStub()) {
            ExportDossiers desk = new ExportDossiers(a);
            List<String> codes = new ArrayList<>();
            try (ExportWorker wa = new ExportWorker(a.services.db, clock, settings(data.resolve("a"), portal.url())).start();
                    ExportWorker wb = new ExportWorker(b.services.db, clock, settings(data.resolve("b"), portal.url())).start()) {
                for (int i = 0; i < 12; i++) {
                    codes.add(desk.whole().code());
                }
                waitFor(() -> wa.pending() == 0, "both workers drain the outbox");
                List<String> keys = portal.accepted().stream().map(PortalStub.Received::key).toList();
                assertEquals(codes.size() * LIFE_KEYS.size(), keys.size());
                assertEquals(keys.size(), Set.copyOf(keys).size(), "no record twice");
                for (String code : codes) {
                    assertEquals(LIFE_KEYS, keysOf(keys, code));
                }
                int fromA = fileLines(data.resolve("a")).size();
                int fromB = fileLines(data.resolve("b")).size();
                assertEquals(keys.size(), fromA + fromB, "each instance's files list what it delivered");
            }
        }
    }
}
