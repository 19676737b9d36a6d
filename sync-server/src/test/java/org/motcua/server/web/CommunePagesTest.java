package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/** The commune page over real HTTP: upload (multipart, CSRF), refusal in Vietnamese, the list, roles, the audit entry. */
class CommunePagesTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-1";

    @TempDir
    Path dir;

    @Test
    void theAdminImportsTheCommuneListOnTheWeb() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-03-02T02:00:00Z"));
        try (TestServer server = TestServer.start(Backend.H2, dir, c -> c.clock = clock)) {
            String unit = TestDevice.enrol(server).unitCode;
            server.services.accounts.create(Actor.cli(), "admin", "Nguyễn Văn Quản", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
            server.services.accounts.create(Actor.cli(), "officer", "Lê Văn Xã", Role.COMMUNE_OFFICER, unit, PASSWORD.toCharArray());
            WebClient web = new WebClient(server.baseUrl);
            web.login("admin", PASSWORD);
            WebClient.Page page = web.get("/admin/communes");
            assertEquals(200, page.status());
            assertTrue(page.body().contains("Xã, phường của tỉnh") && page.body().contains(unit), page.body());
            String csrf = page.csrf();

            byte[] good = "ma_don_vi;ten_don_vi;ma_dvhc\n000.17.22.H56;Xã Hòa Bình;10378\n000.18.22.H56;Xã Tân Lập;10381\n"
                    .getBytes(StandardCharsets.UTF_8);
            assertEquals(403, web.postFile("/admin/communes", "file", "xa.csv", good).status(), "no CSRF token, no import");
            assertFalse(web.get("/admin/communes").body().contains("<td><code>000.17.22.H56"));

            byte[] bad = "ma_don_vi;ten_don_vi\n000.17.22.H56;Xã Hòa Bình\n000.17.22.H5;Xã Sai\n".getBytes(StandardCharsets.UTF_8);
            WebClient.Page refused = web.postFile("/admin/communes", "file", "xa.csv", bad, "_csrf", csrf);
            assertEquals(400, refused.status());
            assertTrue(refused.body().contains("Tệp bị từ chối, không có gì được lưu")
                    && refused.body().contains("Dòng 3: mã đơn vị “000.17.22.H5” không đúng dạng 000.17.22.H56"), refused.body());
            assertFalse(refused.body().contains("<td><code>000.17.22.H56"), "nothing stored from a bad file");
            assertEquals(400, web.postFile("/admin/communes", "file", "empty.csv", new byte[0], "_csrf", csrf).status());

            WebClient.Page done = web.postFile("/admin/communes", "file", "xa.csv", good, "_csrf", csrf);
            assertEquals(303, done.status(), done.body());
            String list = web.get(done.location()).body();
            assertTrue(list.contains("Đã nhập 2 xã: 2 thêm mới, 0 đổi tên hoặc mã ĐVHC, 0 không đổi.")
                    && list.contains("Xã Tân Lập") && list.contains("10378"), list);

            WebClient officer = new WebClient(server.baseUrl);
            officer.login("officer", PASSWORD);
            assertEquals(403, officer.get("/admin/communes").status());
            assertEquals(403, officer.postFile("/admin/communes", "file", "xa.csv", good, "_csrf", officer.get("/").csrf()).status());

            List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 10, null).stream()
                    .filter(e -> e.action().equals("communes.import")).toList();
            assertEquals(1, log.size());
            assertEquals("admin", log.get(0).actor());
            assertEquals("web", log.get(0).channel());
            assertEquals("127.0.0.1", log.get(0).address());
        }
    }
}
