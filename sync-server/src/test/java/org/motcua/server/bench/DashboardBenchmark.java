package org.motcua.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.motcua.server.dashboard.CommuneOverview;
import org.motcua.server.dashboard.LateDossiers;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * {@code BENCH server.dashboard_p95} and {@code BENCH server.lookup_p95}: the province overview and the late list, as a
 * province leader opens them over real HTTP (query, rendering and all), and the citizen's lookup page asked with real
 * code and token pairs, on PostgreSQL holding {@code motcua.bench.dossiers} dossiers (default 10 million) of 200
 * communes over ten years, generated with COPY ({@link DossierGenerator}) into the Flyway-migrated schema and kept
 * between runs ({@link BenchDatabase}: {@code .motcua/bench-data/server-pg-dossiers-<count>-schema-<hash>-g<n>/}).
 * Prints the plans of the overview's reads for the record. Not part of the normal test run (its name does not match
 * surefire's patterns); {@code ./motcua bench dashboard} runs it alone, {@code ./motcua bench server} with the rest.
 */
class DashboardBenchmark {

    static final long DOSSIERS = Long.getLong("motcua.bench.dossiers", 10_000_000L);
    static final int ROUNDS = Integer.getInteger("motcua.bench.rounds", 50);
    static final Instant NOW = Instant.parse("2026-06-15T03:00:00Z");
    private static final String LEADER = "lanhdao";
    private static final String PASSWORD = "mật-khẩu-đủ-dài-9";

    @Test
    void overviewLateListAndLookup() throws Exception {
        run(DOSSIERS);
    }

