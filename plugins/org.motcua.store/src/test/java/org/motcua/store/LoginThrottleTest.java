package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.OfficerAccounts.Login;

/** Failed logins counted outside the encrypted store, before any Argon2 work. */
class LoginThrottleTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 8, 30);

    @TempDir
    Path dir;

    private LoginThrottle throttle() {
        return LoginThrottle.of(dir.resolve("desk"));
    }

    @Test
    void locksANameAfterMaxFailedAndOnlyThatName() {
        LoginThrottle t = throttle();
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            assertEquals(new Login.Refused(OfficerAccounts.MAX_FAILED - i), t.failed("quantri", NOW));
        }
        assertEquals(new Login.Locked(NOW.plus(OfficerAccounts.LOCKOUT)), t.failed("quantri", NOW));
        assertEquals(Optional.of(NOW.plus(OfficerAccounts.LOCKOUT)), t.lockedUntil("quantri", NOW.plusMinutes(14)));
        assertEquals(new Login.Locked(NOW.plus(OfficerAccounts.LOCKOUT)), t.failed("quantri", NOW.plusMinutes(1)),
                "a try while locked does not extend or reset the lock");
        assertEquals(Optional.empty(), t.lockedUntil("tiepnhan1", NOW));
        assertEquals(Optional.empty(), t.lockedUntil("quantri", NOW.plus(OfficerAccounts.LOCKOUT)));
        assertEquals(new Login.Refused(OfficerAccounts.MAX_FAILED - 1), t.failed("quantri", NOW.plus(OfficerAccounts.LOCKOUT)),
                "after the lockout the count starts again");
        assertTrue(Files.exists(dir.resolve("desk.logins")));
    }

    @Test
    void survivesReopeningAndSuccessResetsTheCount() {
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            throttle().failed("quantri", NOW);
        }
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            assertEquals(new Login.Locked(NOW.plus(OfficerAccounts.LOCKOUT)), throttle().failed("quantri", NOW),
                    "a new instance reads the count from the file");
            throttle().failed("tiepnhan1", NOW);
            throttle().succeeded("tiepnhan1", store, NOW.plusMinutes(20));
            assertEquals(new Login.Refused(OfficerAccounts.MAX_FAILED - 1), throttle().failed("tiepnhan1", NOW.plusMinutes(21)));
            List<String> audit = audit(store);
            assertEquals(6, audit.stream().filter(a -> a.startsWith("LOGIN_FAILED")).count(), audit.toString());
            assertTrue(audit.contains("LOGIN_LOCKED quantri"), audit.toString());
            assertTrue(store.verifyAudit().intact());
            throttle().succeeded("tiepnhan1", store, NOW.plusMinutes(22));
            assertEquals(7, audit(store).stream().filter(a -> a.startsWith("LOGIN_FAILED")).count(),
                    "each failure reaches the audit log once");
        }
        String file = read();
        assertFalse(file.contains("quantri"), "expired locks and reported failures are forgotten: " + file);
    }

    @Test
    void aDamagedFileStartsAfreshAndTheAuditLogSaysSo() throws Exception {
        Files.writeString(dir.resolve("desk.logins"), "{\"names\": [1, 2");
        assertEquals(Optional.empty(), throttle().lockedUntil("quantri", NOW));
        assertEquals(new Login.Refused(OfficerAccounts.MAX_FAILED - 1), throttle().failed("quantri", NOW));
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            throttle().succeeded("quantri", store, NOW);
            assertTrue(audit(store).contains("LOGIN_THROTTLE_RESET -"), audit(store).toString());
        }
    }

    private String read() {
        try {
            return Files.readString(dir.resolve("desk.logins"));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static List<String> audit(Store store) {
        return store.read(c -> {
            List<String> rows = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT action, subject FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return rows;
        });
    }
}
