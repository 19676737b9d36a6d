package org.motcua.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.motcua.protocol.json.StrictJson;

/** The {@code deviceConfig} item (§5.6): a device's number and unit, published when the admin changes either. */
public final class DeviceConfigPublisher {

    public static final String ITEM_TYPE = "deviceConfig";

    private DeviceConfigPublisher() {
    }

    public static long publish(Connection c, String deviceId, int deviceNumber, String unitCode, Instant now) throws SQLException {
        ObjectNode data = StrictJson.nodes().objectNode().put("deviceNumber", deviceNumber).put("unitCode", unitCode);
        return Feed.publish(c, ITEM_TYPE, deviceId, FeedScope.device(deviceId), data, now);
    }
}
