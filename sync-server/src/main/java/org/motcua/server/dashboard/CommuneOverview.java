package org.motcua.server.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The province overview: per commune, this month's dossiers received, those open, overdue and due within two days,
 * how the month's ended dossiers were judged, the citizens' ratings of the month, and its devices' last sync with what
 * they are estimated to hold back. Four grouped reads, each one range of an index of V8 (never a scan of the dossiers),
 * and one of the devices.
 */
public final class CommuneOverview {

    public static final Duration DUE_SOON = Duration.ofDays(2);

    /** One device's sync, with the estimate of events it holds back ({@link HeldBack}; null when unknown). */
    public record DeviceSync(String deviceId, String unitCode, int deviceNumber, String hostname, Instant lastSync,
            Long heldBack) {
    }

    /** The citizens' ratings given on the lookup page in the month. */
    public record Ratings(long satisfied, long acceptable, long notSatisfied) {

        static final Ratings NONE = new Ratings(0, 0, 0);

        public long total() {
            return satisfied + acceptable + notSatisfied;
        }

        /** Satisfied over all ratings, in percent; null with none. */
        public Double satisfiedShare() {
            return total() == 0 ? null : 100.0 * satisfied / total();
        }
    }

    /** One commune's row. */
    public record Commune(String unitCode, String unitName, long receivedThisMonth, long inProcess, long overdue, long dueSoon,
            Judged thisMonth, Ratings ratings, List<DeviceSync> devices) {

        /** The oldest last sync among its devices (null if one never synced or it has none). */
        public Instant oldestSync() {
            Instant oldest = null;
            for (DeviceSync d : devices) {
                if (d.lastSync() == null) {
                    return null;
                }
                oldest = oldest == null || d.lastSync().isBefore(oldest) ? d.lastSync() : oldest;
            }
            return oldest;
        }

        /** The sum of its devices' estimates; null when none can be estimated. */
        public Long heldBack() {
            Long sum = null;
            for (DeviceSync d : devices) {
                if (d.heldBack() != null) {
                    sum = (sum == null ? 0 : sum) + d.heldBack();
                }
            }
            return sum;
        }
    }

    private final ServerDatabase db;

    public CommuneOverview(ServerDatabase db) {
        this.db = db;
    }

    /** Every commune of {@code scope} (every unit of the registry when empty), in unit-code order. */
    public List<Commune> communes(Optional<String> scope, Instant now) throws Rejection {
        return Tx.read(db, c -> read(c, scope, now));
    }

    private static List<Commune> read(Connection c, Optional<String> scope, Instant now) throws SQLException {
        String unitFilter = scope.isPresent() ? " AND unit_code = ?" : "";
        Object[] unit = scope.map(u -> new Object[] {u}).orElse(new Object[0]);
        Periods.Span month = Periods.monthOf(now);

        Map<String, String> names = new LinkedHashMap<>();
        for (String[] u : Sql.list(c, "SELECT unit_code, unit_name FROM units WHERE 1 = 1" + unitFilter + " ORDER BY unit_code",
                rs -> new String[] {rs.getString(1), rs.getString(2)}, unit)) {
            names.put(u[0], u[1]);
        }
        Map<String, Long> received = new LinkedHashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, COUNT(*) FROM dossiers WHERE received_at >= ? AND received_at < ?"
                + unitFilter + " GROUP BY unit_code", rs -> new Object[] {rs.getString(1), rs.getLong(2)},
                concat(new Object[] {month.from(), month.to()}, unit))) {
            received.put((String) r[0], (Long) r[1]);
        }
        Map<String, long[]> open = new LinkedHashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, COUNT(*), "
                + "SUM(CASE WHEN status IN " + OpenStatuses.RUNNING + " AND original_due_at < ? THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN status IN " + OpenStatuses.RUNNING + " AND original_due_at >= ? AND original_due_at < ? THEN 1 ELSE 0 END) "
                + "FROM dossiers WHERE status IN " + OpenStatuses.OPEN + unitFilter + " GROUP BY unit_code",
                rs -> new Object[] {rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3), rs.getLong(4)}},
                concat(new Object[] {now, now, now.plus(DUE_SOON)}, unit))) {
            open.put((String) r[0], (long[]) r[1]);
        }
        Map<String, Judged> judged = new LinkedHashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, timeliness, COUNT(*) FROM dossiers WHERE done_at >= ? AND done_at < ?"
                + unitFilter + " GROUP BY unit_code, timeliness", rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getLong(3)},
                concat(new Object[] {month.from(), month.to()}, unit))) {
            judged.merge((String) r[0], Judged.NONE.plus((String) r[1], (Long) r[2]), Judged::plus);
        }
        Map<String, Ratings> ratings = new LinkedHashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, "
                + "SUM(CASE WHEN rating = 'SATISFIED' THEN 1 ELSE 0 END), SUM(CASE WHEN rating = 'ACCEPTABLE' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rating = 'NOT_SATISFIED' THEN 1 ELSE 0 END) FROM citizen_ratings WHERE rated_at >= ? AND rated_at < ?"
                + unitFilter + " GROUP BY unit_code", rs -> new Object[] {rs.getString(1), new Ratings(rs.getLong(2), rs.getLong(3),
                rs.getLong(4))}, concat(new Object[] {month.from(), month.to()}, unit))) {
            ratings.put((String) r[0], (Ratings) r[1]);
        }
        Map<String, List<DeviceSync>> devices = new LinkedHashMap<>();
        for (DeviceSync d : devices(c, scope, now)) {
            devices.computeIfAbsent(d.unitCode(), k -> new ArrayList<>()).add(d);
        }
        // A commune with dossiers but no registry row (units are registered by enrolment codes) still shows.
        for (Map<String, ?> m : List.of(received, open, judged, ratings, devices)) {
            m.keySet().forEach(u -> names.putIfAbsent(u, ""));
        }
        List<Commune> out = new ArrayList<>();
        names.keySet().stream().sorted().forEach(u -> {
            long[] o = open.getOrDefault(u, new long[3]);
            out.add(new Commune(u, names.get(u), received.getOrDefault(u, 0L), o[0], o[1], o[2], judged.getOrDefault(u, Judged.NONE),
                    ratings.getOrDefault(u, Ratings.NONE), devices.getOrDefault(u, List.of())));
        });
        return out;
    }

    /** Active devices of {@code scope} with their open epoch's pace. */
    static List<DeviceSync> devices(Connection c, Optional<String> scope, Instant now) throws SQLException {
        return Sql.list(c, "SELECT d.device_id, d.unit_code, d.device_number, d.hostname, d.last_sync_at, e.acked_seq, e.opened_at "
                + "FROM devices d LEFT JOIN epochs e ON e.device_id = d.device_id AND e.status = 'open' "
                + "WHERE d.status = 'active'" + (scope.isPresent() ? " AND d.unit_code = ?" : "")
                + " ORDER BY d.unit_code, d.device_number",
                rs -> {
                    Instant lastSync = Sql.instant(rs, "last_sync_at");
                    return new DeviceSync(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), lastSync,
                            HeldBack.estimate(Sql.optLong(rs, "acked_seq"), Sql.instant(rs, "opened_at"), lastSync, now));
                }, scope.map(u -> new Object[] {u}).orElse(new Object[0]));
    }

    static Object[] concat(Object[] a, Object[] b) {
        Object[] out = java.util.Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
