package org.motcua.server.persistence;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Instant;
import java.util.List;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.PostgresCluster;

/**
 * Migration 8 on a database made by version 6: each ended dossier takes its ending step's judgement, or without one its
 * end against the receipt's due date; an open dossier has none.
 */
class TimelinessMigrationTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void endedDossiersAreJudgedFromTheirTimeline(Backend backend) throws Exception {
        String url = backend == Backend.H2 ? "jdbc:h2:file:" + data.resolve("v6") : PostgresCluster.get().newDatabase("migration8");
        String user = backend == Backend.H2 ? "motcua" : PostgresCluster.USER;
        Instant due = Instant.parse("2025-06-10T10:00:00Z");
        try (HikariDataSource v6 = new HikariDataSource()) {
            v6.setJdbcUrl(url);
            v6.setUsername(user);
            v6.setPassword("");
            Flyway.configure().dataSource(v6).locations("classpath:db/migration").target("6").callbacks(new PortableFunctions())
                    .load().migrate();
            try (Connection c = v6.getConnection()) {
                dossier(c, "d-judged", due, Instant.parse("2025-06-12T03:00:00Z"));
                step(c, "e1", "d-judged", 2, "HAND_OVER_FOR_PROCESSING", null);
                step(c, "e2", "d-judged", 3, "MARK_DONE", "EARLY");
                step(c, "e3", "d-judged", 4, "RETURN_RESULT", null);
                dossier(c, "d-late", due, Instant.parse("2025-06-11T03:00:00Z"));
                step(c, "e4", "d-late", 2, "STOP", null);
                dossier(c, "d-on-time", due, Instant.parse("2025-06-10T09:00:00Z"));
                dossier(c, "d-open", due, null);
                step(c, "e5", "d-open", 2, "HAND_OVER_FOR_PROCESSING", null);
            }
        }
        try (ServerDatabase db = ServerDatabase.connect(url, user, "")) {
            List<String> judged = Tx.plain(db, c -> Sql.list(c, "SELECT dossier_id, timeliness FROM dossiers ORDER BY dossier_id",
                    rs -> rs.getString(1) + ":" + rs.getString(2)));
            assertEquals(List.of("d-judged:EARLY", "d-late:LATE", "d-on-time:ON_TIME", "d-open:null"), judged,
                    "the step's judgement wins over the dates (d-judged ended after its due date but was judged early)");
        }
    }

    private static void dossier(Connection c, String id, Instant due, Instant done) throws Exception {
        Sql.update(c, "INSERT INTO dossiers (dossier_id, dossier_code, unit_code, procedure_code, procedure_version, procedure_field, "
                + "status, received_at, due_at, original_due_at, done_at, last_step, origin_device_id, origin_event_id, updated_at) "
                + "VALUES (?, 'U-250601-0001', 'U', 'P', 1, 'F', ?, ?, ?, ?, ?, 1, 'dev', 'e0', ?)", id, done == null ? 4 : 9,
                Instant.parse("2025-06-01T03:00:00Z"), due, due, Sql.time(done), due);
    }

    private static void step(Connection c, String event, String dossier, int step, String action, String timeliness) throws Exception {
        Sql.update(c, "INSERT INTO dossier_steps (event_id, dossier_id, dossier_code, step, action, status, from_officer, to_officer, "
                + "acted_at, timeliness, note, device_id, received_at) VALUES (?, ?, 'U-250601-0001', ?, ?, 9, 'a', 'b', ?, ?, '', 'dev', ?)",
                event, dossier, step, action, Instant.parse("2025-06-05T03:00:00Z"), Sql.text(timeliness),
                Instant.parse("2025-06-05T03:00:00Z"));
    }
}
