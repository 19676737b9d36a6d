package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

class OfficerAccountsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 7, 45);

    @TempDir
    Path dir;

    private Store store;
    private OfficerAccounts accounts;

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
        accounts = new OfficerAccounts(store);
        accounts.create("quantri", "Lê Văn Quản", Role.ADMIN, "mat-khau-quan-tri".toCharArray(), "setup", Role.ADMIN, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void passwordsAreStoredAsArgon2idOnly() {
        String stored = store.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT password_hash FROM officer")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertTrue(stored.startsWith("$argon2id$v=19$m=19456,t=2,p=1$"), stored);
        assertFalse(stored.contains("mat-khau"));
        assertTrue(PasswordHasher.verify("mat-khau-quan-tri".toCharArray(), stored));
        assertFalse(PasswordHasher.verify("mat-khau-quan-trj".toCharArray(), stored));
        assertFalse(PasswordHasher.verify("x".toCharArray(), "$argon2id$garbage"));
    }

    @Test
    void loginSucceedsWithTheRightPasswordOnly() {
        accounts.create("tiepnhan1", "Phạm Thị Hoa", Role.RECEIVING_OFFICER, "hoa-2026-mc".toCharArray(), "quantri", Role.ADMIN, NOW);
        var ok = assertInstanceOf(OfficerAccounts.Login.Success.class, accounts.login("tiepnhan1", "hoa-2026-mc".toCharArray(), NOW));
        assertEquals(Role.RECEIVING_OFFICER, ok.officer().role());
        assertEquals(new OfficerAccounts.Login.Refused(OfficerAccounts.MAX_FAILED - 1),
                accounts.login("tiepnhan1", "sai-mat-khau".toCharArray(), NOW));
        assertEquals(new OfficerAccounts.Login.Refused(OfficerAccounts.MAX_FAILED),
                accounts.login("khongtontai", "hoa-2026-mc".toCharArray(), NOW), "an unknown name looks like a wrong password");
    }

    @Test
    void repeatedFailuresLockTheAccountForAWhile() {
        accounts.create("xuly1", "Trần Văn Xử", Role.PROCESSING_OFFICER, "xu-ly-2026".toCharArray(), "quantri", Role.ADMIN, NOW);
        for (int i = 1; i < OfficerAccounts.MAX_FAILED; i++) {
            assertInstanceOf(OfficerAccounts.Login.Refused.class, accounts.login("xuly1", "sai".toCharArray(), NOW));
        }
        var locked = assertInstanceOf(OfficerAccounts.Login.Locked.class, accounts.login("xuly1", "sai".toCharArray(), NOW));
        assertEquals(NOW.plus(OfficerAccounts.LOCKOUT), locked.until());
        assertInstanceOf(OfficerAccounts.Login.Locked.class, accounts.login("xuly1", "xu-ly-2026".toCharArray(), NOW.plusMinutes(5)),
                "even the right password waits for the lockout to end");
        assertInstanceOf(OfficerAccounts.Login.Success.class,
                accounts.login("xuly1", "xu-ly-2026".toCharArray(), NOW.plus(OfficerAccounts.LOCKOUT).plusSeconds(1)));
        assertTrue(store.verifyAudit().intact());
    }

    @Test
    void onlyAnAdminCreatesAccountsAndBadInputIsRefused() {
        ValidationException e = assertThrows(ValidationException.class, () -> accounts.create("tiepnhan2", "Hoa",
                Role.RECEIVING_OFFICER, "12345678".toCharArray(), "tiepnhan1", Role.RECEIVING_OFFICER, NOW));
        assertEquals("officer.adminOnly", e.violations().get(0).code());
        e = assertThrows(ValidationException.class, () -> accounts.create("Bad Name", "", Role.LEADER, "short".toCharArray(),
                "quantri", Role.ADMIN, NOW));
        assertEquals(List.of("officer.username.format", "officer.fullName.required", "officer.password.short"),
                e.violations().stream().map(Violation::code).toList());
        e = assertThrows(ValidationException.class, () -> accounts.create("quantri", "Ai đó", Role.LEADER,
                "12345678".toCharArray(), "quantri", Role.ADMIN, NOW));
        assertEquals("officer.username.taken", e.violations().get(0).code());
        assertEquals(1, accounts.list().size());
    }
}
