package org.motcua.server.accounts;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.server.persistence.Sql;

/**
 * Failed logins counted per account name and per client address in the database (so every instance sees the same
 * counts): {@link #ACCOUNT_FAILURES} wrong passwords for one name within {@link #WINDOW} lock that name for
 * {@link #LOCKOUT}; {@link #ADDRESS_FAILURES} from one address lock the address (higher, since one office may sit
 * behind one address). A lock is checked before any Argon2 work. A name that does not exist is counted like one that
 * does, so the answers never tell which names exist.
 */
final class LoginThrottle {

    static final int ACCOUNT_FAILURES = 5;
    static final int ADDRESS_FAILURES = 20;
    static final Duration WINDOW = Duration.ofMinutes(15);
    static final Duration LOCKOUT = Duration.ofMinutes(15);

    private LoginThrottle() {
    }

    static String accountKey(String username) {
        return "account:" + (username.length() > 64 ? username.substring(0, 64) : username);
    }

    static String addressKey(String address) {
        return "address:" + (address.length() > 64 ? address.substring(0, 64) : address);
    }

    /** The later lock end among the keys still locked at {@code now}. */
    static Optional<Instant> lockedUntil(Connection c, Instant now, String... keys) throws SQLException {
        Instant latest = null;
        for (String key : keys) {
            Optional<Instant> until = Sql.one(c, "SELECT locked_until FROM login_throttle WHERE throttle_key = ?",
                    rs -> Sql.instant(rs, "locked_until"), key);
            if (until.isPresent() && until.get().isAfter(now) && (latest == null || until.get().isAfter(latest))) {
                latest = until.get();
            }
        }
        return Optional.ofNullable(latest);
    }

    /**
     * Counts one failure of {@code key}; returns the lock's end when this failure locked it. The row is locked for the
     * transaction, so concurrent failures on several instances all count. A first failure inserts the row: a
     * concurrent first insert fails with a unique violation, which the caller retries.
     */
    static Optional<Instant> fail(Connection c, String key, int threshold, Instant now) throws SQLException {
        record Count(int failures, Instant windowStart, Instant lockedUntil) {
        }
        Optional<Count> row = Sql.one(c, "SELECT failures, window_start, locked_until FROM login_throttle WHERE throttle_key = ? "
                + "FOR UPDATE", rs -> new Count(rs.getInt(1), Sql.instant(rs, "window_start"), Sql.instant(rs, "locked_until")), key);
        int failures = 1;
        Instant windowStart = now;
        if (row.isPresent()) {
            Count r = row.get();
            boolean over = !r.windowStart().isAfter(now.minus(WINDOW)) && (r.lockedUntil() == null || !r.lockedUntil().isAfter(now));
            if (!over) {
                failures = r.failures() + 1;
                windowStart = r.windowStart();
            }
        }
        Instant lock = failures >= threshold ? now.plus(LOCKOUT) : null;
        if (row.isEmpty()) {
            Sql.update(c, "INSERT INTO login_throttle (throttle_key, failures, window_start, locked_until) VALUES (?, ?, ?, ?)",
                    key, failures, windowStart, Sql.time(lock));
        } else {
            Sql.update(c, "UPDATE login_throttle SET failures = ?, window_start = ?, locked_until = ? WHERE throttle_key = ?",
                    failures, windowStart, Sql.time(lock), key);
        }
        return Optional.ofNullable(lock);
    }

    static void clear(Connection c, String key) throws SQLException {
        Sql.update(c, "DELETE FROM login_throttle WHERE throttle_key = ?", key);
    }

    /** Drops rows whose window and lock are over (housekeeping). */
    static int purge(Connection c, Instant now) throws SQLException {
        return Sql.update(c, "DELETE FROM login_throttle WHERE window_start < ? AND (locked_until IS NULL OR locked_until < ?)",
                now.minus(WINDOW), now);
    }
}
