package org.motcua.server.registry;

import java.security.cert.X509Certificate;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import org.motcua.protocol.pki.Certificates;
import org.motcua.server.persistence.Sql;

/** One row of the device registry (§2). */
public record DeviceRecord(String deviceId, String unitCode, int deviceNumber, String status, byte[] certificate,
        String certificateSerial, Instant enrolledAt, Instant revokedAt, Long clockSkewMs, Instant lastSyncAt,
        Instant epochLimitLiftedUntil) {

    public static final String ACTIVE = "active";
    public static final String REVOKED = "revoked";

    static final String COLUMNS = "device_id, unit_code, device_number, status, certificate, certificate_serial, enrolled_at, "
            + "revoked_at, clock_skew_ms, last_sync_at, epoch_limit_lifted_until";

    static DeviceRecord map(ResultSet rs) throws SQLException {
        return new DeviceRecord(rs.getString("device_id"), rs.getString("unit_code"), rs.getInt("device_number"),
                rs.getString("status"), rs.getBytes("certificate"), rs.getString("certificate_serial"),
                Sql.instant(rs, "enrolled_at"), Sql.instant(rs, "revoked_at"), Sql.optLong(rs, "clock_skew_ms"),
                Sql.instant(rs, "last_sync_at"), Sql.instant(rs, "epoch_limit_lifted_until"));
    }

    public boolean revoked() {
        return REVOKED.equals(status);
    }

    /** How long a revoked device's number stays unavailable to other devices of its unit (§2). */
    public static final java.time.Duration NUMBER_QUARANTINE = java.time.Duration.ofDays(7);

    /** True while this device holds its number: active, or revoked less than {@link #NUMBER_QUARANTINE} ago. */
    public boolean holdsNumber(Instant now) {
        return !revoked() || (revokedAt != null && revokedAt.isAfter(now.minus(NUMBER_QUARANTINE)));
    }

    /** The pinned certificate every device signature is checked against. */
    public X509Certificate pinnedCertificate() {
        return Certificates.parse(certificate);
    }
}
