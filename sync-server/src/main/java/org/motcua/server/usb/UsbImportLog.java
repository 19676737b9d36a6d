package org.motcua.server.usb;

import java.time.Instant;
import java.util.List;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/** The USB import log ({@code usb_imports}) as the admin's page lists it: newest first. */
public final class UsbImportLog {

    /** One import: the device and export number when its manifest was read, and what became of it. */
    public record Entry(Instant importedAt, String deviceId, Long exportSeq, String outcome) {
    }

    private UsbImportLog() {
    }

    public static List<Entry> recent(ServerDatabase db, int limit) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT imported_at, device_id, export_seq, outcome FROM usb_imports ORDER BY id DESC "
                + "FETCH FIRST " + Math.max(1, Math.min(limit, 200)) + " ROWS ONLY",
                rs -> new Entry(Sql.instant(rs, "imported_at"), rs.getString("device_id"), Sql.optLong(rs, "export_seq"),
                        rs.getString("outcome"))));
    }
}
