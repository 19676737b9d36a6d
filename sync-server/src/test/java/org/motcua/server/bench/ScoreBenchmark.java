package org.motcua.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;

import java.util.Locale;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.score.Period;
import org.motcua.server.score.ScoreSnapshots;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestServer;

/**
 * The nightly score of a province on PostgreSQL: {@code motcua.bench.score.units} communes (200) with
 * {@code motcua.bench.score.dossiers} dossiers each (1,000) received over this year and last, a tenth asked for a
 * supplement, written straight into the projection's tables; then one run for every commune's month, quarter and year,
 * read, computed and stored. Not part of the normal test run (the class name does not match surefire's patterns).
 */
class ScoreBenchmark {

    static final int UNITS = Integer.getInteger("motcua.bench.score.units", 200);
    static final int DOSSIERS = Integer.getInteger("motcua.bench.score.dossiers", 1000);

    @Test
    void aNightOfAProvince() throws Exception {
        Instant now = LocalDateTime.parse("2026-11-20T01:45").atZone(Period.VIETNAM).toInstant();
        try (TestServer server = TestServer.start(Backend.POSTGRESQL, Files.createTempDirectory("motcua-bench-score"),
                c -> c.clock = java.time.Clock.fixed(now, java.time.ZoneOffset.UTC))) {
            Tx.durable(server.services.db, c -> {
                fill(c, now);
                return null;
            });
            Tx.plain(server.services.db, c -> Sql.update(c, "ANALYZE"));
            if (PgStatements.ENABLED) {
                PgStatements.reset(server.services.db);
            }
            long start = System.nanoTime();
            ScoreSnapshots.Run run = server.services.scores.runNightlyIfDue().orElseThrow();
            double seconds = (System.nanoTime() - start) / 1e9;
            long communes = Tx.read(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM score_communes WHERE run_id = ?",
                    run.runId()));
            assertEquals(UNITS * 3L, communes);
            if (PgStatements.ENABLED) {
                PgStatements.print(server.services.db);
            }
            System.out.println(String.format(Locale.ROOT, "BENCH server.score_night_s %.2f s", seconds));
            System.out.println(String.format(Locale.ROOT, "BENCH server.score_per_commune_ms %.1f ms", seconds * 1000 / UNITS));
            System.out.println("BENCH server.score_dossiers " + (long) UNITS * DOSSIERS + " dossiers");
        }
    }

    private static void fill(Connection c, Instant now) throws java.sql.SQLException {
        Random random = new Random(11);
        Instant from = LocalDate.parse("2025-11-20").atStartOfDay(Period.VIETNAM).toInstant();
        long span = Duration.between(from, now).toMinutes();
        try (PreparedStatement unit = c.prepareStatement("INSERT INTO units (unit_code, unit_name, created_at) VALUES (?, ?, ?)");
                PreparedStatement dossier = c.prepareStatement("INSERT INTO dossiers (dossier_id, dossier_code, unit_code, "
                        + "procedure_code, procedure_version, procedure_field, status, received_at, due_at, original_due_at, done_at, "
                        + "returned_at, last_step, origin_device_id, origin_event_id, updated_at) "
                        + "VALUES (?, ?, ?, '1.001234', 1, 'Hộ tịch', ?, ?, ?, ?, ?, ?, 3, ?, ?, ?)");
                PreparedStatement step = c.prepareStatement("INSERT INTO dossier_steps (event_id, dossier_id, dossier_code, step, "
                        + "action, status, from_officer, to_officer, acted_at, step_deadline, timeliness, new_due_at, note, device_id, "
                        + "received_at) VALUES (?, ?, ?, ?, ?, ?, 'a', 'b', ?, ?, ?, ?, '', ?, ?)")) {
            for (int u = 0; u < UNITS; u++) {
                String code = String.format("000.%02d.%02d.H%02d", u / 100, u % 100, u % 97);
                Sql.bind(unit, code, "Xã " + u, now);
                unit.addBatch();
                String device = UUID.randomUUID().toString();
                java.util.Map<String, Integer> perDay = new java.util.HashMap<>();
                for (int i = 0; i < DOSSIERS; i++) {
                    Instant received = from.plus(Duration.ofMinutes((long) (random.nextDouble() * span)));
                    Instant due = received.plus(Duration.ofDays(3));
                    boolean open = received.isAfter(now.minus(Duration.ofDays(10))) && random.nextInt(3) == 0;
                    Instant done = open ? null : received.plus(Duration.ofHours(2 + random.nextInt(100)));
                    String day = java.time.format.DateTimeFormatter.ofPattern("yyMMdd").format(received.atZone(Period.VIETNAM));
                    int n = perDay.merge(day, 1, Integer::sum);
                    String id = UUID.randomUUID().toString();
                    String dossierCode = code + "-" + day + "-" + String.format("%04d", n);
                    Sql.bind(dossier, id, dossierCode, code, open ? 4 : 10, received, due, due,
                            done == null ? Sql.NULL_TIME : done, done == null ? Sql.NULL_TIME : done, device,
                            UUID.randomUUID().toString(), now);
                    dossier.addBatch();
                    if (random.nextInt(10) == 0) {
                        addStep(step, id, dossierCode, 2, "REQUEST_SUPPLEMENT", received.plus(Duration.ofHours(1)), device, now);
                        addStep(step, id, dossierCode, 3, "SUPPLEMENT_RECEIVED", received.plus(Duration.ofHours(30)), device, now);
                    }
                    if (done != null) {
                        addStep(step, id, dossierCode, 4, "MARK_DONE", done, device, now);
                    }
                }
                dossier.executeBatch();
                step.executeBatch();
            }
            unit.executeBatch();
        }
    }

    private static void addStep(PreparedStatement ps, String id, String code, int n, String action, Instant at, String device,
            Instant now) throws java.sql.SQLException {
        Sql.bind(ps, UUID.randomUUID().toString(), id, code, n, action, 4, at, Sql.NULL_TIME, Sql.NULL_TEXT, Sql.NULL_TIME, device, now);
        ps.addBatch();
    }

}
