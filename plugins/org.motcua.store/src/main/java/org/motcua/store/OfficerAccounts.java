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
 * accounts, except the very first one (the setup wizard's admin). Failed logins are counted; after
 * {@value #MAX_FAILED} in a row the account is locked for {@link #LOCKOUT}. Logins and account changes
 * go to the audit log; passwords never do.
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
            boolean first = count(c) == 0;
            if (first ? role != Role.ADMIN : actingRole != Role.ADMIN) {
                throw new ValidationException(Violation.of("role", first ? "officer.firstMustBeAdmin" : "officer.adminOnly"));
            }
            if (find(c, username).isPresent()) {
                throw new ValidationException(Violation.of("username", "officer.username.taken", username));
            }
            Sql.update(c, "INSERT INTO officer (username, full_name, role, password_hash, created_at) VALUES (?, ?, ?, ?, ?)",
                    username, fullName.strip(), role.name(), hash, now);
            store.audit.append(c, now, actor, "OFFICER_CREATED", username, "role=" + role.name());
            return new Officer(username, fullName.strip(), role, true);
        });
    }

    public Login login(String username, char[] password, LocalDateTime now) {
        Optional<Stored> stored = store.read(c -> findStored(c, username));
        if (stored.isEmpty() || !stored.get().officer().active()) {
            PasswordHasher.verify(password, DUMMY_HASH);
            return new Login.Refused(MAX_FAILED);
        }
        Stored s = stored.get();
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

    public List<Officer> list() {
        return store.read(c -> {
            List<Officer> all = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT * FROM officer ORDER BY username");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    all.add(officer(rs));
                }
            }
            return all;
        });
    }

    /** True before the setup wizard has created the first admin. */
    public boolean none() {
        return store.read(c -> count(c) == 0);
    }

    private record Stored(Officer officer, String hash, int failedAttempts, LocalDateTime lockedUntil) {
    }

    private static Optional<Stored> findStored(Connection c, String username) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM officer WHERE username = ?")) {
            Sql.bind(ps, username);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                return Optional.of(new Stored(officer(rs), rs.getString("password_hash"), rs.getInt("failed_attempts"),
                        Sql.dateTime(rs, "locked_until").orElse(null)));
            }
        }
    }

    private static Optional<Officer> find(Connection c, String username) throws SQLException {
        return findStored(c, username).map(Stored::officer);
    }

    private static Officer officer(ResultSet rs) throws SQLException {
        return new Officer(rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"));
    }

    private static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM officer"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
