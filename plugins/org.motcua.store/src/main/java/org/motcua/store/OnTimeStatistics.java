package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.motcua.store.internal.Sql;

/**
 * Early / on time / late counts of dossiers that ended in a range (trước hạn / đúng hạn / trễ hạn), the figures the
 * seeds report ("99.94% on time"), with the citizens' ratings of those returned. A dossier ends with its result,
 * a refusal, a stop or a withdrawal; each is counted as its ending step was judged, by the service-quality index's
 * rule ({@code IndexTimeliness}: the receipt's date, supplement waiting not counted, a second supplement request late).
 */
public final class OnTimeStatistics {

    /** How rows are grouped. */
    public enum By {
        MONTH("FORMATDATETIME(d.finished_at, 'yyyy-MM')"),
        PROCEDURE("d.procedure_code"),
        FIELD("d.field_code");

        private final String expression;

        By(String expression) {
            this.expression = expression;
        }
    }

    /**
     * One group's counts. Rates are shares of {@link #total()}, 0 when nothing finished. The ratings count the
     * group's dossiers whose result was returned with one.
     */
    public record Row(String key, long early, long onTime, long late, long satisfied, long acceptable,
            long notSatisfied) {

        /** Counts without ratings. */
        public Row(String key, long early, long onTime, long late) {
            this(key, early, onTime, late, 0, 0, 0);
        }

        public long total() {
            return early + onTime + late;
        }

        /** Early and on time together: what the national figures call "đúng hạn". */
        public double inTimeRate() {
            return total() == 0 ? 0 : (double) (early + onTime) / total();
        }

        public double lateRate() {
            return total() == 0 ? 0 : (double) late / total();
        }
    }

    private final Store store;

    public OnTimeStatistics(Store store) {
        this.store = store;
    }

    /** Dossiers that ended from {@code from} to {@code to} inclusive, grouped {@code by}. */
    public List<Row> finishedBetween(LocalDate from, LocalDate to, By by) {
        String sql = "SELECT " + by.expression + " AS k, "
                + "SUM(CASE WHEN h.timeliness = 'EARLY' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN h.timeliness = 'ON_TIME' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN h.timeliness = 'LATE' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.rating = 'SATISFIED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.rating = 'ACCEPTABLE' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN r.rating = 'NOT_SATISFIED' THEN 1 ELSE 0 END) "
                // the ending step: the one handover judged at the instant the dossier ended
                + "FROM dossier d JOIN handover h ON h.dossier_id = d.id AND h.at = d.finished_at AND h.timeliness IS NOT NULL "
                + "LEFT JOIN result_return r ON r.dossier_id = d.id "
                + "WHERE d.finished_at >= ? AND d.finished_at < ? GROUP BY k ORDER BY k";
        return store.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5),
                                rs.getLong(6), rs.getLong(7)));
                    }
                }
            }
            return rows;
        });
    }
}
