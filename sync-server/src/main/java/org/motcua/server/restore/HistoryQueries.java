package org.motcua.server.restore;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.DossierHistory;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.persistence.Sql;

/**
 * The reads behind a {@code dossierHistory} page: a unit's dossiers by id, each one's accepted events from the chain
 * store (verbatim, the bytes ingest stored), and the numbers a device used. Every range is one index (V12).
 */
final class HistoryQueries {

    /** Statuses that end a dossier (refused, withdrawn, stopped, returned): "open" leaves them out. */
    static final String CLOSED_STATUSES = "(3, 7, 8, 10)";
    /** Code counters older than this are of no use to a desk: a dossier takes today's date. */
    static final int CODE_COUNTER_DATES = 31;

    private HistoryQueries() {
    }

    record DossierRow(String id, String code, int status) {
    }

    static List<DossierRow> dossiers(Connection c, String unitCode, String after, boolean all, int limit) throws SQLException {
        return Sql.list(c, "SELECT dossier_id, dossier_code, status FROM dossiers WHERE unit_code = ? AND dossier_id > ?"
                + (all ? "" : " AND status NOT IN " + CLOSED_STATUSES) + " ORDER BY dossier_id LIMIT ?",
                rs -> new DossierRow(rs.getString(1), rs.getString(2), rs.getInt(3)), unitCode, after, limit);
    }

    /**
     * The dossier's accepted events sent by devices of its own unit, in the order the province committed them (a
     * device's events of one batch by seq). Rejected positions and duplicates are not events of the dossier.
     */
    static List<DossierHistory.Event> events(Connection c, String unitCode, String dossierId) throws SQLException {
        return Sql.list(c, "SELECT p.device_id, p.epoch_id, p.seq, p.event_id, p.event_type, p.created_at, p.blobs, "
                + "p.payload_hash, p.payload, p.received_at FROM chain_positions p JOIN devices d ON d.device_id = p.device_id "
                + "WHERE p.aggregate_id = ? AND p.status = 'accepted' AND d.unit_code = ? "
                + "ORDER BY p.received_at, p.device_id, p.epoch_id, p.seq",
                rs -> new DossierHistory.Event(blobs(rs.getString(7)), rs.getString(6), rs.getString(1), rs.getString(2),
                        rs.getString(4), rs.getBytes(9), rs.getString(8), WireFormats.serverTime(Sql.instant(rs, "received_at")),
                        rs.getLong(3), rs.getString(5)), dossierId, unitCode);
    }

    private static List<String> blobs(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : Arrays.asList(joined.split(","));
    }

    static List<CodeCounter> codeCounters(Connection c, String deviceId) throws SQLException {
        List<CodeCounter> out = new ArrayList<>(Sql.list(c, "SELECT code_date, last_number FROM device_code_counters "
                + "WHERE device_id = ? ORDER BY code_date DESC LIMIT " + CODE_COUNTER_DATES,
                rs -> new CodeCounter(rs.getObject(1, LocalDate.class).toString(), rs.getInt(2)), deviceId));
        out.sort(Comparator.comparing(CodeCounter::date));
        return out;
    }

    /**
     * The highest register entry per book among the receptions this device sent. Register books are per device and
     * year ("2026-M1"), so only the device's own receptions can hold its entries; the projection keeps no register, so
     * the payloads are read (a device's receptions of a few years: thousands, not millions).
     */
    static List<DossierHistory.RegisterCounter> registerCounters(Connection c, String deviceId) throws SQLException {
        Map<String, Integer> highest = new TreeMap<>();
        for (byte[] payload : Sql.list(c, "SELECT payload FROM chain_positions WHERE device_id = ? AND status = 'accepted' "
                + "AND event_type = 'DossierReceived'", rs -> rs.getBytes(1), deviceId)) {
            JsonNode register;
            try {
                register = StrictJson.parse(payload).path("register");
            } catch (JsonRejected e) {
                continue;   // accepted payloads passed the schema; cannot happen, and a counter is no reason to fail
            }
            String book = register.path("book").asText("");
            int entry = register.path("entry").asInt(0);
            if (!book.isEmpty()) {
                highest.merge(book, entry, Math::max);
            }
        }
        return highest.entrySet().stream().map(e -> new DossierHistory.RegisterCounter(e.getKey(), e.getValue())).toList();
    }
}
