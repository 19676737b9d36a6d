package org.motcua.ui.desk;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.store.LoginThrottle;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.OfficerAccounts.Officer;

/**
 * What the users section does, without its widgets: the store's account operations with the key slots and the
 * login throttle kept in step. A password set here gets a new key slot holding the database key, which is unwrapped
 * with the acting admin's re-typed password (the key never stays in memory between actions); a deactivated officer
 * loses their key slot, so they cannot even open the database. Every operation but changing one's own password is
 * refused for anyone but an admin, here and again in the store.
 */
public final class AccountAdmin {

    /** An officer as the users table shows it; {@code lockedUntil} is null unless locked now. */
    public record Row(Officer officer, LocalDateTime lockedUntil) {
        public boolean locked() {
            return lockedUntil != null;
        }
    }

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private final DeskFiles files;
    private final Desk desk;
    private final OfficerAccounts accounts;

    public AccountAdmin(DeskFiles files, Desk desk) {
        this.files = files;
        this.desk = desk;
        this.accounts = new OfficerAccounts(desk.store());
    }

    /** Problems with a new password and its repetition, in the officer's language; empty when fine. */
    public static List<String> checkNewPassword(char[] password, char[] again, org.motcua.ui.Messages m) {
        List<String> problems = new ArrayList<>();
        if (password.length < OfficerAccounts.PASSWORD_MIN) {
            problems.add(m.get("setup.check.passwordShort", OfficerAccounts.PASSWORD_MIN));
        } else if (!Arrays.equals(password, again)) {
            problems.add(m.get("setup.check.passwordMismatch"));
        }
        return problems;
    }

    /** Every officer with the later of the store's lockout and the login throttle's. */
    public List<Row> officers() {
        requireAdmin();
        LocalDateTime now = desk.now();
        LoginThrottle throttle = files.loginThrottle();
        return accounts.accounts().stream().map(a -> {
            LocalDateTime until = a.lockedAt(now) ? a.lockedUntil() : null;
            LocalDateTime atTheSlot = throttle.lockedUntil(a.officer().username(), now).orElse(null);
            if (atTheSlot != null && (until == null || atTheSlot.isAfter(until))) {
                until = atTheSlot;
            }
            return new Row(a.officer(), until);
        }).toList();
    }

    public Officer add(char[] adminPassword, String username, String fullName, Role role, char[] password) {
        Officer[] added = new Officer[1];
        withDatabaseKey(adminPassword,
                key -> added[0] = DeskSetup.addOfficerWithKey(files, desk, key, username, fullName, role, password));
        return added[0];
    }

    /** Deactivates {@code username} in the store, then removes their key slot. */
    public void deactivate(String username) {
        accounts.deactivate(username, desk.username(), desk.role(), desk.now());
        files.keySlots().remove(username);
    }

    public void reactivate(char[] adminPassword, String username, char[] newPassword) {
        withDatabaseKey(adminPassword, key -> {
            accounts.reactivate(username, newPassword, desk.username(), desk.role(), desk.now());
            files.keySlots().put(username, newPassword, key);
        });
        files.loginThrottle().clear(username);
    }

    public void resetPassword(char[] adminPassword, String username, char[] newPassword) {
        withDatabaseKey(adminPassword, key -> {
            accounts.resetPassword(username, newPassword, desk.username(), desk.role(), desk.now());
            files.keySlots().put(username, newPassword, key);
        });
        files.loginThrottle().clear(username);
    }

    /** Ends the lockout in the store and at the key slot. */
    public void unlock(String username) {
        accounts.unlock(username, desk.username(), desk.role(), desk.now());
        files.loginThrottle().clear(username);
    }

    /** Any officer: the current password proves who they are and unwraps the key for the new slot. */
    public void changeOwnPassword(char[] currentPassword, char[] newPassword) {
        char[] key = unwrapOwnSlot(currentPassword, "currentPassword", "officer.password.wrong");
        try {
            accounts.changeOwnPassword(desk.username(), currentPassword, newPassword, desk.now());
            files.keySlots().put(desk.username(), newPassword, key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    private interface KeyWork {
        void run(char[] databaseKey);
    }

    private void withDatabaseKey(char[] adminPassword, KeyWork work) {
        requireAdmin();
        char[] key = unwrapOwnSlot(adminPassword, "adminPassword", "officer.adminPassword.wrong");
        try {
            work.run(key);
        } finally {
            Arrays.fill(key, '\0');
        }
    }

    /**
     * The database key from the logged-in officer's own slot. Wrong passwords count in the {@link LoginThrottle}
     * as at the login screen, so a desk left open is no place to guess the admin's password either.
     */
    private char[] unwrapOwnSlot(char[] password, String field, String wrongCode) {
        LocalDateTime now = desk.now();
        LoginThrottle throttle = files.loginThrottle();
        Optional<LocalDateTime> locked = throttle.lockedUntil(desk.username(), now);
        if (locked.isPresent()) {
            throw new ValidationException(Violation.of(field, "officer.locked", locked.get().format(TIME)));
        }
        Optional<char[]> key = files.keySlots().unlock(desk.username(), password);
        if (key.isEmpty()) {
            if (throttle.failed(desk.username(), now) instanceof OfficerAccounts.Login.Locked l) {
                throw new ValidationException(Violation.of(field, "officer.locked", l.until().format(TIME)));
            }
            throw new ValidationException(Violation.of(field, wrongCode));
        }
        throttle.succeeded(desk.username(), desk.store(), now);
        return key.get();
    }

    private void requireAdmin() {
        if (desk.role() != Role.ADMIN) {
            throw new ValidationException(Violation.of("role", "officer.manage.adminOnly"));
        }
    }
}
