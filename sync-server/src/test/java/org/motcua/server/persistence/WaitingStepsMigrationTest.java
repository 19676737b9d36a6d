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
 * Migration 3 on a database made by version 2: steps already stored for a dossier whose reception has not arrived
 * join the waiting list, steps of received dossiers do not.
 */
class WaitingStepsMigrationTest {

    @TempDir
    Path data;

    @ParameterizedTest
    @EnumSource(Backend.class)
    void stepsWithoutTheirReceptionAreListedAsWaiting(Backend backend) throws Exception {
        String url = backend == Backend.H2 ? "jdbc:h2:file:" + data.resolve("v2") : PostgresCluster.get().newDatabase("migration");
        String user = backend == Backend.H2 ? "motcua" : PostgresCluster.USER;
        try (HikariDataSource v2 = new HikariDataSource()) {
            v2.setJdbcUrl(url);
            v2.setUsername(user);
            v2.setPassword("");
            Flyway.configure().dataSource(v2).locations("classpath:db/migration").target("2").callbacks(new PortableFunctions())
                    .load().migrate();
            try (Connection c = v2.getConnection()) {
                Instant now = Instant.parse("2025-05-31T03:00:00Z");
                Sql.update(c, "INSERT INTO dossiers (dossier_id, dossier_code, unit_code, procedure_code, procedure_version, "
                        + "procedure_field, status, last_step, origin_device_id, origin_event_id, updated_at) "
                        + "VALUES ('d-received', 'U-250531-0001', 'U', 'P', 1, 'F', 2, 1, 'dev', 'e0', ?)", now);
                for (String[] step : List.of(new String[] {"e1", "d-received"}, new String[] {"e2", "d-early"},
                        new String[] {"e3", "d-early"})) {
                    Sql.update(c, "INSERT INTO dossier_steps (event_id, dossier_id, dossier_code, step, action, status, from_officer, "
                            + "to_officer, acted_at, note, device_id, received_at) VALUES (?, ?, 'U-250531-0001', 2, "
                            + "'HAND_OVER_FOR_PROCESSING', 4, 'a', 'b', ?, '', 'dev', ?)", step[0], step[1], now, now);
                }
            }
        }
        try (ServerDatabase db = ServerDatabase.connect(url, user, "")) {
            List<String> waiting = Tx.plain(db, c -> Sql.list(c, "SELECT event_id, dossier_id FROM dossier_steps_waiting "
                    + "ORDER BY event_id", rs -> rs.getString(1) + ":" + rs.getString(2)));
            assertEquals(List.of("e2:d-early", "e3:d-early"), waiting);
        }
    }
}
