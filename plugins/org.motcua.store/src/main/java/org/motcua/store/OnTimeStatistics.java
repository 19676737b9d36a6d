package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.motcua.store.internal.Sql;

/**
 * Early / on time / late counts of finished dossiers (trước hạn / đúng hạn / trễ hạn), the figures the
 * seeds report ("99.94% on time"). The rule is core's {@code Deadlines.timeliness}: late after the due
 * instant, on time on the due day, early before it; here it is evaluated in SQL over the whole table.
 */
public final class OnTimeStatistics {

    /** How rows are grouped. */
    public enum By {
        MONTH("FORMATDATETIME(finished_at, 'yyyy-MM')"),
        PROCEDURE("procedure_code"),
        FIELD("field_code");

        private final String expression;

        By(String expression) {
            this.expression = expression;
        }
    }

    /** One group's counts. Rates are shares of {@link #total()}, 0 when nothing finished. */
    public record Row(String key, long early, long onTime, long late) {

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

    /** Dossiers finished from {@code from} to {@code to} inclusive, grouped {@code by}. */
    public List<Row> finishedBetween(LocalDate from, LocalDate to, By by) {
        String sql = "SELECT " + by.expression + " AS k, "
                + "SUM(CASE WHEN finished_at <= due_at AND CAST(finished_at AS DATE) < CAST(due_at AS DATE) THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN finished_at <= due_at AND CAST(finished_at AS DATE) = CAST(due_at AS DATE) THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN finished_at > due_at THEN 1 ELSE 0 END) "
                + "FROM dossier WHERE finished_at >= ? AND finished_at < ? GROUP BY k ORDER BY k";
        return store.read(c -> {
            List<Row> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, from.atStartOfDay(), to.plusDays(1).atStartOfDay());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Row(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)));
                    }
                }
            }
            return rows;
        });
    }
}
