package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.store.internal.Sql;

/**
 * Offline officer accounts: who may log in at this desk and in which role. Only an admin creates
 * accounts, except the very first one (the setup wizard's admin), and only an admin deactivates,
 * reactivates, unlocks or resets another officer's password; every officer changes their own password.
 * The desk always keeps one active admin, and nobody deactivates themselves. Failed logins are counted;
 * after {@value #MAX_FAILED} in a row the account is locked for {@link #LOCKOUT}. Logins and account
 * changes go to the audit log; passwords never do. Key slots live outside the store ({@link KeySlots}):
 * the caller keeps them in step with the passwords set here.
 */
public final class OfficerAccounts {

    public static final int MAX_FAILED = 5;
    public static final Duration LOCKOUT = Duration.ofMinutes(15);
    public static final int PASSWORD_MIN = 8;
    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");
    /** Verified when the username is unknown, so a wrong name takes as long as a wrong password. */
    private static final String DUMMY_HASH = PasswordHasher.hash("not-a-password".toCharArray());

    public record Officer(String username, String fullName, Role role, boolean active) {
    }

    /** An officer as the account list shows it; {@code lockedUntil} is null when not locked in the store. */
    public record Account(Officer officer, LocalDateTime lockedUntil) {
        public boolean lockedAt(LocalDateTime now) {
            return lockedUntil != null && now.isBefore(lockedUntil);
        }
    }

    /** The outcome of a login attempt. */
    public sealed interface Login permits Login.Success, Login.Refused, Login.Locked {
        record Success(Officer officer) implements Login {
        }

        /** Wrong name or password (which one is not said); {@code attemptsLeft} before a lockout. */
        record Refused(int attemptsLeft) implements Login {
        }

        record Locked(LocalDateTime until) implements Login {
        }
    }

    private final Store store;

    public OfficerAccounts(Store store) {
        this.store = store;
    }

    /**
     * @param actingRole the role of whoever creates the account; must be ADMIN once any account exists
     */
    public Officer create(String username, String fullName, Role role, char[] password, String actor, Role actingRole,
            LocalDateTime now) {
        List<Violation> problems = new ArrayList<>();
        if (!USERNAME.matcher(username).matches()) {
            problems.add(Violation.of("username", "officer.username.format"));
        }
        if (fullName == null || fullName.isBlank() || fullName.length() > 150) {
            problems.add(Violation.of("fullName", "officer.fullName.required"));
        }
        if (password.length < PASSWORD_MIN) {
            problems.add(Violation.of("password", "officer.password.short", PASSWORD_MIN));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        String hash = PasswordHasher.hash(password);
        return store.write(c -> {
            boolean first = OfficerRows.count(c) == 0;
            if (first ? role != Role.ADMIN : actingRole != Role.ADMIN) {
                throw new ValidationException(Violation.of("role", first ? "officer.firstMustBeAdmin" : "officer.adminOnly"));
            }
            if (OfficerRows.find(c, username).isPresent()) {
                throw new ValidationException(Violation.of("username", "officer.username.taken", username));
            }
            Sql.update(c, "INSERT INTO officer (username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    username, fullName.strip(), role.name(), hash, now);
            store.audit.append(c, now, actor, "OFFICER_CREATED", username, "role=" + role.name());
            return new Officer(username, fullName.strip(), role, true);
        });
    }

    public Login login(String username, char[] password, LocalDateTime now) {
        Optional<OfficerRows.Stored> stored = store.read(c -> OfficerRows.findStored(c, username));
        if (stored.isEmpty() || !stored.get().officer().active()) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return new Login.Refused(MAX_FAILED);
        }
        OfficerRows.Stored s = stored.get();
        if (s.lockedUntil() != null && now.isBefore(s.lockedUntil())) {
            return new Login.Locked(s.lockedUntil());
        }
        boolean ok = PasswordHasher.verify(password, s.hash());
        return store.write(c -> {
            if (ok) {
                Sql.update(c, "UPDATE officer SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
                store.audit.append(c, now, username, "LOGIN", username, "ok");
                return new Login.Success(s.officer());
            }
            int failed = s.failedAttempts() + 1;
            if (failed >= MAX_FAILED) {
                LocalDateTime until = now.plus(LOCKOUT);
                Sql.update(c, "UPDATE officer SET failed_attempts = 0, locked_until = ? WHERE username = ?", until, username);
                store.audit.append(c, now, username, "LOGIN_LOCKED", username, "after " + failed + " failures");
                return new Login.Locked(until);
            }
            Sql.update(c, "UPDATE officer SET failed_attempts = ? WHERE username = ?", failed, username);
            store.audit.append(c, now, username, "LOGIN_FAILED", username, "attempt " + failed);
            return new Login.Refused(MAX_FAILED - failed);
        });
    }

    /** Accounts with their store lockout, by username. */
    public List<Account> accounts() {
        return store.read(c -> {
            List<Account> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM officer ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(new Account(OfficerRows.officer(rs), Sql.dateTime(rs, "locked_until").orElse(null)));
                }
            }
            return all;
        });
    }

