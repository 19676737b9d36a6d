package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The pages over real HTTP on loopback: login and its throttle, the cookies' flags, CSRF refusals, roles, a commune's
 * unit in the URL, session expiry, and that the API keeps its problem answers.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebPagesTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-1";

    @TempDir
    static Path dir;

    TestServer server;
    MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
    String unitA;
    String unitB;

    @BeforeAll
    void start() throws Exception {
        server = TestServer.start(Backend.H2, dir, c -> c.clock = clock);
        unitA = TestDevice.enrol(server).unitCode;
        unitB = TestDevice.enrol(server).unitCode;
        var accounts = server.services.accounts;
        accounts.create(Actor.cli(), "admin", "Nguyễn Văn Quản", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "leader", "Trần Thị Lãnh", Role.PROVINCE_LEADER, null, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "officer-a", "Lê Văn Xã", Role.COMMUNE_OFFICER, unitA, PASSWORD.toCharArray());
        accounts.create(Actor.cli(), "locked", "Phạm Văn Khóa", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private WebClient client() {
        return new WebClient(server.baseUrl);
    }

    @Test
    void theLoginPageIsVietnameseAndItsFormCarriesAToken() {
        WebClient web = client();
        WebClient.Page p = web.get("/login");
        assertEquals(200, p.status());
        assertTrue(p.raw().headers().firstValue("content-type").orElse("").startsWith("text/html"));
        assertTrue(p.body().contains("Đăng nhập máy chủ của tỉnh") && p.body().contains("Mật khẩu"), p.body());
        assertTrue(p.body().contains("lang=\"vi\""));
        assertEquals(43, p.csrf().length());
        assertTrue(p.raw().headers().firstValue("content-security-policy").orElse("").contains("default-src 'self'"));
        String css = client().get("/assets/app.css").body();
        assertTrue(css.contains("@media"), "the style sheet comes from the jar");
    }

    @Test
    void aVisitorIsSentToTheLoginPageAndBackAfterwards() {
        WebClient web = client();
        WebClient.Page p = web.get("/admin/devices");
        assertEquals(303, p.status());
        assertEquals("/login?next=%2Fadmin%2Fdevices", p.location());
        WebClient.Page form = web.get(p.location());
        assertTrue(form.body().contains("value=\"/admin/devices\""), form.body());
        WebClient.Page in = web.post("/login", "_csrf", form.csrf(), "username", "admin", "password", PASSWORD, "next", "/admin/devices");
        assertEquals(303, in.status());
        assertEquals("/admin/devices", in.location());
        WebClient.Page evil = client().login("admin", PASSWORD);
        assertEquals("/", evil.location());
        assertEquals("/", LoginPages.safeNext("//evil.example/x"));
        assertEquals("/", LoginPages.safeNext("https://evil.example/"));
    }

    @Test
    void theSessionCookieIsHttpOnlyStrictAndHoldsNoAccountData() {
        WebClient web = client();
        WebClient.Page in = web.login("admin", PASSWORD);
        assertEquals(303, in.status(), in.body());
        String cookie = in.setCookie("motcua_session");
        assertNotNull(cookie, in.setCookies().toString());
        String lower = cookie.toLowerCase(java.util.Locale.ROOT);
        assertTrue(lower.contains("httponly"), cookie);
        assertTrue(lower.contains("samesite=strict"), cookie);
        assertTrue(lower.contains("path=/"), cookie);
        assertFalse(lower.contains("secure"), "plain HTTP on loopback: no Secure flag, or the browser would drop it: " + cookie);
        assertFalse(cookie.contains("admin"));
        WebClient.Page login = client().get("/login");
        String formCookie = login.setCookie("motcua_login").toLowerCase(java.util.Locale.ROOT);
        assertTrue(formCookie.contains("httponly") && formCookie.contains("samesite=strict"), formCookie);
        WebClient proxied = client();
        // Behind a TLS-terminating proxy on loopback the cookie is Secure.
        var r = proxied.getWithHeader("/login", "X-Forwarded-Proto", "https");
        assertTrue(r.setCookie("motcua_login").toLowerCase(java.util.Locale.ROOT).contains("secure"), r.setCookies().toString());
    }

    @Test
    void aWrongPasswordIsRefusedInVietnamese() {
        WebClient.Page p = client().login("admin", "sai-mat-khau-roi");
        assertEquals(401, p.status());
        assertTrue(p.body().contains("Tên đăng nhập hoặc mật khẩu không đúng."), p.body());
        assertNull(p.setCookie("motcua_session"));
        WebClient.Page unknown = client().login("nobody-here", "sai-mat-khau-roi");
        assertEquals(401, unknown.status());
        assertTrue(unknown.body().contains("Tên đăng nhập hoặc mật khẩu không đúng."));
    }

    @Test
    void fiveFailuresLockTheAccountForFifteenMinutesEvenForTheRightPassword() {
        for (int i = 0; i < 4; i++) {
            assertEquals(401, client().login("locked", "wrong-password-" + i).status());
        }
        WebClient.Page fifth = client().login("locked", "wrong-password-5");
        assertEquals(429, fifth.status());
        assertTrue(fifth.body().contains("tạm bị khóa") && fifth.body().contains("15 phút"), fifth.body());
        WebClient.Page right = client().login("locked", PASSWORD);
        assertEquals(429, right.status(), "locked: the right password does not open it");
        assertEquals(200, client().get("/login").status());
        clock.advance(Duration.ofMinutes(16));
        assertEquals(303, client().login("locked", PASSWORD).status(), "the lock ends after 15 minutes");
    }

    @Test
    void aPostWithoutOrWithAWrongCsrfTokenIsRefused() throws Exception {
        WebClient web = client();
        web.login("admin", PASSWORD);
        TestDevice device = TestDevice.enrol(server);
        String path = "/admin/devices/" + device.deviceId + "/revoke";
        WebClient.Page none = web.post(path);
        assertEquals(403, none.status());
        assertTrue(none.body().contains("Biểu mẫu hết hiệu lực"), none.body());
        WebClient.Page wrong = web.post(path, "_csrf", "A".repeat(43));
        assertEquals(403, wrong.status());
        WebClient other = client();
        other.login("admin", PASSWORD);
        String othersToken = other.get("/admin/devices").csrf();
        assertEquals(403, web.post(path, "_csrf", othersToken).status(), "another session's token is no token");
        assertTrue(server.admin().find(device.deviceId).orElseThrow().device().status().equals("active"), "nothing was revoked");
        WebClient.Page ok = web.post(path, "_csrf", web.get("/admin/devices").csrf());
        assertEquals(303, ok.status());
        assertTrue(server.admin().find(device.deviceId).orElseThrow().device().revoked());
        List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 5, null);
        assertTrue(log.stream().anyMatch(e -> e.action().equals("device.revoke") && e.target().equals(device.deviceId)
                && e.actor().equals("admin") && e.channel().equals("web") && "127.0.0.1".equals(e.address())), log.toString());
        assertEquals(403, client().post("/login", "username", "admin", "password", PASSWORD).status(),
                "the login form without its token is refused too");
    }

    @Test
    void communeAndLeaderRolesGetAVietnamese403OnAdminPages() {
        for (String user : List.of("officer-a", "leader")) {
            WebClient web = client();
            assertEquals(303, web.login(user, PASSWORD).status());
            for (String path : List.of("/admin/devices", "/admin/enrolment-codes", "/admin/audit", "/admin/accounts",
                    "/admin/accounts/admin/password")) {
                WebClient.Page p = web.get(path);
                assertEquals(403, p.status(), user + " " + path);
                assertTrue(p.body().contains("Không có quyền truy cập"), p.body());
            }
            WebClient.Page post = web.post("/admin/enrolment-codes", "_csrf", web.get("/").csrf(), "unit", unitA, "hours", "1");
            assertEquals(403, post.status());
        }
    }

    @Test
    void aCommuneOfficerSeesOnlyTheirOwnCommuneWhateverTheUrlSays() {
        WebClient web = client();
        web.login("officer-a", PASSWORD);
        WebClient.Page own = web.get("/communes/" + unitA + "/devices");
        assertEquals(200, own.status());
        assertTrue(own.body().contains(unitA));
        WebClient.Page other = web.get("/communes/" + unitB + "/devices");
        assertEquals(403, other.status());
        assertFalse(other.body().contains(unitB), "nothing of the other commune shows");
        assertEquals(403, web.get("/communes/999.99.99.Z99/devices").status(), "an unknown unit answers the same");
        WebClient leader = client();
        leader.login("leader", PASSWORD);
        assertEquals(200, leader.get("/communes/" + unitB + "/devices").status(), "a province leader sees every commune");
    }

    @Test
    void behindAReverseProxyTheClientsAddressIsTheForwardedOne() throws Exception {
        WebClient web = client();
        web.headers.put("X-Forwarded-For", "198.51.100.4, 203.0.113.9");
        web.login("admin", PASSWORD);
        TestDevice device = TestDevice.enrol(server);
        assertEquals(303, web.post("/admin/devices/" + device.deviceId + "/revoke", "_csrf", web.get("/").csrf()).status());
        AuditLog.Entry e = AuditLog.recent(server.services.db, 1, null).get(0);
        assertEquals("device.revoke", e.action());
        assertEquals("203.0.113.9", e.address(), "the proxy's own view of the client: the last hop");
        WebClient liar = client();
        liar.headers.put("X-Forwarded-For", "<script>");
        assertEquals(200, liar.get("/login").status());
    }

    @Test
    void everyWordHasItsVietnameseAndItsEnglishFallback() throws Exception {
        java.util.Properties en = new java.util.Properties();
        java.util.Properties vi = new java.util.Properties();
        try (var a = getClass().getResourceAsStream("/web/messages.properties");
                var b = new java.io.InputStreamReader(getClass().getResourceAsStream("/web/messages_vi.properties"),
                        java.nio.charset.StandardCharsets.UTF_8)) {
            en.load(new java.io.InputStreamReader(a, java.nio.charset.StandardCharsets.UTF_8));
            vi.load(b);
        }
        assertEquals(new java.util.TreeSet<>(en.stringPropertyNames()), new java.util.TreeSet<>(vi.stringPropertyNames()));
        assertEquals("Đăng xuất", Messages.vietnamese().get("nav.logout"));
        assertEquals("[no.such.key]", Messages.vietnamese().get("no.such.key"));
    }

    @Test
    void theAdminManagesAccountsOnTheWebAndEachChangeIsAudited() throws Exception {
        WebClient web = client();
        web.login("admin", PASSWORD);
        WebClient.Page page = web.get("/admin/accounts");
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Tài khoản cán bộ") && page.body().contains("officer-a"), page.body());
        String csrf = page.csrf();
        WebClient.Page noUnit = web.post("/admin/accounts", "_csrf", csrf, "username", "canbo-b", "displayName", "Cán Bộ B",
                "role", "commune-officer", "unit", "", "password", PASSWORD, "password2", PASSWORD);
        assertEquals(400, noUnit.status());
        assertTrue(noUnit.body().contains("Vai trò cấp xã cần mã đơn vị"), noUnit.body());
        assertFalse(noUnit.body().contains(PASSWORD), "a password is never written back into the page");
        WebClient.Page differ = web.post("/admin/accounts", "_csrf", csrf, "username", "canbo-b", "displayName", "Cán Bộ B",
                "role", "commune-officer", "unit", unitB, "password", PASSWORD, "password2", PASSWORD + "x");
        assertTrue(differ.body().contains("Hai mật khẩu không khớp."));
        WebClient.Page taken = web.post("/admin/accounts", "_csrf", csrf, "username", "admin", "displayName", "X",
                "role", "province-leader", "unit", "", "password", PASSWORD, "password2", PASSWORD);
        assertTrue(taken.body().contains("Tên đăng nhập này đã có người dùng."));
        WebClient.Page made = web.post("/admin/accounts", "_csrf", csrf, "username", "canbo-b", "displayName", "Cán Bộ B",
                "role", "commune-officer", "unit", unitB, "password", PASSWORD, "password2", PASSWORD);
        assertEquals(303, made.status(), made.body());
        assertTrue(web.get(made.location()).body().contains("Đã tạo tài khoản canbo-b."));

        WebClient b = client();
        assertEquals(303, b.login("canbo-b", PASSWORD).status());
        assertEquals(200, b.get("/communes/" + unitB + "/devices").status());
        assertEquals(403, b.get("/communes/" + unitA + "/devices").status());

        String newPassword = "mật-khẩu-mới-hơn-9";
        assertEquals(303, web.post("/admin/accounts/canbo-b/password", "_csrf", csrf, "password", newPassword, "password2",
                newPassword).status());
        assertEquals(303, b.get("/").status(), "a new password ends the officer's sessions");
        assertEquals(303, b.login("canbo-b", newPassword).status());
        assertTrue(web.get("/admin/accounts/canbo-b/disable").body().contains("Khóa tài khoản này"));
        assertEquals(303, web.post("/admin/accounts/canbo-b/disable", "_csrf", csrf).status());
        assertEquals(303, b.get("/").status(), "disabled: its session is gone");
        assertEquals(401, b.login("canbo-b", newPassword).status());
        assertEquals(403, web.post("/admin/accounts/admin/disable", "_csrf", csrf).status(), "not oneself, from the web");
        assertEquals(404, web.get("/admin/accounts/no-such-officer/password").status());

        List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 3, null);
        assertEquals(List.of("account.disable", "account.reset-password", "account.create"),
                log.stream().map(AuditLog.Entry::action).toList());
        assertTrue(log.stream().allMatch(e -> e.target().equals("canbo-b") && e.actor().equals("admin") && e.channel().equals("web")));
        assertTrue(log.stream().noneMatch(e -> e.detail().contains(newPassword) || e.detail().contains(PASSWORD)));
    }

    @Test
    void logoutEndsTheSessionOnTheServer() {
        WebClient web = client();
        web.login("admin", PASSWORD);
        String token = web.cookies.get("motcua_session");
        WebClient.Page home = web.get("/");
        assertEquals(200, home.status());
        assertTrue(home.body().contains("Xin chào, Nguyễn Văn Quản"), home.body());
        WebClient.Page out = web.post("/logout", "_csrf", home.csrf());
        assertEquals(303, out.status());
        String cleared = out.setCookie("motcua_session").toLowerCase(java.util.Locale.ROOT);
        assertTrue(cleared.contains("max-age=0") || cleared.contains("expires=thu, 01 jan 1970"), cleared);
        WebClient replay = client();
        replay.cookies.put("motcua_session", token);
        assertEquals(303, replay.get("/").status(), "the old cookie opens nothing");
    }

    @Test
    void anIdleSessionExpires() {
        WebClient web = client();
        web.login("admin", PASSWORD);
        assertEquals(200, web.get("/admin/devices").status());
        clock.advance(Duration.ofMinutes(29));
        assertEquals(200, web.get("/admin/devices").status(), "each request keeps it alive");
        clock.advance(Duration.ofMinutes(31));
        assertEquals(303, web.get("/admin/devices").status());
    }

    @Test
    void theApiKeepsItsProblemAnswersAndPagesGetVietnameseOnes() {
        Http.Answer api = Http.send("GET", server.url("/api/v1/nothing-here"), java.util.Map.of(), null);
        assertEquals(404, api.status());
        assertEquals("not-found", api.problem());
        WebClient.Page page = client().get("/no-such-page");
        assertEquals(404, page.status());
        assertTrue(page.body().contains("Không tìm thấy trang"), page.body());
    }

    @Test
    void anEnrolmentCodeIsShownOnceAndAudited() {
        WebClient web = client();
        web.login("admin", PASSWORD);
        WebClient.Page form = web.get("/admin/enrolment-codes");
        WebClient.Page bad = web.post("/admin/enrolment-codes", "_csrf", form.csrf(), "unit", "not-a-unit", "hours", "24");
        assertEquals(400, bad.status());
        assertTrue(bad.body().contains("Mã đơn vị có dạng"), bad.body());
        WebClient.Page made = web.post("/admin/enrolment-codes", "_csrf", form.csrf(), "purpose", "new", "unit", "000.17.22.H56",
                "unitName", "UBND xã Minh Xuân", "hours", "24");
        assertEquals(200, made.status(), made.body());
        var m = java.util.regex.Pattern.compile("id=\"enrolment-code\">([0-9A-Z-]+)<").matcher(made.body());
        assertTrue(m.find(), made.body());
        String code = m.group(1);
        String list = web.get("/admin/enrolment-codes").body();
        assertFalse(list.contains(code), "the code is never shown again");
        assertTrue(list.contains(code.substring(0, 4)) || list.contains("000.17.22.H56"));
        String audit = web.get("/admin/audit").body();
        assertTrue(audit.contains("Tạo mã đăng ký") && audit.contains("000.17.22.H56"), audit);
        assertFalse(audit.contains(code), "no secret in the audit log");
    }
}
