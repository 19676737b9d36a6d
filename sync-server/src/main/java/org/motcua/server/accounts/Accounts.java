package org.motcua.server.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.Units;

/**
 * The officer accounts' operations, one set behind the CLI and (later) the web: create, list, disable, reset a
 * password. Each change writes its audit entry in its own transaction and ends the account's web sessions where it
 * must.
 */
public final class Accounts {

    /** Lower-case letters, digits, dot, dash, underscore; a letter first. */
    public static final Pattern USERNAME = Pattern.compile("[a-z][a-z0-9._-]{2,63}");
    public static final int MIN_PASSWORD = 12;
    public static final int MAX_PASSWORD = 200;

    private final ServerDatabase db;
    private final Clock clock;

    public Accounts(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    /** {@code unitCode} is required for a commune role and must be a registered unit; a province role has none. */
    public Account create(Actor actor, String username, String displayName, Role role, String unitCode, char[] password)
            throws Rejection {
        String name = normalise(username);
        if (!USERNAME.matcher(name).matches()) {
            throw new IllegalArgumentException("a username is 3-64 of a-z 0-9 . _ - starting with a letter");
        }
        if (displayName == null || displayName.isBlank() || displayName.length() > 200) {
            throw new IllegalArgumentException("a display name of 1-200 characters is needed");
        }
        if (role.communeScoped() != (unitCode != null)) {
            throw new IllegalArgumentException(role.communeScoped() ? "a commune role needs --unit" : "a province role has no unit");
        }
        checkPassword(password);
        String phc = PasswordHasher.hash(password);
        Instant now = clock.instant();
        try {
            return Tx.durable(db, c -> {
                if (unitCode != null && Units.name(c, unitCode).isEmpty()) {
                    throw new IllegalArgumentException("unit " + unitCode + " is not registered (make an enrolment code for it first)");
                }
                if (find(c, name).isPresent()) {
                    throw new IllegalArgumentException("an account " + name + " exists already");
                }
                Sql.update(c, "INSERT INTO officer_accounts (username, display_name, role, unit_code, password_phc, status, created_at, "
                        + "password_set_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", name, displayName.strip(), role.code(), Sql.text(unitCode),
                        phc, Account.ACTIVE, now, now);
                AuditLog.record(c, actor, now, "account.create", name, "role=" + role.code() + (unitCode == null ? "" : ", unit=" + unitCode));
                return find(c, name).orElseThrow();
            });
        } catch (Tx.DatabaseFailure e) {
            if (Dialect.isUniqueViolation(e.sqlException())) {
                throw new IllegalArgumentException("an account " + name + " exists already");
            }
            throw e;
        }
    }

    public List<Account> list() throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT " + Account.COLUMNS + " FROM officer_accounts ORDER BY username", Account::map));
    }

    public Optional<Account> find(String username) throws Rejection {
        return Tx.read(db, c -> find(c, normalise(username)));
    }

    /** Disables the account and ends its sessions; false when it was unknown or disabled already. */
    public boolean disable(Actor actor, String username) throws Rejection {
        String name = normalise(username);
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            int n = Sql.update(c, "UPDATE officer_accounts SET status = ?, disabled_at = ? WHERE username = ? AND status = ?",
                    Account.DISABLED, now, name, Account.ACTIVE);
            if (n == 1) {
                OfficerSessions.endAll(c, name);
                AuditLog.record(c, actor, now, "account.disable", name, "");
            }
            return n == 1;
        });
    }

    /** Sets a new password, ends the account's sessions and lifts its login lockout; false when the account is unknown. */
    public boolean resetPassword(Actor actor, String username, char[] password) throws Rejection {
        String name = normalise(username);
        checkPassword(password);
        String phc = PasswordHasher.hash(password);
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            int n = Sql.update(c, "UPDATE officer_accounts SET password_phc = ?, password_set_at = ? WHERE username = ?", phc, now, name);
            if (n == 1) {
                OfficerSessions.endAll(c, name);
                LoginThrottle.clear(c, LoginThrottle.accountKey(name));
                AuditLog.record(c, actor, now, "account.reset-password", name, "");
            }
            return n == 1;
        });
    }

    /** The stored PHC string of an active account, for the login check. */
    static Optional<String> activePasswordHash(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT password_phc FROM officer_accounts WHERE username = ? AND status = ?", rs -> rs.getString(1),
                username, Account.ACTIVE);
    }

    static Optional<Account> find(Connection c, String username) throws SQLException {
        return Sql.one(c, "SELECT " + Account.COLUMNS + " FROM officer_accounts WHERE username = ?", Account::map, username);
    }

    public static String normalise(String username) {
        return username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    }

    static void checkPassword(char[] password) {
        if (password == null || password.length < MIN_PASSWORD || password.length > MAX_PASSWORD) {
            throw new IllegalArgumentException("a password has " + MIN_PASSWORD + " to " + MAX_PASSWORD + " characters");
        }
    }
}
