package org.motcua.server.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.motcua.server.persistence.Sql;

/**
 * Rows the admin must look at (a dossier code used twice, a reception repeated, a device identity in use on two
 * machines), written in the transaction that found them; {@code alerts} lists them.
 */
public final class AdminAlerts {

    public static final String DOSSIER_CODE_COLLISION = "dossier-code-collision";
    /** A batch for an epoch the device had closed: a copied desk or keystore (see the ingest's epoch check). */
    public static final String DEVICE_IDENTITY_IN_USE = "device-identity-in-use";

    /** One alert as stored. */
    public record Alert(Instant createdAt, String kind, String deviceId, String dossierId, String detail) {
    }

    private AdminAlerts() {
    }

    public static void raise(Connection c, String kind, String deviceId, String dossierId, String detail, Instant now)
            throws SQLException {
        Sql.update(c, "INSERT INTO admin_alerts (kind, device_id, dossier_id, detail, created_at) VALUES (?, ?, ?, ?, ?)", kind,
                Sql.text(deviceId), Sql.text(dossierId), detail.length() > 1000 ? detail.substring(0, 1000) : detail, now);
    }

    /** The newest {@code limit} alerts, newest first. */
    public static List<Alert> newest(Connection c, int limit) throws SQLException {
        return Sql.list(c, "SELECT created_at, kind, device_id, dossier_id, detail FROM admin_alerts ORDER BY id DESC "
                + "FETCH FIRST " + limit + " ROWS ONLY", rs -> new Alert(Sql.instant(rs, "created_at"), rs.getString(2),
                rs.getString(3), rs.getString(4), rs.getString(5)));
    }
}