    /** An admin stops {@code username} from logging in; never themselves, never the last active admin. */
    public void deactivate(String username, String actor, Role actingRole, LocalDateTime now) {
        requireAdmin(actingRole);
        store.write(c -> {
            Officer target = OfficerRows.existing(c, username).officer();
            if (username.equals(actor)) {
                throw new ValidationException(Violation.of("username", "officer.self"));
            }
            if (!target.active()) {
                throw new ValidationException(Violation.of("username", "officer.alreadyInactive", username));
            }
            if (target.role() == Role.ADMIN && OfficerRows.activeAdmins(c) <= 1) {
                throw new ValidationException(Violation.of("username", "officer.lastAdmin"));
            }
            Sql.update(c, "UPDATE officer SET active = FALSE WHERE username = ?", username);
            store.audit.append(c, now, actor, "OFFICER_DEACTIVATED", username, "role=" + target.role().name());
            return null;
        });
    }

    /**
     * An admin lets a deactivated officer log in again, with a new password: deactivation removed the
     * officer's key slot, and a new slot needs a password the admin sets now.
     */
    public void reactivate(String username, char[] newPassword, String actor, Role actingRole, LocalDateTime now) {
        requireAdmin(actingRole);
        String hash = hashOrRefuse(newPassword);
        store.write(c -> {
            if (OfficerRows.existing(c, username).officer().active()) {
                throw new ValidationException(Violation.of("username", "officer.alreadyActive", username));
            }
            Sql.update(c, "UPDATE officer SET active = TRUE, password_hash = ?, failed_attempts = 0, locked_until = NULL "
                    + "WHERE username = ?", hash, username);
            store.audit.append(c, now, actor, "OFFICER_REACTIVATED", username, "new password set");
            return null;
        });
    }

    /** An admin sets a new password for an active officer (themselves included); clears any lockout. */
    public void resetPassword(String username, char[] newPassword, String actor, Role actingRole, LocalDateTime now) {
        requireAdmin(actingRole);
        String hash = hashOrRefuse(newPassword);
        store.write(c -> {
            OfficerRows.setPassword(c, OfficerRows.activeAccount(c, username), hash);
            store.audit.append(c, now, actor, "PASSWORD_RESET", username, "lockout cleared");
            return null;
        });
    }

    /**
     * The recovery code opened the database and {@code username}, an active admin, gets a new password;
     * audited as {@code RECOVERY_USED}. Anyone else is refused: the recovery code restores administration,
     * and the admin then looks after the other accounts.
     */
    public void recover(String username, char[] newPassword, LocalDateTime now) {
        String hash = hashOrRefuse(newPassword);
        store.write(c -> {
            Officer target = OfficerRows.activeAccount(c, username);
            if (target.role() != Role.ADMIN) {
                throw new ValidationException(Violation.of("username", "officer.recovery.notAdmin", username));
            }
            OfficerRows.setPassword(c, target, hash);
            store.audit.append(c, now, username, "RECOVERY_USED", username, "admin password reset with the recovery code");
            return null;
        });
    }

    /** An admin ends the lockout of {@code username} before {@link #LOCKOUT} has passed. */
    public void unlock(String username, String actor, Role actingRole, LocalDateTime now) {
        requireAdmin(actingRole);
        store.write(c -> {
            OfficerRows.existing(c, username);
            Sql.update(c, "UPDATE officer SET failed_attempts = 0, locked_until = NULL WHERE username = ?", username);
            store.audit.append(c, now, actor, "OFFICER_UNLOCKED", username, "");
            return null;
        });
    }

    /** Any officer changes their own password, proving the current one. */
    public void changeOwnPassword(String username, char[] currentPassword, char[] newPassword, LocalDateTime now) {
        String hash = hashOrRefuse(newPassword);
        OfficerRows.Stored s = store.read(c -> OfficerRows.findStored(c, username))
                .orElseThrow(() -> new ValidationException(Violation.of("username", "officer.unknown", username)));
        if (!PasswordHasher.verify(currentPassword, s.hash())) {
            throw new ValidationException(Violation.of("currentPassword", "officer.password.wrong"));
        }
        store.write(c -> {
            OfficerRows.setPassword(c, OfficerRows.activeAccount(c, username), hash);
            store.audit.append(c, now, username, "PASSWORD_CHANGED", username, "by the officer");
            return null;
        });
    }

    private static void requireAdmin(Role actingRole) {
        if (actingRole != Role.ADMIN) {
            throw new ValidationException(Violation.of("role", "officer.manage.adminOnly"));
        }
    }

    private static String hashOrRefuse(char[] password) {
        if (password.length < PASSWORD_MIN) {
            throw new ValidationException(Violation.of("password", "officer.password.short", PASSWORD_MIN));
        }
        return PasswordHasher.hash(password);
    }

    public List<Officer> list() {
        return accounts().stream().map(Account::officer).toList();
    }

    /** True before the setup wizard has created the first admin. */
    public boolean none() {
        return store.read(c -> OfficerRows.count(c) == 0);
    }

}