    static void run(long dossiers) throws Exception {
        MutableClock clock = new MutableClock(NOW);
        try (BenchDatabase db = BenchDatabase.open(dossiers, NOW);
                TestServer server = TestServer.onPostgres(db.url, Files.createTempDirectory("motcua-bench-dash-"), c -> {
                    c.clock = clock;
                    c.lookupsPerWindow = Integer.MAX_VALUE;   // every lookup comes from 127.0.0.1
                })) {
            plans(server);
            if (server.services.accounts.find(LEADER).isEmpty()) {
                server.services.accounts.create(Actor.cli(), LEADER, "Lãnh Đạo", Role.PROVINCE_LEADER, null, PASSWORD.toCharArray());
            }
            WebClient web = new WebClient(server.baseUrl);
            assertEquals(303, web.login(LEADER, PASSWORD).status());
            for (int i = 0; i < 5; i++) {
                assertEquals(200, web.get("/dashboard").status());
                assertEquals(200, web.get("/dashboard/late").status());
            }
            List<Double> overview = new ArrayList<>();
            List<Double> late = new ArrayList<>();
            List<Double> both = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                double o = timed(web, "/dashboard");
                double l = timed(web, "/dashboard/late");
                overview.add(o);
                late.add(l);
                both.add(o);
                both.add(l);
            }
            assertTrue(web.get("/dashboard/late").body().contains("id=\"late\""), "the late list has rows");
            // The same reads without HTTP or rendering, to tell the database's share from the page's.
            CommuneOverview communes = new CommuneOverview(server.services.db);
            LateDossiers lateDossiers = new LateDossiers(server.services.db);
            List<Double> direct = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                long t = System.nanoTime();
                communes.communes(Optional.empty(), NOW);
                lateDossiers.list(Optional.empty(), NOW);
                direct.add((System.nanoTime() - t) / 1e6);
            }
            System.out.printf(Locale.ROOT, "dashboard: overview and late list read without HTTP, p95 %.0f ms%n", p95(direct));
            // The home page runs no dashboard query: what a page costs the web layer and HTTP alone.
            List<Double> home = new ArrayList<>();
            for (int i = 0; i < ROUNDS; i++) {
                home.add(timed(web, "/"));
            }
            System.out.printf(Locale.ROOT, "dashboard: home page (no dashboard query) over HTTP, p95 %.0f ms%n", p95(home));
            List<Double> lookups = lookups(server, web, dossiers);
            System.out.printf(Locale.ROOT, "dashboard: %d dossiers, %d rounds; overview p95 %.0f ms, late list p95 %.0f ms; "
                    + "%d lookups p95 %.0f ms%n", dossiers, ROUNDS, p95(overview), p95(late), lookups.size(), p95(lookups));
            System.out.printf(Locale.ROOT, "BENCH server.dashboard_overview_p95 %.0f ms%n", p95(overview));
            System.out.printf(Locale.ROOT, "BENCH server.dashboard_late_p95 %.0f ms%n", p95(late));
            System.out.printf(Locale.ROOT, "BENCH server.dashboard_p95 %.0f ms%n", p95(both));
            System.out.printf(Locale.ROOT, "BENCH server.lookup_p95 %.0f ms%n", p95(lookups));
        }
    }

    /**
     * The citizen's lookup page ({@code /tra-cuu?code=…&token=…}, what the receipt's QR code opens) for dossiers picked
     * at random over the ten years, each with its right token: the look-up by code, the token's check, the steps and
     * the page. The first tenth warms up and is not counted.
     */
    private static List<Double> lookups(TestServer server, WebClient web, long dossiers) throws Exception {
        SplittableRandom random = new SplittableRandom(11);
        int count = ROUNDS * 2;
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < count + count / 10; i++) {
            long k = random.nextLong(dossiers);
            String code = Tx.read(server.services.db, c -> Sql.one(c, "SELECT dossier_code FROM dossiers WHERE dossier_id = ?",
                    rs -> rs.getString(1), DossierGenerator.id(k))).orElseThrow();
            String path = "/tra-cuu?code=" + code + "&token=" + DossierGenerator.token(k);
            long t = System.nanoTime();
            WebClient.Page page = web.get(path);
            double ms = (System.nanoTime() - t) / 1e6;
            assertEquals(200, page.status(), path);
            assertTrue(page.body().contains(code), "the lookup shows the dossier " + code);
            if (i >= count / 10) {
                times.add(ms);
            }
        }
        return times;
    }

    private static double timed(WebClient web, String path) {
        long t = System.nanoTime();
        int status = web.get(path).status();
        double ms = (System.nanoTime() - t) / 1e6;
        assertEquals(200, status, path);
        return ms;
    }

    private static double p95(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get((int) Math.ceil(sorted.size() * 0.95) - 1);
    }

    /** The plans of the overview's and the late list's reads, so a run shows which index answers each. */
    private static void plans(TestServer server) throws Exception {
        String month = "'2026-05-31T17:00:00Z'";
        String now = "'" + NOW + "'";
        List<String> queries = List.of(
                "SELECT unit_code, COUNT(*) FROM dossiers WHERE received_at >= " + month + " AND received_at < " + now + " GROUP BY unit_code",
                "SELECT unit_code, COUNT(*), SUM(CASE WHEN status IN (2, 4, 6) AND original_due_at < " + now + " THEN 1 ELSE 0 END) "
                        + "FROM dossiers WHERE status IN (2, 4, 5, 6) GROUP BY unit_code",
                "SELECT unit_code, timeliness, COUNT(*) FROM dossiers WHERE done_at >= " + month + " AND done_at < " + now
                        + " GROUP BY unit_code, timeliness",
                "SELECT dossier_id FROM dossiers WHERE status IN (2, 4, 6) AND original_due_at < " + now
                        + " ORDER BY original_due_at, dossier_id FETCH FIRST 200 ROWS ONLY");
        try (Connection c = server.services.db.connection(); Statement st = c.createStatement()) {
            for (String q : queries) {
                System.out.println("dashboard plan: " + q);
                try (ResultSet rs = st.executeQuery("EXPLAIN (ANALYZE, BUFFERS) " + q)) {
                    while (rs.next()) {
                        System.out.println("  " + rs.getString(1));
                    }
                }
            }
            if (!c.getAutoCommit()) {
                c.commit();
            }
        }
    }
}
