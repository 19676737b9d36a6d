package org.motcua.server.projection;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import org.motcua.server.persistence.Sql;

/** Rows the admin must look at (a dossier code used twice, a reception repeated), written in the ingest transaction. */
public final class AdminAlerts {

    public static final String DOSSIER_CODE_COLLISION = "dossier-code-collision";

    private AdminAlerts() {
    }

    public static void raise(Connection c, String kind, String deviceId, String dossierId, String detail, Instant now)
            throws SQLException {
        Sql.update(c, "INSERT INTO admin_alerts (kind, device_id, dossier_id, detail, created_at) VALUES (?, ?, ?, ?, ?)", kind,
                Sql.text(deviceId), Sql.text(dossierId), detail.length() > 1000 ? detail.substring(0, 1000) : detail, now);
    }
}
