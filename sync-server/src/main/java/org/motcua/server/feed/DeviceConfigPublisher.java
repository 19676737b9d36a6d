package org.motcua.server.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.feed.DeviceConfigData;

/**
 * The {@code deviceConfig} item (§5.6): a device's number and unit, published when the admin changes either, with the
 * unit's name so a desk moved to another commune prints the right name (PROTOCOL-NOTES).
 */
public final class DeviceConfigPublisher {

    public static final String ITEM_TYPE = DeviceConfigData.ITEM_TYPE;

    private DeviceConfigPublisher() {
    }

    public static long publish(Connection c, String deviceId, int deviceNumber, String unitCode, Optional<String> unitName,
            Instant now) throws SQLException {
        DeviceConfigData data = new DeviceConfigData(deviceNumber, unitCode, unitName);
        return Feed.publish(c, ITEM_TYPE, deviceId, FeedScope.device(deviceId), data.toJson(), now);
    }
}
