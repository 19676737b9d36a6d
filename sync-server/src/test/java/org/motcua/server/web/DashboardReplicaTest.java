package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_A;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_B;

import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.dashboard.CommuneOverview;
import org.motcua.server.dashboard.DashboardFixture;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.PostgresCluster;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The dashboard on a real streaming replica: a private PostgreSQL primary, a hot standby made from it with
 * pg_basebackup -R, and a server whose {@code dashboard.jdbc-url} is the standby. Devices sync to the primary; the
 * dashboard shows their data once the standby has replayed it. That the reads really go to the standby is shown two
 * ways: its pg_stat_activity holds the dashboard pool's connections (and the primary's none), and with the standby's
 * replay paused a dossier synced to the primary stays off the dashboard until replay resumes. Last, with the standby
 * stopped, the dashboard answers 503 while devices keep syncing to the primary.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardReplicaTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-4";
    /** How long replication may take on a loaded machine before the test gives up (a deadline, not a measure). */
    static final Duration REPLAY_DEADLINE = Duration.ofSeconds(120);

    PostgresCluster primary;
    PostgresCluster standby;
    String primaryUrl;
    String standbyUrl;
    TestServer server;
    final MutableClock clock = new MutableClock(DashboardFixture.B_SYNC);
    DashboardFixture data;

    @BeforeAll
    void start() throws Exception {
        primary = PostgresCluster.startPrivate();
        primaryUrl = primary.newDatabase("motcua_primary");
        standby = primary.startStandby();
        standbyUrl = standby.url(primaryUrl.substring(primaryUrl.lastIndexOf('/') + 1));
        server = TestServer.onPostgres(primaryUrl, Files.createTempDirectory("motcua-replica-"), c -> {
            c.clock = clock;
            c.dashboardReplica(standbyUrl);
        });
        data = new DashboardFixture(server, clock);
        server.services.accounts.create(Actor.cli(), "admin", "Quản Trị", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
        server.services.scores.runNow("admin");
        awaitReplay();
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
        if (standby != null) {
            standby.stop();
        }
        if (primary != null) {
            primary.stop();
        }
    }

    @Test
    void theStandbyIsAReadOnlyReplica() throws SQLException {
        assertEquals("t", one(standbyUrl, "SELECT pg_is_in_recovery()"));
        assertEquals("f", one(primaryUrl, "SELECT pg_is_in_recovery()"));
        assertTrue(server.services.dashboardDb.isReadOnly());
        assertFalse(server.services.db.isReadOnly());
        IllegalStateException e = assertThrows(IllegalStateException.class,
                () -> Tx.plain(server.services.dashboardDb, c -> null));
        assertTrue(e.getMessage().contains("primary"), e.getMessage());
    }

    @Test
    void theDashboardShowsTheSyncedDataReadFromTheStandby() throws SQLException {
        WebClient web = signedIn();
        WebClient.Page home = web.get("/dashboard");
        assertEquals(200, home.status(), home.body());
        assertTrue(home.body().contains(UNIT_A) && home.body().contains(UNIT_B), home.body());
        WebClient.Page a = web.get("/dashboard/communes/" + UNIT_A);
        assertEquals(200, a.status());
        assertTrue(a.body().contains("id=\"fig-overdue\">2<"), a.body());
        assertEquals(200, web.get("/dashboard/late").status());
        assertEquals(200, web.get("/dashboard/dossiers/" + data.a4).status());
        WebClient.Page score = web.get("/diem-uoc-tinh/" + UNIT_A);
        assertEquals(200, score.status(), score.body());
        // The dashboard pool's connections are on the standby, and they ran the dashboard's queries; the primary has none.
        List<String> onStandby = dashboardQueries(standbyUrl);
        assertFalse(onStandby.isEmpty(), "no connection of the dashboard's pool on the standby");
        assertTrue(onStandby.stream().anyMatch(q -> q.contains("FROM ")), "the standby ran no query of the dashboard: " + onStandby);
        assertEquals(List.of(), dashboardQueries(primaryUrl));
        assertEquals("0", one(standbyUrl, "SELECT COUNT(*) FROM pg_stat_activity WHERE application_name = '"
                + ServerDatabase.POOL_NAME + "'"), "the main pool never connects to the standby");
    }

    @Test
    void whileTheStandbyPausesReplayTheDashboardShowsItsOlderCopy() throws Exception {
        WebClient web = signedIn();
        String communeB = "/dashboard/communes/" + UNIT_B;
        assertTrue(web.get(communeB).body().contains("id=\"fig-received\">2<"));
        exec(standbyUrl, "SELECT pg_wal_replay_pause()");
        try {
            poll("the standby's replay to pause", () -> "paused".equals(one(standbyUrl, "SELECT pg_get_wal_replay_pause_state()")));
            data.b.dossier(DashboardFixture.CHUNG_THUC, "Chứng thực", "2025-06-19T08:00:00.000+07:00",
                    "2025-06-26T17:00:00.000+07:00", "can-bo-b");
            // The primary has the third dossier of B; the dashboard, reading the paused standby, still shows two.
            assertEquals(3, receivedThisMonth(server.services.db));
            assertEquals(2, receivedThisMonth(server.services.dashboardDb));
            WebClient.Page paused = web.get(communeB);
            assertEquals(200, paused.status());
            assertTrue(paused.body().contains("id=\"fig-received\">2<"), paused.body());
        } finally {
            exec(standbyUrl, "SELECT pg_wal_replay_resume()");
        }
        awaitReplay();
        assertTrue(web.get(communeB).body().contains("id=\"fig-received\">3<"));
    }

    /** A pooled connection whose standby backend ends under it: for a read, "unavailable" (503), not a server error. */
    @Test
    void aReadWhoseConnectionDiesIsUnavailable() {
        org.motcua.server.Rejection r = assertThrows(org.motcua.server.Rejection.class, () -> Tx.read(server.services.dashboardDb, c -> {
            String pid;
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT pg_backend_pid()")) {
                rs.next();
                pid = rs.getString(1);
            }
            // Waits (up to 30 s) until that backend has ended.
            assertEquals("t", one(standbyUrl, "SELECT pg_terminate_backend(" + pid + ", 30000)"));
            try (Statement st = c.createStatement()) {
                st.executeQuery("SELECT 1");
            }
            return null;
        }));
        assertEquals(org.motcua.protocol.doc.ProblemType.UNAVAILABLE, r.type());
    }

    /** Runs last: it stops the standby. */
    @Test
    @Order(Integer.MAX_VALUE)
    void withTheStandbyDownTheDashboardSaysSoAndSyncingGoesOn() throws Exception {
        WebClient web = signedIn();
        standby.stop();
        WebClient.Page down = web.get("/dashboard/communes/" + UNIT_A);
        assertEquals(503, down.status());
        assertTrue(down.body().contains("Máy chủ đang bận"), down.body());
        assertEquals(503, web.get("/diem-uoc-tinh/" + UNIT_A).status());
        String id = data.a.dossier(DashboardFixture.HO_TICH, "Hộ tịch", "2025-06-20T08:00:00.000+07:00",
                "2025-06-27T17:00:00.000+07:00", "officer-07");
        assertEquals("1", one(primaryUrl, "SELECT COUNT(*) FROM dossiers WHERE dossier_id = '" + id + "'"));
        assertEquals(200, web.get("/admin/devices").status(), "pages on the primary still answer");
    }

    private long receivedThisMonth(ServerDatabase db) throws Exception {
        return new CommuneOverview(db).communes(Optional.of(UNIT_B), clock.instant()).getFirst().receivedThisMonth();
    }

    private WebClient signedIn() {
        WebClient web = new WebClient(server.baseUrl);
        assertEquals(303, web.login("admin", PASSWORD).status(), "the login writes its session on the primary");
        return web;
    }

    /** Waits until the standby has replayed everything the primary has written so far. */
    private void awaitReplay() throws Exception {
        String target = one(primaryUrl, "SELECT pg_current_wal_lsn()");
        poll("the standby to replay up to " + target, () -> {
            try (Connection c = DriverManager.getConnection(standbyUrl, PostgresCluster.USER, "");
                    PreparedStatement st = c.prepareStatement("SELECT pg_wal_lsn_diff(pg_last_wal_replay_lsn(), ?::pg_lsn) >= 0")) {
                st.setString(1, target);
                try (ResultSet rs = st.executeQuery()) {
                    return rs.next() && rs.getBoolean(1);
                }
            }
        });
    }

    private interface Check {
        boolean done() throws Exception;
    }

    private static void poll(String what, Check check) throws Exception {
        Instant deadline = Instant.now().plus(REPLAY_DEADLINE);
        while (!check.done()) {
            if (Instant.now().isAfter(deadline)) {
                throw new AssertionError("gave up waiting for " + what);
            }
            Thread.sleep(50);
        }
    }

    /** The last query of each connection of the dashboard's pool on the cluster of {@code url}. */
    private static List<String> dashboardQueries(String url) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, "");
                PreparedStatement st = c.prepareStatement("SELECT query FROM pg_stat_activity WHERE application_name = ?")) {
            st.setString(1, ServerDatabase.DASHBOARD_POOL_NAME);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static String one(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, ""); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    private static void exec(String url, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(url, PostgresCluster.USER, ""); Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
