package org.motcua.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.feed.DeviceConfigPublisher;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The admin's registry operations, one set behind the CLI and the web pages: codes, listing, revocation, renumbering.
 * Every change writes its audit entry ({@link AuditLog}) in the change's own transaction, naming {@code actor}.
 */
public final class DeviceAdmin {

    /** One device as the admin's list shows it. */
    public record Listed(DeviceRecord device, long epochs, String openEpoch, long ackedSeq) {
    }

    /** A new code, shown once, with its unit and expiry. */
    public record NewCode(EnrolmentCode code, String unitCode, String unitName, Instant expiresAt) {
    }

    /** One stored code as the admin's list shows it (never the code's secret, which is not stored). */
    public record ListedCode(String codeId, String unitCode, String purpose, String reenrolDeviceId, Instant createdAt,
            Instant expiresAt, Instant usedAt, String usedByDeviceId) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public DeviceAdmin(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** A code for {@code unitCode} (made with {@code unitName} when new); {@code reenrolDeviceId} binds it to a device. */
    public NewCode newCode(String unitCode, String unitName, String reenrolDeviceId, Duration lifetime) throws Rejection {
        if (!Units.CODE.matcher(unitCode).matches()) {
            throw new IllegalArgumentException("a unit code looks like 000.17.22.H56");
        }
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            Optional<String> name = Units.name(c, unitCode);
            if (name.isEmpty() && unitName == null) {
                throw new IllegalArgumentException("unit " + unitCode + " is not registered yet; give its name with --unit-name");
            }
            if (unitName != null) {
                Units.upsert(c, unitCode, unitName, now);
            }
            if (reenrolDeviceId != null && Devices.find(c, reenrolDeviceId).isEmpty()) {
                throw new IllegalArgumentException("no device " + reenrolDeviceId + " is registered");
            }
            EnrolmentCode code = EnrolmentCodes.create(c, unitCode, reenrolDeviceId, now, lifetime);
            AuditLog.record(c, actor, now, "enrolment-code.create", unitCode, "codeId=" + code.codeId() + ", purpose="
                    + (reenrolDeviceId == null ? EnrolmentCodes.NEW : EnrolmentCodes.REENROL + ", device=" + reenrolDeviceId)
                    + ", expires=" + now.plus(lifetime));
            return new NewCode(code, unitCode, Units.name(c, unitCode).orElse(unitCode), now.plus(lifetime));
        });
    }

    public List<Listed> list() throws Rejection {
        return Tx.plain(db, c -> {
            List<Listed> out = new java.util.ArrayList<>();
            // Three statements whatever the number of devices (a province has about a thousand), not two per device.
            java.util.Map<String, Long> epochs = new java.util.HashMap<>();
            for (Object[] row : Sql.list(c, "SELECT device_id, COUNT(*) FROM epochs GROUP BY device_id",
                    rs -> new Object[] {rs.getString(1), rs.getLong(2)})) {
                epochs.put((String) row[0], (Long) row[1]);
            }
            java.util.Map<String, Object[]> open = new java.util.HashMap<>();
            for (Object[] row : Sql.list(c, "SELECT device_id, epoch_id, acked_seq FROM epochs WHERE status = 'open' "
                    + "ORDER BY device_id, epoch_id", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)})) {
                open.putIfAbsent((String) row[0], row);
            }
            for (DeviceRecord d : Devices.all(c)) {
                Object[] o = open.get(d.deviceId());
                out.add(new Listed(d, epochs.getOrDefault(d.deviceId(), 0L), o == null ? null : (String) o[1],
                        o == null ? 0L : (Long) o[2]));
            }
            return out;
        });
    }

    private static Listed listed(Connection c, DeviceRecord d) throws SQLException {
        long epochs = Sql.count(c, "SELECT COUNT(*) FROM epochs WHERE device_id = ?", d.deviceId());
        Optional<String[]> open = Sql.one(c, "SELECT epoch_id, acked_seq FROM epochs WHERE device_id = ? AND status = 'open'",
                rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}, d.deviceId());
        return new Listed(d, epochs, open.map(o -> o[0]).orElse(null), open.map(o -> Long.parseLong(o[1])).orElse(0L));
    }

    /** One device with its epochs, when it is registered. */
    public Optional<Listed> find(String deviceId) throws Rejection {
        return Tx.plain(db, c -> {
            Optional<DeviceRecord> d = Devices.find(c, deviceId);
            return d.isEmpty() ? Optional.<Listed>empty() : Optional.of(listed(c, d.get()));
        });
    }

    /** The devices of one unit (a commune's own page). */
    public List<Listed> listOfUnit(String unitCode) throws Rejection {
        return Tx.plain(db, c -> {
            List<Listed> out = new java.util.ArrayList<>();
            for (DeviceRecord d : Devices.ofUnit(c, unitCode)) {
                out.add(listed(c, d));
            }
            out.sort(java.util.Comparator.comparing((Listed l) -> l.device().deviceNumber())
                    .thenComparing(l -> l.device().enrolledAt()));
            return out;
        });
    }

    /** Every registered unit, by code. */
    public List<Units.Unit> units() throws Rejection {
        return Tx.read(db, Units::all);
    }

    /** The newest codes first, at most {@code limit}. */
    public List<ListedCode> recentCodes(int limit) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT code_id, unit_code, purpose, reenrol_device_id, created_at, expires_at, used_at, "
                + "used_by_device_id FROM enrolment_codes ORDER BY created_at DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500))
                + " ROWS ONLY", rs -> new ListedCode(rs.getString("code_id"), rs.getString("unit_code"), rs.getString("purpose"),
                rs.getString("reenrol_device_id"), Sql.instant(rs, "created_at"), Sql.instant(rs, "expires_at"),
                Sql.instant(rs, "used_at"), rs.getString("used_by_device_id"))));
    }

    /** Revokes the device; false when it was unknown or revoked already. */
    public boolean revoke(String deviceId) throws Rejection {
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            Optional<DeviceRecord> d = Devices.find(c, deviceId);
            boolean revoked = Devices.revoke(c, deviceId, now);
            if (revoked) {
                AuditLog.record(c, actor, now, "device.revoke", deviceId, "unit=" + d.get().unitCode() + ", number="
                        + d.get().deviceNumber());
            }
            return revoked;
        });
    }

    /**
     * Moves a device to another number and/or unit and tells it through the feed's {@code deviceConfig} item (§5.6).
     * The number must be free in the target unit.
     */
    public void reassign(String deviceId, String unitCode, Integer deviceNumber) throws Rejection {
        Instant now = clock.instant();
        Tx.durable(db, c -> {
            DeviceRecord d = Devices.lock(c, deviceId);
            String unit = unitCode == null ? d.unitCode() : unitCode;
            int number = deviceNumber == null ? d.deviceNumber() : deviceNumber;
            if (number < 1 || number > 9) {
                throw new IllegalArgumentException("a device number is 1..9");
            }
            Optional<String> unitName = Units.name(c, unit);
            if (unitName.isEmpty()) {
                throw new IllegalArgumentException("unit " + unit + " is not registered");
            }
            Units.lock(c, unit);
            if (taken(c, unit, number, deviceId, now)) {
                throw Rejection.of(ProblemType.UNIT_FULL, "Number taken", "Device number " + number + " is held in unit " + unit + ".");
            }
            Sql.update(c, "UPDATE devices SET unit_code = ?, device_number = ? WHERE device_id = ?", unit, number, deviceId);
            DeviceConfigPublisher.publish(c, deviceId, number, unit, unitName, now);
            AuditLog.record(c, actor, now, "device.reassign", deviceId, "from unit=" + d.unitCode() + ", number=" + d.deviceNumber()
                    + " to unit=" + unit + ", number=" + number);
            return null;
        });
    }

    private static boolean taken(Connection c, String unit, int number, String deviceId, Instant now) throws SQLException {
        for (DeviceRecord other : Devices.ofUnit(c, unit)) {
            if (!other.deviceId().equals(deviceId) && other.deviceNumber() == number && other.holdsNumber(now)) {
                return true;
            }
        }
        return false;
    }

    /** The admin lifts the epoch limit of §4.3 for {@code days}. */
    public boolean liftEpochLimit(String deviceId, int days) throws Rejection {
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            boolean lifted = Devices.liftEpochLimit(c, deviceId, now.plus(Duration.ofDays(days)));
            if (lifted) {
                AuditLog.record(c, actor, now, "device.lift-epoch-limit", deviceId, "days=" + days);
            }
            return lifted;
        });
    }
}
