package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.OfficerAccounts.Login;

/** The admin's account operations: who may do them, the last-admin rule, and what the audit log keeps. */
class OfficerAccountsAdminTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 8, 30);
    private static final String ADMIN_PW = "mat-khau-quan-tri";
    private static final String OFFICER_PW = "hoa-2026-mc";

    @TempDir
    Path dir;

    private Store store;
    private OfficerAccounts accounts;

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
        accounts = new OfficerAccounts(store);
        accounts.create("quantri", "Lê Văn Quản", Role.ADMIN, ADMIN_PW.toCharArray(), "setup", Role.ADMIN, NOW);
        accounts.create("tiepnhan1", "Phạm Thị Hoa", Role.RECEIVING_OFFICER, OFFICER_PW.toCharArray(), "quantri",
                Role.ADMIN, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private static String refusal(Executable call) {
        return assertThrows(ValidationException.class, call).violations().get(0).code();
    }

    @Test
    void onlyAnAdminManagesAccountsAndNothingChangesWhenRefused() {
        for (Role role : List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.LEADER, Role.COMMUNITY_ASSISTANT)) {
            assertEquals("officer.manage.adminOnly", refusal(() -> accounts.deactivate("tiepnhan1", "x", role, NOW)));
            assertEquals("officer.manage.adminOnly",
                    refusal(() -> accounts.resetPassword("tiepnhan1", "mat-khau-moi-1".toCharArray(), "x", role, NOW)));
            assertEquals("officer.manage.adminOnly", refusal(() -> accounts.unlock("tiepnhan1", "x", role, NOW)));
            assertEquals("officer.manage.adminOnly",
                    refusal(() -> accounts.reactivate("tiepnhan1", "mat-khau-moi-1".toCharArray(), "x", role, NOW)));
        }
        assertInstanceOf(Login.Success.class, accounts.login("tiepnhan1", OFFICER_PW.toCharArray(), NOW));
        assertEquals("Chỉ quản trị viên mới được quản lý tài khoản cán bộ.",
                assertThrows(ValidationException.class, () -> accounts.unlock("tiepnhan1", "x", Role.LEADER, NOW))
                        .messages(Locale.forLanguageTag("vi-VN")));
    }

    @Test
    void deactivationStopsLoginAndKeepsOneActiveAdminAndNeverTheActorThemselves() {
        assertEquals("officer.self", refusal(() -> accounts.deactivate("quantri", "quantri", Role.ADMIN, NOW)));
        accounts.create("quantri2", "Admin Hai", Role.ADMIN, "mat-khau-hai-2".toCharArray(), "quantri", Role.ADMIN, NOW);
        accounts.deactivate("quantri2", "quantri", Role.ADMIN, NOW);
        assertEquals("officer.lastAdmin", refusal(() -> accounts.deactivate("quantri", "quantri2", Role.ADMIN, NOW)),
                "an inactive admin does not count as the one left");
        accounts.deactivate("tiepnhan1", "quantri", Role.ADMIN, NOW);
        assertEquals("officer.alreadyInactive", refusal(() -> accounts.deactivate("tiepnhan1", "quantri", Role.ADMIN, NOW)));
        assertEquals("officer.unknown", refusal(() -> accounts.deactivate("khongco", "quantri", Role.ADMIN, NOW)));
        assertInstanceOf(Login.Refused.class, accounts.login("tiepnhan1", OFFICER_PW.toCharArray(), NOW));
        assertEquals("officer.inactive", refusal(() -> accounts.resetPassword("tiepnhan1", "mat-khau-moi-1".toCharArray(),
                "quantri", Role.ADMIN, NOW)));

        accounts.reactivate("tiepnhan1", "mat-khau-moi-1".toCharArray(), "quantri", Role.ADMIN, NOW);
        assertInstanceOf(Login.Refused.class, accounts.login("tiepnhan1", OFFICER_PW.toCharArray(), NOW),
                "reactivation sets a new password");
        assertInstanceOf(Login.Success.class, accounts.login("tiepnhan1", "mat-khau-moi-1".toCharArray(), NOW));
        assertEquals("officer.alreadyActive", refusal(() -> accounts.reactivate("tiepnhan1", "mat-khau-moi-2".toCharArray(),
                "quantri", Role.ADMIN, NOW)));
        assertTrue(audit().contains("quantri OFFICER_DEACTIVATED tiepnhan1"), audit().toString());
        assertTrue(audit().contains("quantri OFFICER_REACTIVATED tiepnhan1"), audit().toString());
    }

    @Test
    void resetAndUnlockClearTheLockoutAndTheOldPasswordStopsWorking() {
        for (int i = 0; i < OfficerAccounts.MAX_FAILED; i++) {
            accounts.login("tiepnhan1", "sai".toCharArray(), NOW);
        }
        assertTrue(accounts.accounts().stream().filter(a -> a.officer().username().equals("tiepnhan1")).findFirst()
                .orElseThrow().lockedAt(NOW));
        accounts.unlock("tiepnhan1", "quantri", Role.ADMIN, NOW);
        assertNull(accounts.accounts().get(1).lockedUntil());
        assertInstanceOf(Login.Success.class, accounts.login("tiepnhan1", OFFICER_PW.toCharArray(), NOW));

        for (int i = 0; i < OfficerAccounts.MAX_FAILED; i++) {
            accounts.login("tiepnhan1", "sai".toCharArray(), NOW);
        }
        assertEquals("officer.password.short", refusal(() -> accounts.resetPassword("tiepnhan1", "ngan".toCharArray(),
                "quantri", Role.ADMIN, NOW)));
        accounts.resetPassword("tiepnhan1", "mat-khau-moi-1".toCharArray(), "quantri", Role.ADMIN, NOW);
        assertInstanceOf(Login.Refused.class, accounts.login("tiepnhan1", OFFICER_PW.toCharArray(), NOW));
        assertInstanceOf(Login.Success.class, accounts.login("tiepnhan1", "mat-khau-moi-1".toCharArray(), NOW),
                "the reset also ended the lockout");
        assertTrue(audit().contains("quantri OFFICER_UNLOCKED tiepnhan1"));
        assertTrue(audit().contains("quantri PASSWORD_RESET tiepnhan1"));
    }

    @Test
    void anOfficerChangesTheirOwnPasswordOnlyWithTheCurrentOne() {
        assertEquals("officer.password.wrong", refusal(() -> accounts.changeOwnPassword("tiepnhan1", "sai-roi-1".toCharArray(),
                "mat-khau-moi-1".toCharArray(), NOW)));
        accounts.changeOwnPassword("tiepnhan1", OFFICER_PW.toCharArray(), "mat-khau-moi-1".toCharArray(), NOW);
        assertInstanceOf(Login.Success.class, accounts.login("tiepnhan1", "mat-khau-moi-1".toCharArray(), NOW));
        assertTrue(audit().contains("tiepnhan1 PASSWORD_CHANGED tiepnhan1"));
    }

    @Test
    void recoveryResetsOnlyAnActiveAdmin() {
        assertEquals("officer.recovery.notAdmin", refusal(() -> accounts.recover("tiepnhan1", "mat-khau-moi-1".toCharArray(), NOW)));
        accounts.recover("quantri", "mat-khau-moi-1".toCharArray(), NOW);
        assertInstanceOf(Login.Success.class, accounts.login("quantri", "mat-khau-moi-1".toCharArray(), NOW));
        assertTrue(audit().contains("quantri RECOVERY_USED quantri"));
    }

    @Test
    void theAuditLogNamesEveryChangeButNeverAPassword() {
        accounts.resetPassword("tiepnhan1", "mat-khau-moi-1".toCharArray(), "quantri", Role.ADMIN, NOW);
        accounts.changeOwnPassword("tiepnhan1", "mat-khau-moi-1".toCharArray(), "mat-khau-moi-2".toCharArray(), NOW);
        accounts.deactivate("tiepnhan1", "quantri", Role.ADMIN, NOW);
        accounts.reactivate("tiepnhan1", "mat-khau-moi-3".toCharArray(), "quantri", Role.ADMIN, NOW);
        accounts.recover("quantri", "mat-khau-moi-4".toCharArray(), NOW);
        String all = String.join("\n", auditWithDetails());
        for (String secret : List.of(ADMIN_PW, OFFICER_PW, "mat-khau-moi", "argon2")) {
            assertFalse(all.contains(secret), secret + " in\n" + all);
        }
        assertTrue(store.verifyAudit().intact());
    }

    /** "actor ACTION subject" per audit row. */
    private List<String> audit() {
        return store.read(c -> {
            List<String> rows = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT actor, action, subject FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getString(1) + " " + rs.getString(2) + " " + rs.getString(3));
                }
            }
            return rows;
        });
    }

    private List<String> auditWithDetails() {
        return store.read(c -> {
            List<String> rows = new ArrayList<>();
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT * FROM audit_log ORDER BY seq")) {
                while (rs.next()) {
                    rows.add(rs.getString("actor") + " " + rs.getString("action") + " " + rs.getString("subject") + " "
                            + rs.getString("detail"));
                }
            }
            return rows;
        });
    }
}
