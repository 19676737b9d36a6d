package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * Two instances on one PostgreSQL behind a load balancer that does not stick: a session, its CSRF token, a logout and a
 * login lockout made on one instance hold on the other.
 */
class SharedSessionsTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-3";

    @TempDir
    Path dir;

    @Test
    void sessionsAndLockoutsAreTheDatabasesNotAnInstances() throws Exception {
        try (TestServer a = TestServer.start(Backend.POSTGRESQL, dir); TestServer b = a.sibling()) {
            a.services.accounts.create(Actor.cli(), "admin", "Quản Trị", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
            a.services.accounts.create(Actor.cli(), "target", "Mục Tiêu", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
            TestDevice device = TestDevice.enrol(a);

            WebClient onA = new WebClient(a.baseUrl);
            assertEquals(303, onA.login("admin", PASSWORD).status());
            String csrf = onA.get("/admin/devices").csrf();
            WebClient onB = new WebClient(b.baseUrl);
            onB.cookies.putAll(onA.cookies);
            assertEquals(200, onB.get("/admin/devices").status(), "B knows A's session");
            assertEquals(303, onB.post("/admin/devices/" + device.deviceId + "/revoke", "_csrf", csrf).status(),
                    "and its CSRF token");
            assertTrue(a.admin().find(device.deviceId).orElseThrow().device().revoked());
            assertEquals(303, onB.post("/logout", "_csrf", csrf).status());
            assertEquals(303, onA.get("/admin/devices").status(), "logged out on B: gone on A");

            for (int i = 0; i < 5; i++) {
                new WebClient(i % 2 == 0 ? a.baseUrl : b.baseUrl).login("target", "sai-mat-khau-" + i);
            }
            assertEquals(429, new WebClient(a.baseUrl).login("target", PASSWORD).status());
            assertEquals(429, new WebClient(b.baseUrl).login("target", PASSWORD).status());
        }
    }
}
