package org.motcua.server.registry;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The province's communes (the {@code units} devices belong to), for the CLI's {@code import-communes} and the web's
 * commune page alike: importing the official list, and listing the communes with their devices. An import adds new
 * communes and renames changed ones, all in one transaction with its audit entry; a commune missing from the file is
 * kept (its devices and dossiers still name it).
 */
public final class CommuneAdmin {

    /** What an import did. */
    public record Outcome(int communes, int added, int changed, int unchanged) {
    }

    /** A commune as the admin's page lists it. */
    public record Row(String code, String name, String adminCode, int activeDevices, int devices, Instant lastSync,
            Instant importedAt) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public CommuneAdmin(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * Imports a commune list ({@link CommuneFile}).
     *
     * @throws CommuneFile.Refused the file has bad lines (each named, in Vietnamese); nothing was stored
     */
    public Outcome importCsv(byte[] file) throws CommuneFile.Refused, Rejection {
        List<CommuneFile.Commune> communes = CommuneFile.read(file);
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            int added = 0;
            int changed = 0;
            for (CommuneFile.Commune k : communes) {
                Optional<String[]> existing = Sql.one(c, "SELECT unit_name, admin_code FROM units WHERE unit_code = ? FOR UPDATE",
                        rs -> new String[] {rs.getString(1), rs.getString(2)}, k.code());
                String admin = k.adminCode().orElse(null);
                if (existing.isEmpty()) {
                    Sql.update(c, "INSERT INTO units (unit_code, unit_name, created_at, admin_code, imported_at) VALUES (?, ?, ?, ?, ?)",
                            k.code(), k.name(), now, Sql.text(admin), now);
                    added++;
                } else {
                    // A file without the column keeps an administrative code stored earlier.
                    String keptAdmin = admin != null ? admin : existing.get()[1];
                    boolean differs = !existing.get()[0].equals(k.name()) || !java.util.Objects.equals(existing.get()[1], keptAdmin);
                    Sql.update(c, "UPDATE units SET unit_name = ?, admin_code = ?, imported_at = ? WHERE unit_code = ?", k.name(),
                            Sql.text(keptAdmin), now, k.code());
                    if (differs) {
                        changed++;
                    }
                }
            }
            Outcome o = new Outcome(communes.size(), added, changed, communes.size() - added - changed);
            AuditLog.record(c, actor, now, "communes.import", communes.size() + " xã",
                    o.added() + " thêm, " + o.changed() + " đổi tên hoặc mã ĐVHC, " + o.unchanged() + " không đổi; tệp SHA-256 "
                            + Sha256.hex(file).substring(0, 16));
            return o;
        });
    }

    public List<Row> list() throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT u.unit_code, u.unit_name, u.admin_code, u.imported_at, "
                + "COUNT(d.device_id) AS devices, SUM(CASE WHEN d.status = ? THEN 1 ELSE 0 END) AS active, "
                + "MAX(d.last_sync_at) AS last_sync FROM units u LEFT JOIN devices d ON d.unit_code = u.unit_code "
                + "GROUP BY u.unit_code, u.unit_name, u.admin_code, u.imported_at ORDER BY u.unit_code",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt("active"), rs.getInt("devices"),
                        Sql.instant(rs, "last_sync"), Sql.instant(rs, "imported_at")), DeviceRecord.ACTIVE));
    }
}
