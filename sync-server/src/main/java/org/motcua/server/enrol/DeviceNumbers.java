package org.motcua.server.enrol;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;

/**
 * Device numbers 1..9 of a unit (§2, §6.1): unique among active devices; a revoked device's number is held for 7
 * days so dossier codes from the old and the new device cannot meet. Called with the unit's row locked.
 */
final class DeviceNumbers {

    private DeviceNumbers() {
    }

    /**
     * The number for {@code deviceId}: a re-enrolled device keeps its own when nobody else holds it; otherwise the
     * provisional number when free, else the lowest free one.
     */
    static int assign(Connection c, String unitCode, String deviceId, DeviceRecord existing, Integer provisional, Instant now)
            throws SQLException, Rejection {
        Set<Integer> taken = new HashSet<>();
        for (DeviceRecord d : Devices.ofUnit(c, unitCode)) {
            if (d.deviceId().equals(deviceId)) {
                continue;
            }
            if (d.holdsNumber(now)) {
                taken.add(d.deviceNumber());
            }
        }
        if (existing != null && existing.unitCode().equals(unitCode) && !taken.contains(existing.deviceNumber())) {
            return existing.deviceNumber();
        }
        if (provisional != null && !taken.contains(provisional)) {
            return provisional;
        }
        for (int n = 1; n <= 9; n++) {
            if (!taken.contains(n)) {
                return n;
            }
        }
        throw Rejection.of(ProblemType.UNIT_FULL, "Unit full",
                "All nine device numbers of unit " + unitCode + " are held by active devices or quarantined after a revocation.");
    }
}
