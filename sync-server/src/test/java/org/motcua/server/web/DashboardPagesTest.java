package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_A;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_B;

import java.nio.file.Files;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.dashboard.DashboardFixture;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The dashboard's pages over real HTTP on PostgreSQL: who may see which commune (a commune role changing an id in the
 * URL gets a 403 and no data, a province role sees all), bad input answered in Vietnamese, and the exports' headers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardPagesTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-4";

    TestServer server;
    final MutableClock clock = new MutableClock(DashboardFixture.B_SYNC);
    DashboardFixture data;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.POSTGRESQL, Files.createTempDirectory("motcua-dash-pages-"), c -> c.clock = clock);
        data = new DashboardFixture(server, clock);
        var accounts = server.services.accounts;
        accounts.create(Actor.cli(), "admin", "Quản Trị", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "leader-a", "Lãnh Đạo Xã A", Role.COMMUNE_LEADER, UNIT_A, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "officer-b", "Cán Bộ Xã B", Role.COMMUNE_OFFICER, UNIT_B, PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private WebClient as(String username) {
        WebClient web = new WebClient(server.baseUrl);
        assertEquals(303, web.login(username, PASSWORD).status());
        return web;
    }

    @Test
    void aVisitorIsSentToTheLogin() {
        WebClient.Page p = new WebClient(server.baseUrl).get("/dashboard/late");
        assertEquals(303, p.status());
        assertTrue(p.location().startsWith("/login?next="), p.location());
    }

    @Test
    void aCommuneLeaderSeesOnlyTheirCommuneWhateverTheUrlSays() {
        WebClient web = as("leader-a");
        WebClient.Page home = web.get("/dashboard");
        assertEquals(303, home.status());
        assertEquals("/dashboard/communes/" + UNIT_A, home.location());
        WebClient.Page own = web.get(home.location());
        assertEquals(200, own.status());
        assertTrue(own.body().contains("id=\"fig-overdue\">2<"), own.body());
        for (String other : List.of("/dashboard/communes/" + UNIT_B, "/dashboard/late?unit=" + UNIT_B, "/dashboard/dossiers/" + data.b1,
                "/dashboard/rates?unit=" + UNIT_B, "/dashboard/rates.csv?unit=" + UNIT_B, "/dashboard/rates.pdf?unit=" + UNIT_B)) {
            WebClient.Page p = web.get(other);
            assertEquals(403, p.status(), other);
            assertTrue(p.body().contains("Không có quyền truy cập"), other);
            assertFalse(p.body().contains(UNIT_B + "-"), "no dossier of B on " + other);
        }
        WebClient.Page late = web.get("/dashboard/late");
        assertEquals(200, late.status());
        assertTrue(late.body().contains(data.a4) && late.body().contains(data.a5) && !late.body().contains(data.b1), late.body());
        String csv = web.get("/dashboard/rates.csv?from=2025-06-01&to=2025-06-30").body();
        assertTrue(csv.endsWith("Tổng cộng,,,2,1,1,4,75.00\r\n"), "A's own figures only: " + csv);
    }

    @Test
    void aCommuneOfficerOpensTheirOwnDossiersOnly() {
        WebClient web = as("officer-b");
        assertEquals(200, web.get("/dashboard/dossiers/" + data.b1).status());
        assertEquals(403, web.get("/dashboard/dossiers/" + data.a5).status());
        assertEquals(403, web.get("/dashboard/communes/" + UNIT_A).status());
    }

    @Test
    void aProvinceRoleSeesEveryCommuneAndCanNarrowToOne() {
        WebClient web = as("admin");
        WebClient.Page all = web.get("/dashboard");
        assertEquals(200, all.status());
        assertTrue(all.body().contains("data-unit=\"" + UNIT_A + "\"") && all.body().contains("data-unit=\"" + UNIT_B + "\""));
        WebClient.Page onlyB = web.get("/dashboard/late?unit=" + UNIT_B);
        assertTrue(onlyB.body().contains(data.b1) && !onlyB.body().contains(data.a4), onlyB.body());
        assertEquals(200, web.get("/dashboard/dossiers/" + data.a5).status());
        assertEquals(200, web.get("/dashboard/communes/" + UNIT_B).status());
    }

    @Test
    void badIdsAndPeriodsAreAnsweredInVietnamese() {
        WebClient web = as("admin");
        assertEquals(404, web.get("/dashboard/dossiers/not-a-uuid").status());
        assertEquals(404, web.get("/dashboard/dossiers/00000000-0000-4000-8000-000000000000").status());
        assertEquals(404, web.get("/dashboard/communes/%3Cscript%3E").status());
        assertEquals(404, web.get("/dashboard/communes/999.99.99.Z99").status());
        assertEquals(404, web.get("/dashboard/late?unit=x%27%20OR%201%3D1").status());
        WebClient.Page date = web.get("/dashboard/rates?from=31-06-2025&to=2025-06-30");
        assertEquals(400, date.status());
        assertTrue(date.body().contains("Ngày không hợp lệ"), date.body());
        WebClient.Page order = web.get("/dashboard/rates.csv?from=2025-07-01&to=2025-06-01");
        assertEquals(400, order.status());
        assertTrue(order.body().contains("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc."), order.body());
        assertEquals(400, web.get("/dashboard/rates.pdf?from=2000-01-01&to=2025-06-01").status());
        WebClient.Page sorted = web.get("/dashboard?sort=%3Cx%3E&dir=sideways");
        assertEquals(200, sorted.status(), "an unknown sort falls back to the default");
    }

    @Test
    void theExportsAreDownloadsWithTheirTypes() {
        WebClient web = as("admin");
        WebClient.Page csv = web.get("/dashboard/rates.csv?from=2025-06-01&to=2025-06-30&sep=semicolon");
        assertEquals(200, csv.status());
        assertEquals("text/csv; charset=utf-8", csv.raw().headers().firstValue("content-type").orElseThrow().toLowerCase());
        assertEquals("attachment; filename=\"ty-le-dung-han_toan-tinh_2025-06-01_2025-06-30.csv\"",
                csv.raw().headers().firstValue("content-disposition").orElseThrow());
        assertTrue(csv.body().startsWith("\uFEFFNhóm;Mã;Tên;"), csv.body());
        WebClient.Page pdf = web.get("/dashboard/rates.pdf?from=2025-06-01&to=2025-06-30&unit=" + UNIT_A);
        assertEquals(200, pdf.status());
        assertEquals("application/pdf", pdf.raw().headers().firstValue("content-type").orElseThrow());
        assertTrue(pdf.body().startsWith("%PDF-"));
    }
}
