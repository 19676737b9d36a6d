package org.motcua.server.accounts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * The accounts' operations without HTTP, on the backend the subclass names: hashing, the rules of create, disable and
 * reset, the throttle's lockout and its end, sessions' expiry, and the audit entry each admin action writes in its own
 * transaction.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class AccountCases {

    static final char[] PASSWORD = "một-mật-khẩu-dài".toCharArray();
    static final Actor ADMIN = Actor.web("root-admin", "10.0.0.7");

    TestServer server;
    Path dir;
    final MutableClock clock = new MutableClock(Instant.parse("2026-05-04T01:00:00Z"));
    Accounts accounts;
    OfficerLogin login;
    OfficerSessions sessions;

    abstract Backend backend();

    @BeforeAll
    void start() throws IOException {
        dir = Files.createTempDirectory("motcua-accounts-");
        server = TestServer.start(backend(), dir, c -> c.clock = clock);
        accounts = server.services.accounts;
        login = server.services.officerLogin;
        sessions = server.services.officerSessions;
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private List<AuditLog.Entry> audit() throws Exception {
        return AuditLog.recent(server.services.db, 50, null);
    }

    @Test
    void passwordsAreStoredAsArgon2idPhcStrings() throws Exception {
        accounts.create(ADMIN, "Hash.Check", "Người Kiểm Tra", Role.PROVINCE_LEADER, null, PASSWORD);
        String phc = Tx.read(server.services.db, c -> Sql.one(c, "SELECT password_phc FROM officer_accounts WHERE username = ?",
                rs -> rs.getString(1), "hash.check")).orElseThrow();
        assertTrue(phc.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), phc);
        assertTrue(PasswordHasher.verify(PASSWORD, phc));
        assertFalse(PasswordHasher.verify("một-mật-khẩu-khác".toCharArray(), phc));
        assertFalse(PasswordHasher.verify(PASSWORD, phc.replace("m=19456", "m=999999999")), "absurd costs are refused");
        assertFalse(PasswordHasher.verify(PASSWORD, "not-a-phc"));
        AuditLog.Entry e = audit().get(0);
        assertEquals("account.create", e.action());
        assertEquals("hash.check", e.target());
        assertEquals("root-admin", e.actor());
        assertEquals("web", e.channel());
        assertFalse(e.detail().contains(new String(PASSWORD)));
    }

    @Test
    void aCommuneRoleNeedsARegisteredUnitAndAProvinceRoleNone() throws Exception {
        String unit = TestDevice.enrol(server).unitCode;
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "no-unit", "A", Role.COMMUNE_OFFICER, null, PASSWORD));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "bad-unit", "A", Role.COMMUNE_LEADER,
                "999.99.99.Z99", PASSWORD));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "prov-unit", "A", Role.PROVINCE_ADMIN, unit, PASSWORD));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "short-pw", "A", Role.PROVINCE_ADMIN, null,
                "ngắn".toCharArray()));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "x", "A", Role.PROVINCE_ADMIN, null, PASSWORD));
        Account a = accounts.create(ADMIN, "xa-officer", "Cán Bộ Xã", Role.COMMUNE_OFFICER, unit, PASSWORD);
        assertTrue(a.sees(unit));
        assertFalse(a.sees("999.99.99.Z99"));
        assertThrows(IllegalArgumentException.class, () -> accounts.create(ADMIN, "XA-OFFICER", "Trùng", Role.COMMUNE_OFFICER, unit,
                PASSWORD), "names are one case");
        assertTrue(accounts.list().stream().anyMatch(x -> x.username().equals("xa-officer") && x.role() == Role.COMMUNE_OFFICER));
    }

    @Test
    void fiveFailuresLockAnAccountForFifteenMinutesAndAResetLiftsIt() throws Exception {
        accounts.create(ADMIN, "guessed", "Bị Đoán", Role.PROVINCE_ADMIN, null, PASSWORD);
        for (int i = 0; i < 4; i++) {
            assertEquals(OfficerLogin.Outcome.WRONG, login.attempt("guessed", ("sai-" + i).toCharArray(), "10.1.1." + i).outcome());
        }
        OfficerLogin.Result fifth = login.attempt("guessed", "sai-5".toCharArray(), "10.1.1.5");
        assertEquals(OfficerLogin.Outcome.LOCKED, fifth.outcome());
        assertEquals(clock.instant().plus(Duration.ofMinutes(15)), fifth.lockedUntil());
        assertEquals(OfficerLogin.Outcome.LOCKED, login.attempt("guessed", PASSWORD, "10.1.1.9").outcome(), "per account, any address");
        clock.advance(Duration.ofMinutes(15).plusSeconds(1));
        assertEquals(OfficerLogin.Outcome.SIGNED_IN, login.attempt("guessed", PASSWORD, "10.1.1.9").outcome());

        for (int i = 0; i < 5; i++) {
            login.attempt("guessed", ("sai-" + i).toCharArray(), "10.1.2.1");
        }
        assertEquals(OfficerLogin.Outcome.LOCKED, login.attempt("guessed", PASSWORD, "10.1.2.1").outcome());
        accounts.resetPassword(ADMIN, "guessed", "mật-khẩu-mới-dài-hơn".toCharArray());
        assertEquals(OfficerLogin.Outcome.SIGNED_IN, login.attempt("guessed", "mật-khẩu-mới-dài-hơn".toCharArray(), "10.1.2.1").outcome());
        assertEquals("account.reset-password", audit().get(0).action());
    }

    @Test
    void oneAddressGuessingManyNamesIsLockedToo() throws Exception {
        accounts.create(ADMIN, "victim", "Nạn Nhân", Role.PROVINCE_ADMIN, null, PASSWORD);
        for (int i = 0; i < LoginThrottle.ADDRESS_FAILURES; i++) {
            login.attempt("name-" + i, "sai".repeat(5).toCharArray(), "10.9.9.9");
        }
        assertEquals(OfficerLogin.Outcome.LOCKED, login.attempt("victim", PASSWORD, "10.9.9.9").outcome());
        assertEquals(OfficerLogin.Outcome.SIGNED_IN, login.attempt("victim", PASSWORD, "10.9.9.10").outcome());
        clock.advance(Duration.ofMinutes(16));
    }

    @Test
    void sessionsEndWhenIdleAfterTheirLifetimeAndWhenTheAccountIsDisabled() throws Exception {
        accounts.create(ADMIN, "sessions", "Phiên", Role.PROVINCE_LEADER, null, PASSWORD);
        OfficerSessions.Opened s = sessions.open("sessions", "10.0.0.1");
        OfficerSessions.SignedIn in = sessions.resolve(s.token()).orElseThrow();
        assertEquals(s.csrfToken(), in.csrfToken());
        String stored = Tx.read(server.services.db, c -> Sql.one(c, "SELECT token_sha256 FROM officer_sessions WHERE username = ?",
                rs -> rs.getString(1), "sessions")).orElseThrow();
        assertFalse(stored.equals(s.token()), "only the token's hash is stored");
        for (int i = 0; i < 20; i++) {
            clock.advance(Duration.ofMinutes(29));
            assertTrue(sessions.resolve(s.token()).isPresent(), "used every 29 minutes: alive after " + (i + 1) * 29 + " min");
        }
        clock.advance(Duration.ofMinutes(29));
        assertTrue(sessions.resolve(s.token()).isEmpty(), "ten hours at most");

        OfficerSessions.Opened idle = sessions.open("sessions", "10.0.0.1");
        clock.advance(Duration.ofMinutes(31));
        assertTrue(sessions.resolve(idle.token()).isEmpty(), "30 idle minutes end it");

        OfficerSessions.Opened live = sessions.open("sessions", "10.0.0.1");
        assertTrue(accounts.disable(ADMIN, "sessions"));
        assertTrue(sessions.resolve(live.token()).isEmpty());
        assertFalse(accounts.disable(ADMIN, "sessions"), "disabled already");
        assertEquals(OfficerLogin.Outcome.WRONG, login.attempt("sessions", PASSWORD, "10.0.0.1").outcome());
        assertEquals("account.disable", audit().get(0).action());
    }

    @Test
    void deviceAdminActionsAreAuditedInTheirOwnTransaction() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        var admin = new org.motcua.server.registry.DeviceAdmin(server.services.db, clock, ADMIN);
        long before = audit().size();
        assertFalse(admin.revoke("00000000-0000-4000-8000-000000000000"), "an unknown device");
        assertEquals(before, audit().size(), "no entry for an action that did nothing");
        assertTrue(admin.revoke(d.deviceId));
        AuditLog.Entry e = audit().get(0);
        assertEquals("device.revoke", e.action());
        assertEquals(d.deviceId, e.target());
        assertTrue(e.detail().contains(d.unitCode));
        assertThrows(IllegalArgumentException.class, () -> admin.newCode(d.unitCode, null, "00000000-0000-4000-8000-000000000001",
                Duration.ofHours(1)));
        assertEquals("device.revoke", audit().get(0).action(), "a refused code leaves no entry: one transaction");
        var code = admin.newCode(d.unitCode, null, d.deviceId, Duration.ofHours(2));
        AuditLog.Entry made = audit().get(0);
        assertEquals("enrolment-code.create", made.action());
        assertTrue(made.detail().contains("codeId=" + code.code().codeId()) && made.detail().contains("purpose=reenrol"));
        assertFalse(made.detail().contains(code.code().grouped()), "never the code itself");
    }

    @Test
    void aCitizenIdNeverReachesTheAuditLogWhole() throws Exception {
        Tx.durable(server.services.db, c -> {
            AuditLog.record(c, ADMIN, clock.instant(), "test.citizen", "001203004567", "lookup of 001203004567 by mistake");
            return null;
        });
        AuditLog.Entry e = audit().get(0);
        assertEquals("*********567", e.target());
        assertFalse(e.detail().contains("001203004567"), e.detail());
        String deviceId = "8df63db1-6488-4a4e-953d-123456789378";
        Tx.durable(server.services.db, c -> {
            AuditLog.record(c, ADMIN, clock.instant(), "test.device", deviceId, "device=" + deviceId + ", cccd 001203004567.");
            return null;
        });
        AuditLog.Entry d = audit().get(0);
        assertEquals(deviceId, d.target(), "a device id whose last group is all digits stays whole");
        assertEquals("device=" + deviceId + ", cccd *********567.", d.detail());
        Tx.durable(server.services.db, c -> {
            AuditLog.record(c, ADMIN, clock.instant(), "test.version", "linux.gtk.x86_64", "version=0.2.0.202612010900, id.001203004567");
            return null;
        });
        assertEquals("version=0.2.0.202612010900, id.*********567", audit().get(0).detail(),
                "a release's 12-digit build qualifier stays whole, an ID after a word and a dot does not");
    }
}
