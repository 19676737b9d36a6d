package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.store.OfficerAccounts.Officer;
import org.motcua.store.internal.Sql;

/** The {@code officer} table's rows as {@link OfficerAccounts} reads and writes them; the account rules stay there. */
final class OfficerRows {

    static void setPassword(Connection c, Officer officer, String hash) throws SQLException {
        Sql.update(c, "UPDATE officer SET password_hash = ?, failed_attempts = 0, locked_until = NULL WHERE username = ?",
                hash, officer.username());
    }

    static Stored existing(Connection c, String username) throws SQLException {
        return findStored(c, username)
                .orElseThrow(() -> new ValidationException(Violation.of("username", "officer.unknown", username)));
    }

    static Officer activeAccount(Connection c, String username) throws SQLException {
        Officer officer = existing(c, username).officer();
        if (!officer.active()) {
            throw new ValidationException(Violation.of("username", "officer.inactive", username));
        }
        return officer;
    }

    static long activeAdmins(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM officer WHERE role = 'ADMIN' AND active");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** A row with what only the store sees: the password hash and the lockout counters. */
    record Stored(Officer officer, String hash, int failedAttempts, LocalDateTime lockedUntil) {
    }

    static Optional<Stored> findStored(Connection c, String username) throws SQLException {
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

    static Optional<Officer> find(Connection c, String username) throws SQLException {
        return findStored(c, username).map(Stored::officer);
    }

    static Officer officer(ResultSet rs) throws SQLException {
        return new Officer(rs.getString("username"), rs.getString("full_name"), Role.valueOf(rs.getString("role")),
                rs.getBoolean("active"));
    }

    static long count(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM officer"); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private OfficerRows() {
    }
}
