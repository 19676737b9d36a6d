package org.motcua.server.web;

import org.motcua.server.registry.DeviceAdmin;
import org.motcua.server.registry.DeviceRecord;

/** One device as the pages show it: every value already in words and the province's time. */
public record DeviceRow(String deviceId, String shortId, String unitCode, int number, boolean active, String status,
        String lastSync, String clockSkew, long epochs, String openEpoch, String enrolledAt) {

    static DeviceRow of(DeviceAdmin.Listed l, Messages m) {
        DeviceRecord d = l.device();
        String skew = d.clockSkewMs() == null ? "—" : m.get("devices.skew.seconds", Math.round(d.clockSkewMs() / 1000.0));
        String open = l.openEpoch() == null ? "—" : l.openEpoch().substring(0, Math.min(8, l.openEpoch().length())) + "… ("
                + m.get("devices.acked", l.ackedSeq()) + ")";
        return new DeviceRow(d.deviceId(), d.deviceId().substring(0, Math.min(8, d.deviceId().length())), d.unitCode(),
                d.deviceNumber(), !d.revoked(), m.get(d.revoked() ? "devices.status.revoked" : "devices.status.active"),
                d.lastSyncAt() == null ? m.get("devices.never") : Formats.time(d.lastSyncAt()), skew, l.epochs(), open,
                Formats.time(d.enrolledAt()));
    }
}
