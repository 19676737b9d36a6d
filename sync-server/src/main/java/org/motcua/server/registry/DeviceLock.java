package org.motcua.server.registry;

import java.sql.Connection;
import java.sql.SQLException;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;

/**
 * The per-device lock of §7 step 11 (and of rekeys): the registry row locked FOR UPDATE, so several server
 * instances on one database serialise a device's writes. A wait past the database's 5 s lock timeout becomes 409
 * {@code request-in-progress} with {@code Retry-After}.
 */
public final class DeviceLock {

    private DeviceLock() {
    }

    public static DeviceRecord take(Connection c, String deviceId) throws SQLException, Rejection {
        try {
            return Devices.lock(c, deviceId);
        } catch (SQLException e) {
            if (Dialect.isLockTimeout(e)) {
                throw inProgress();
            }
            throw e;
        }
    }

    public static Rejection inProgress() {
        return Rejection.of(ProblemType.REQUEST_IN_PROGRESS, "Request in progress",
                "Another request of this device is being processed; send the same bytes again shortly.").retryAfter(2);
    }
}
