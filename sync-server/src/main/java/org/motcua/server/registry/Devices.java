package org.motcua.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Sql;

/** The device registry's SQL (§2): reads, the per-device lock, certificates, revocation. */
public final class Devices {

    private Devices() {
    }

    public static Optional<DeviceRecord> find(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, "SELECT " + DeviceRecord.COLUMNS + " FROM devices WHERE device_id = ?", DeviceRecord::map, deviceId);
    }

    /**
     * The device, or the registry's answer for it: 401 {@code unknown-device}, 403 {@code device-revoked} (§6, §7
     * step 3).
     */
    public static DeviceRecord active(Connection c, String deviceId) throws SQLException, Rejection {
        DeviceRecord d = find(c, deviceId).orElseThrow(() -> unknown(deviceId));
        if (d.revoked()) {
            throw revoked();
        }
        return d;
    }

    public static Rejection unknown(String deviceId) {
        return Rejection.of(ProblemType.UNKNOWN_DEVICE, "Unknown device",
                "No device " + deviceId + " is registered; the device must enrol (again).");
    }

    public static Rejection revoked() {
        return Rejection.of(ProblemType.DEVICE_REVOKED, "Device revoked",
                "This device was revoked by the administrator; only a re-enrolment code makes it active again.");
    }

    /**
     * Takes the per-device lock (§7 step 11): a row lock on the registry row, held until the transaction ends. Waits
     * at most the database's lock timeout (5 s); the caller turns a timeout into 409 {@code request-in-progress}.
     */
    public static DeviceRecord lock(Connection c, String deviceId) throws SQLException, Rejection {
        DeviceRecord d = Sql.one(c, "SELECT " + DeviceRecord.COLUMNS + " FROM devices WHERE device_id = ? FOR UPDATE",
                DeviceRecord::map, deviceId).orElseThrow(() -> unknown(deviceId));
        if (d.revoked()) {
            throw revoked();
        }
        return d;
    }

    public static List<DeviceRecord> all(Connection c) throws SQLException {
        return Sql.list(c, "SELECT " + DeviceRecord.COLUMNS + " FROM devices ORDER BY unit_code, device_number, enrolled_at",
                DeviceRecord::map);
    }

    public static List<DeviceRecord> ofUnit(Connection c, String unitCode) throws SQLException {
        return Sql.list(c, "SELECT " + DeviceRecord.COLUMNS + " FROM devices WHERE unit_code = ?", DeviceRecord::map, unitCode);
    }

    /** Revokes the device: its certificate, its sessions; its number is quarantined for 7 days (§2). */
    public static boolean revoke(Connection c, String deviceId, Instant now) throws SQLException {
        int n = Sql.update(c, "UPDATE devices SET status = ?, revoked_at = ? WHERE device_id = ? AND status = ?",
                DeviceRecord.REVOKED, now, deviceId, DeviceRecord.ACTIVE);
        if (n == 1) {
            Sql.update(c, "UPDATE device_certificates SET state = 'revoked', superseded_at = ? WHERE device_id = ? "
                    + "AND state = 'current'", now, deviceId);
            Sql.update(c, "DELETE FROM sessions WHERE device_id = ?", deviceId);
        }
        return n == 1;
    }

    /** Pins {@code certificate} as the device's current one; the previous one becomes {@code previousState}. */
    public static void pin(Connection c, String deviceId, byte[] certificate, String serial, String previousState, Instant now)
            throws SQLException {
        Sql.update(c, "UPDATE device_certificates SET state = ?, superseded_at = ? WHERE device_id = ? AND state = 'current'",
                previousState, now, deviceId);
        Sql.update(c, "INSERT INTO device_certificates (device_id, serial, certificate, state, pinned_at) VALUES (?, ?, ?, 'current', ?)",
                deviceId, serial, certificate, now);
        Sql.update(c, "UPDATE devices SET certificate = ?, certificate_serial = ? WHERE device_id = ?", certificate, serial, deviceId);
    }

    /** A certificate of the device superseded at most {@code since} ago, by serial. */
    public static Optional<byte[]> supersededCertificate(Connection c, String deviceId, String serial, Instant since)
            throws SQLException {
        return Sql.one(c, "SELECT certificate FROM device_certificates WHERE device_id = ? AND serial = ? AND state = 'superseded' "
                + "AND superseded_at >= ?", rs -> rs.getBytes(1), deviceId, serial, since);
    }

    /** Records {@code requestedAt − server time} from a verified session request (§6.3). */
    public static void recordClockSkew(Connection c, String deviceId, long skewMs, Instant now) throws SQLException {
        Sql.update(c, "UPDATE devices SET clock_skew_ms = ?, clock_skew_at = ? WHERE device_id = ?", skewMs, now, deviceId);
    }

    public static void recordSync(Connection c, String deviceId, Instant now) throws SQLException {
        Sql.update(c, "UPDATE devices SET last_sync_at = ? WHERE device_id = ?", now, deviceId);
    }

    /** The admin lifts the epoch limit (§4.3) for a while. */
    public static boolean liftEpochLimit(Connection c, String deviceId, Instant until) throws SQLException {
        return Sql.update(c, "UPDATE devices SET epoch_limit_lifted_until = ? WHERE device_id = ?", until, deviceId) == 1;
    }
}
