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
import org.motcua.server.feed.DeviceConfigPublisher;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/** The admin's registry operations, for the CLI (and a later admin API): codes, listing, revocation, renumbering. */
public final class DeviceAdmin {

    /** One device as the admin's list shows it. */
    public record Listed(DeviceRecord device, long epochs, String openEpoch, long ackedSeq) {
    }

    /** A new code, shown once, with its unit and expiry. */
    public record NewCode(EnrolmentCode code, String unitCode, String unitName, Instant expiresAt) {
    }

    private final ServerDatabase db;
    private final Clock clock;

    public DeviceAdmin(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
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
            return new NewCode(code, unitCode, Units.name(c, unitCode).orElse(unitCode), now.plus(lifetime));
        });
    }

    public List<Listed> list() throws Rejection {
        return Tx.plain(db, c -> {
            List<Listed> out = new java.util.ArrayList<>();
            for (DeviceRecord d : Devices.all(c)) {
                long epochs = Sql.count(c, "SELECT COUNT(*) FROM epochs WHERE device_id = ?", d.deviceId());
                Optional<String[]> open = Sql.one(c, "SELECT epoch_id, acked_seq FROM epochs WHERE device_id = ? AND status = 'open'",
                        rs -> new String[] {rs.getString(1), Long.toString(rs.getLong(2))}, d.deviceId());
                out.add(new Listed(d, epochs, open.map(o -> o[0]).orElse(null), open.map(o -> Long.parseLong(o[1])).orElse(0L)));
            }
            return out;
        });
    }

    /** Revokes the device; false when it was unknown or revoked already. */
    public boolean revoke(String deviceId) throws Rejection {
        return Tx.durable(db, c -> Devices.revoke(c, deviceId, clock.instant()));
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
            if (Units.name(c, unit).isEmpty()) {
                throw new IllegalArgumentException("unit " + unit + " is not registered");
            }
            Units.lock(c, unit);
            if (taken(c, unit, number, deviceId, now)) {
                throw Rejection.of(ProblemType.UNIT_FULL, "Number taken", "Device number " + number + " is held in unit " + unit + ".");
            }
            Sql.update(c, "UPDATE devices SET unit_code = ?, device_number = ? WHERE device_id = ?", unit, number, deviceId);
            DeviceConfigPublisher.publish(c, deviceId, number, unit, now);
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
        return Tx.durable(db, c -> Devices.liftEpochLimit(c, deviceId, clock.instant().plus(Duration.ofDays(days))));
    }
}
