package org.motcua.server.sessions;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.Session;
import org.motcua.protocol.doc.SessionRequest;
import org.motcua.protocol.enrol.Macs;
import org.motcua.server.Rejection;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.DeviceLock;
import org.motcua.server.registry.Devices;
import org.motcua.server.wire.PathChecks;
import org.motcua.server.wire.RequestDocuments;
import org.motcua.server.wire.SignedRequest;

/**
 * Sessions (§6.3): a signed {@code sessionRequest} buys a bearer token for the device's other endpoints. Only
 * SHA-256 of the token is stored. The token is HMAC(server secret, device and request hash), so the exact same request
 * bytes get the exact same answer while the token lives, without the token being kept anywhere.
 */
public final class SessionService {

    /** A signed answer: the document bytes and the server's signature. */
    public record Signed(byte[] body, byte[] signature) {
    }

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;
    private final Limits limits;

    public SessionService(ServerDatabase db, ServerKeys keys, Clock clock, Limits limits) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.limits = limits;
    }

    public Signed open(SignedRequest request) throws Rejection {
        return Tx.durable(db, c -> {
            DeviceRecord device = DeviceLock.take(c, request.deviceId());
            byte[] der = request.signature(limits.maxSignatureHeaderBytes(), limits.maxRequestBytes());
            request.verify(der, device.pinnedCertificate());
            SessionRequest req = RequestDocuments.read(request.body(), SessionRequest::read);
            PathChecks.sameDevice(request.deviceId(), req.deviceId());
            String requestSha256 = Sha256.hex(request.body());
            String nonce = B64u.encode(req.nonce());
            Instant now = clock.instant();
            Optional<Signed> replay = replay(c, request.deviceId(), nonce, requestSha256, now);
            if (replay.isPresent()) {
                return replay.get();
            }
            byte[] token = token(request.deviceId(), requestSha256);
            Instant expires = now.plus(Duration.ofSeconds(limits.sessionTtlSeconds()));
            String serverTime = WireFormats.serverTime(now);
            String expiresText = WireFormats.serverTime(expires);
            byte[] body = new Session(request.deviceId(), expiresText, requestSha256, serverTime, token).canonical();
            byte[] signature = keys.sign(body);
            Sql.update(c, "INSERT INTO sessions (device_id, nonce, request_sha256, token_sha256, server_time, expires_text, "
                    + "expires_at, signature) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", request.deviceId(), nonce, requestSha256,
                    Sha256.hex(token), serverTime, expiresText, expires, signature);
            long skew = WireFormats.parseTime(req.requestedAt()).toInstant().toEpochMilli() - now.toEpochMilli();
            Devices.recordClockSkew(c, request.deviceId(), skew, now);
            return new Signed(body, signature);
        });
    }

    /** The stored answer for the same nonce and bytes while its token lives; 422 {@code nonce-reused} otherwise. */
    private Optional<Signed> replay(Connection c, String deviceId, String nonce, String requestSha256, Instant now)
            throws SQLException, Rejection {
        record Row(String requestSha256, String serverTime, String expiresText, Instant expiresAt, byte[] signature) {
        }
        Optional<Row> row = Sql.one(c, "SELECT request_sha256, server_time, expires_text, expires_at, signature FROM sessions "
                + "WHERE device_id = ? AND nonce = ?", rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3),
                Sql.instant(rs, "expires_at"), rs.getBytes(5)), deviceId, nonce);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        Row r = row.get();
        if (!r.requestSha256().equals(requestSha256) || !r.expiresAt().isAfter(now)) {
            throw Rejection.of(ProblemType.NONCE_REUSED, "Nonce reused",
                    "This nonce was used before with other bytes (or its session expired); use a fresh nonce.");
        }
        byte[] body = new Session(deviceId, r.expiresText(), requestSha256, r.serverTime(), token(deviceId, requestSha256))
                .canonical();
        return Optional.of(new Signed(body, r.signature()));
    }

    private byte[] token(String deviceId, String requestSha256) {
        return Macs.hmacSha256(keys.tokenKey(), ("motcua-session-v1:" + deviceId + ":" + requestSha256)
                .getBytes(StandardCharsets.US_ASCII));
    }

    /**
     * The bearer check of every token endpoint: a live token of this very device, else 401 {@code token-invalid}. The
     * device's registry state (401 unknown, 403 revoked) is checked by the caller before this.
     */
    public static void authenticate(Connection c, String deviceId, String authorization, Instant now)
            throws SQLException, Rejection {
        if (!owner(c, authorization, now).equals(deviceId)) {
            throw tokenInvalid();
        }
    }

    /**
     * The device a live bearer token belongs to, else 401 {@code token-invalid}: for endpoints whose path names no
     * device (the product's files), where the token alone says who asks.
     */
    public static String owner(Connection c, String authorization, Instant now) throws SQLException, Rejection {
        String token = bearer(authorization);
        byte[] raw;
        try {
            raw = B64u.decode(token);
        } catch (IllegalArgumentException e) {
            throw tokenInvalid();
        }
        Optional<String> owner = Sql.one(c, "SELECT device_id FROM sessions WHERE token_sha256 = ? AND expires_at > ?",
                rs -> rs.getString(1), Sha256.hex(raw), now);
        return owner.orElseThrow(SessionService::tokenInvalid);
    }

    private static String bearer(String authorization) throws Rejection {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw tokenInvalid();
        }
        return authorization.substring(7).strip();
    }

    public static Rejection tokenInvalid() {
        return Rejection.of(ProblemType.TOKEN_INVALID, "Token invalid",
                "A live session token of this device is required (Authorization: Bearer); open a new session.");
    }

    /** Deletes expired sessions older than a day past their expiry (housekeeping). */
    public int purgeExpired() throws Rejection {
        Instant cutoff = clock.instant().minus(Duration.ofDays(1));
        return Tx.plain(db, c -> Sql.update(c, "DELETE FROM sessions WHERE expires_at < ?", cutoff));
    }
}
