package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDateTime;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.persistence.Tx;
import org.motcua.server.score.Period;
import org.motcua.server.score.ScoreSnapshots;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.ScoreDesk;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The estimated-score pages over real HTTP: the province's table and its sorting, "compute again", a commune officer
 * kept to their own commune whatever the URL says, and malformed addresses answered with Vietnamese error pages.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ScorePagesTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-3";

    @TempDir
    static Path dir;

    TestServer server;
    final MutableClock clock = new MutableClock(LocalDateTime.parse("2025-06-20T10:00").atZone(Period.VIETNAM).toInstant());
    ScoreDesk late;
    ScoreDesk good;
    ScoreDesk.Dossier overdue;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.H2, dir, c -> c.clock = clock);
        late = new ScoreDesk(server);
        good = new ScoreDesk(server);
        overdue = late.receive("2025-06-09T08:00", "2025-06-11T17:30", true, 0).step("HAND_OVER_FOR_PROCESSING", 4,
                "2025-06-09T09:00").send();
        good.receive("2025-06-10T08:00", "2025-06-12T17:30", true, 0).doneWithResult("2025-06-11T08:00").send();
        var accounts = server.services.accounts;
        accounts.create(Actor.cli(), "leader", "Trần Thị Lãnh", Role.PROVINCE_LEADER, null, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "officer", "Lê Văn Xã", Role.COMMUNE_OFFICER, late.device.unitCode, PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    WebClient signedIn(String username) {
        WebClient web = new WebClient(server.baseUrl);
        assertEquals(303, web.login(username, PASSWORD).status());
        return web;
    }

    long runs() throws Exception {
        return Tx.read(server.services.db, c -> org.motcua.server.persistence.Sql.count(c, "SELECT COUNT(*) FROM score_runs"));
    }

    @Test
    void theProvinceComputesAndSortsItsCommunes() throws Exception {
        WebClient web = signedIn("leader");
        WebClient.Page first = web.get("/diem-uoc-tinh");
        assertEquals(200, first.status());
        assertTrue(first.body().contains("Điểm ước tính"), "the navigation names the page");
        assertTrue(first.body().contains("Do Cổng Dịch vụ công quốc gia chấm") && first.body().contains("Được ước tính"),
                "the page says which groups are estimated");
        long before = runs();
        WebClient.Page posted = web.post("/diem-uoc-tinh/tinh-lai", "_csrf", first.csrf(), "ky", "quy");
        assertEquals(303, posted.status());
        assertEquals("/diem-uoc-tinh?ky=quy&da-tinh=1", posted.location());
        assertEquals(before + 1, runs());
        WebClient.Page quarter = web.get(posted.location());
        assertTrue(quarter.body().contains("Đã tính lại điểm ước tính"), quarter.body());
        assertTrue(quarter.body().contains("Quý 2/2025"));
        assertTrue(quarter.body().contains("theo yêu cầu của leader"));

        String byScore = web.get("/diem-uoc-tinh?ky=thang").body();
        assertTrue(byScore.indexOf("data-unit=\"" + late.device.unitCode) < byScore.indexOf("data-unit=\"" + good.device.unitCode),
                "lowest score first");
        assertTrue(byScore.contains("Tháng 6/2025"));
        String byLate = web.get("/diem-uoc-tinh?ky=thang&sap-xep=tre").body();
        assertTrue(byLate.indexOf("data-unit=\"" + late.device.unitCode) < byLate.indexOf("data-unit=\"" + good.device.unitCode));
        assertEquals(200, web.get("/diem-uoc-tinh?ky=x%27%3E&sap-xep=%3Cscript%3E").status(), "unknown choices fall back");

        WebClient.Page commune = web.get("/diem-uoc-tinh/" + late.device.unitCode + "?ky=thang");
        assertEquals(200, commune.status());
        assertTrue(commune.body().contains(overdue.code) && commune.body().contains("Đang giải quyết, đã quá hạn"), commune.body());
        assertTrue(commune.body().contains("Bảng điểm các xã"));
    }

    @Test
    void aCommuneOfficerSeesOnlyTheirCommune() throws Exception {
        server.services.scores.runNow("leader");
        WebClient web = signedIn("officer");
        WebClient.Page province = web.get("/diem-uoc-tinh?ky=nam");
        assertEquals(303, province.status(), "the province's table is not theirs");
        assertEquals("/diem-uoc-tinh/" + late.device.unitCode + "?ky=nam", province.location());
        WebClient.Page own = web.get(province.location());
        assertEquals(200, own.status());
        assertTrue(own.body().contains(overdue.code));
        assertTrue(own.body().contains("Năm 2025"));
        assertFalse(own.body().contains("Bảng điểm các xã"), "no link to the province's table");

        WebClient.Page other = web.get("/diem-uoc-tinh/" + good.device.unitCode);
        assertEquals(403, other.status());
        assertTrue(other.body().contains("Không có quyền truy cập"));
        assertFalse(other.body().contains(good.device.unitCode + "-"), "nothing of the other commune's dossiers");

        long before = runs();
        assertEquals(403, web.post("/diem-uoc-tinh/tinh-lai", "_csrf", own.csrf()).status());
        assertEquals(before, runs());
    }

    @Test
    void aRunAlreadyUnderWayIsNotStartedAgain() throws Exception {
        Tx.durable(server.services.db, c -> org.motcua.server.persistence.Sql.update(c, "INSERT INTO score_runs (run_key, "
                + "instance_id, as_of, started_at) VALUES ('nightly-busy', 'other-instance', ?, ?)", clock.instant(), clock.instant()));
        try {
            WebClient web = signedIn("leader");
            long before = runs();
            WebClient.Page posted = web.post("/diem-uoc-tinh/tinh-lai", "_csrf", web.get("/diem-uoc-tinh").csrf(), "ky", "thang");
            assertEquals("/diem-uoc-tinh?ky=thang&dang-tinh=1", posted.location());
            assertEquals(before, runs(), "nothing more was started");
            assertTrue(web.get(posted.location()).body().contains("Đang tính điểm ước tính (bắt đầu lúc 20/06/2025 10:00)"));
        } finally {
            Tx.durable(server.services.db, c -> org.motcua.server.persistence.Sql.update(c,
                    "DELETE FROM score_runs WHERE run_key = 'nightly-busy'"));
        }
    }

    @Test
    void malformedOrUnknownAddressesGetVietnameseErrors() throws Exception {
        WebClient web = signedIn("leader");
        WebClient.Page bad = web.get("/diem-uoc-tinh/%3Cscript%3E");
        assertEquals(404, bad.status());
        assertTrue(bad.body().contains("lang=\"vi\""));
        assertEquals(404, web.get("/diem-uoc-tinh/999.99.99.H99").status(), "a unit the province does not have");
        long before = runs();
        assertEquals(403, web.post("/diem-uoc-tinh/tinh-lai", "ky", "thang").status(), "no CSRF token");
        assertEquals(before, runs());
        assertEquals(303, new WebClient(server.baseUrl).get("/diem-uoc-tinh").status(), "signed out: to the login");
        Instant latest = Tx.read(server.services.db, ScoreSnapshots::latest).map(ScoreSnapshots.Run::asOf).orElse(null);
        assertTrue(latest == null || !latest.isAfter(clock.instant()));
    }
}
