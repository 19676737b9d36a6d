package org.motcua.server.accounts;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Web sessions of officers, in the database so that every instance behind a load balancer knows them. The cookie holds
 * a random 256-bit token; the table holds its SHA-256 only. A session ends after {@link #IDLE} without a request, after
 * {@link #ABSOLUTE} in any case, at logout, and when its account is disabled or its password reset.
 */
public final class OfficerSessions {

    public static final Duration IDLE = Duration.ofMinutes(30);
    public static final Duration ABSOLUTE = Duration.ofHours(10);
    /** last_seen_at is written at most this often, so reading pages does not write on every request. */
    private static final Duration TOUCH_EVERY = Duration.ofMinutes(1);
    private static final SecureRandom RANDOM = new SecureRandom();

    /** A new session: the cookie's token (shown to the browser only) and the session's CSRF token. */
    public record Opened(String token, String csrfToken) {
    }

    /** A live session: who, and the token its forms must carry. */
    public record SignedIn(Account account, String csrfToken, String tokenSha256) {
    }

    private final ServerDatabase db;
    private final Clock clock;

    public OfficerSessions(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Opened open(String username, String address) throws Rejection {
        String token = randomToken();
        String csrf = randomToken();
        Instant now = clock.instant();
        Tx.durable(db, c -> Sql.update(c, "INSERT INTO officer_sessions (token_sha256, username, csrf_token, address, created_at, "
                + "last_seen_at) VALUES (?, ?, ?, ?, ?, ?)", hash(token), Accounts.normalise(username), csrf,
                address.length() > 64 ? address.substring(0, 64) : address, now, now));
        return new Opened(token, csrf);
    }

    /** The session of {@code token} when it is live and its account active; an expired one is deleted. */
    public Optional<SignedIn> resolve(String token) throws Rejection {
        if (token == null || token.length() != 43) {
            return Optional.empty();
        }
        String h = hash(token);
        Instant now = clock.instant();
        record Row(SignedIn signedIn, Instant createdAt, Instant lastSeenAt) {
        }
        Optional<Row> row = Tx.read(db, c -> Sql.one(c, "SELECT s.csrf_token, s.created_at, s.last_seen_at, a.username, "
                + "a.display_name, a.role, a.unit_code, a.status, a.created_at AS account_created_at, a.password_set_at, a.disabled_at "
                + "FROM officer_sessions s JOIN officer_accounts a ON a.username = s.username WHERE s.token_sha256 = ?",
                rs -> new Row(new SignedIn(new Account(rs.getString("username"), rs.getString("display_name"),
                        Role.of(rs.getString("role")), rs.getString("unit_code"), rs.getString("status"),
                        Sql.instant(rs, "account_created_at"), Sql.instant(rs, "password_set_at"), Sql.instant(rs, "disabled_at")),
                        rs.getString("csrf_token"), h), Sql.instant(rs, "created_at"), Sql.instant(rs, "last_seen_at")), h));
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (!r.signedIn().account().active() || !r.lastSeenAt().plus(IDLE).isAfter(now) || !r.createdAt().plus(ABSOLUTE).isAfter(now)) {
            Tx.plain(db, c -> Sql.update(c, "DELETE FROM officer_sessions WHERE token_sha256 = ?", h));
            return Optional.empty();
        }
        if (!r.lastSeenAt().plus(TOUCH_EVERY).isAfter(now)) {
            Tx.plain(db, c -> Sql.update(c, "UPDATE officer_sessions SET last_seen_at = ? WHERE token_sha256 = ?", now, h));
        }
        return Optional.of(r.signedIn());
    }

    /** Logout. */
    public void end(String token) throws Rejection {
        if (token != null) {
            Tx.durable(db, c -> Sql.update(c, "DELETE FROM officer_sessions WHERE token_sha256 = ?", hash(token)));
        }
    }

    static void endAll(Connection c, String username) throws SQLException {
        Sql.update(c, "DELETE FROM officer_sessions WHERE username = ?", username);
    }

    /** Deletes sessions past either limit (housekeeping). */
    public int purgeExpired() throws Rejection {
        Instant now = clock.instant();
        return Tx.plain(db, c -> Sql.update(c, "DELETE FROM officer_sessions WHERE last_seen_at < ? OR created_at < ?",
                now.minus(IDLE), now.minus(ABSOLUTE)) + LoginThrottle.purge(c, now));
    }

    /** 256 random bits, base64url without padding: 43 characters. */
    public static String randomToken() {
        byte[] b = new byte[32];
        RANDOM.nextBytes(b);
        return B64u.encode(b);
    }

    static String hash(String token) {
        return Sha256.hex(token.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
