package org.motcua.server.registry;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.server.persistence.Sql;

/**
 * Enrolment codes (§6.1). Only the public {@code codeId} and the MAC key derived from the secret are stored, never
 * the code: the admin sees the code once, when it is made.
 */
public final class EnrolmentCodes {

    public static final String NEW = "new";
    public static final String REENROL = "reenrol";
    /** The contract's default lifetime and its upper bound. */
    public static final Duration DEFAULT_LIFETIME = Duration.ofHours(24);
    public static final Duration MAX_LIFETIME = Duration.ofHours(72);

    /** One stored code. {@code response} and {@code requestSha256} are set once it was used. */
    public record Code(String codeId, byte[] macKey, String unitCode, String purpose, String reenrolDeviceId,
            Instant expiresAt, Instant usedAt, String requestSha256, byte[] response, int macFailures,
            Instant macFailuresSince) {

        static Code map(ResultSet rs) throws SQLException {
            return new Code(rs.getString("code_id"), rs.getBytes("mac_key"), rs.getString("unit_code"), rs.getString("purpose"),
                    rs.getString("reenrol_device_id"), Sql.instant(rs, "expires_at"), Sql.instant(rs, "used_at"),
                    rs.getString("request_sha256"), rs.getBytes("response"), rs.getInt("mac_failures"),
                    Sql.instant(rs, "mac_failures_since"));
        }

        public boolean used() {
            return usedAt != null;
        }
    }

    private EnrolmentCodes() {
    }

    /**
     * Makes a code for {@code unitCode}; {@code reenrolDeviceId} non-null makes a {@code reenrol} code bound to that
     * device. The returned code is the only copy of the secret: show it once and drop it.
     */
    public static EnrolmentCode create(Connection c, String unitCode, String reenrolDeviceId, Instant now, Duration lifetime)
            throws SQLException {
        if (lifetime.isNegative() || lifetime.isZero() || lifetime.compareTo(MAX_LIFETIME) > 0) {
            throw new IllegalArgumentException("an enrolment code lives more than 0 and at most 72 hours");
        }
        for (int attempt = 0; ; attempt++) {
            EnrolmentCode code = EnrolmentCode.generate();
            if (Sql.count(c, "SELECT COUNT(*) FROM enrolment_codes WHERE code_id = ?", code.codeId()) > 0) {
                if (attempt > 20) {
                    throw new IllegalStateException("no free codeId found");
                }
                continue; // 40 bits: a clash is rare, and a codeId must be unique
            }
            Sql.update(c, "INSERT INTO enrolment_codes (code_id, mac_key, unit_code, purpose, reenrol_device_id, created_at, "
                    + "expires_at, mac_failures) VALUES (?, ?, ?, ?, ?, ?, ?, 0)", code.codeId(), code.macKey(), unitCode,
                    reenrolDeviceId == null ? NEW : REENROL, Sql.text(reenrolDeviceId), now, now.plus(lifetime));
            return code;
        }
    }

    /** The code row, locked for the rest of the transaction (one enrolment per code at a time). */
    public static Optional<Code> lock(Connection c, String codeId) throws SQLException {
        return Sql.one(c, "SELECT * FROM enrolment_codes WHERE code_id = ? FOR UPDATE", Code::map, codeId);
    }

    public static Optional<Code> find(Connection c, String codeId) throws SQLException {
        return Sql.one(c, "SELECT * FROM enrolment_codes WHERE code_id = ?", Code::map, codeId);
    }

    /** Counts one wrong MAC in the code's current hour (a new hour starts the count again). */
    public static void countWrongMac(Connection c, Code code, Instant now) throws SQLException {
        boolean newWindow = code.macFailuresSince() == null || !code.macFailuresSince().isAfter(now.minus(Duration.ofHours(1)));
        if (newWindow) {
            Sql.update(c, "UPDATE enrolment_codes SET mac_failures = 1, mac_failures_since = ? WHERE code_id = ?", now, code.codeId());
        } else {
            Sql.update(c, "UPDATE enrolment_codes SET mac_failures = mac_failures + 1 WHERE code_id = ?", code.codeId());
        }
    }

    public static void markUsed(Connection c, String codeId, String deviceId, String requestSha256, byte[] response, Instant now)
            throws SQLException {
        Sql.update(c, "UPDATE enrolment_codes SET used_at = ?, used_by_device_id = ?, request_sha256 = ?, response = ? "
                + "WHERE code_id = ?", now, deviceId, requestSha256, response, codeId);
    }
}
