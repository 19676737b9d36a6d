package org.motcua.print;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Objects;

/**
 * The on-time report: dossiers finished in a date range, early / on time / late per group (month, procedure or
 * field), as the seeds report them ("99.94% đúng hạn").
 *
 * @param rows  one per group, in the order printed; {@link Row#group()} is what the reader sees (a month, a
 *              procedure's name, a field's name)
 * @param asOf  when the report is made: the date line under the letterhead
 */
public record OnTimeReportData(LocalDate from, LocalDate to, Grouping grouping, List<Row> rows, LocalDateTime asOf) {

    /** What a row stands for; names the group column. */
    public enum Grouping { MONTH, PROCEDURE, FIELD }

    /**
     * One group's counts, and the ratings citizens gave the results returned among them. Rates are shares of
     * {@link #total()}, 0 when nothing finished.
     */
    public record Row(String group, long early, long onTime, long late, long satisfied, long acceptable,
            long notSatisfied) {

        public Row {
            Objects.requireNonNull(group, "group");
            if (early < 0 || onTime < 0 || late < 0 || satisfied < 0 || acceptable < 0 || notSatisfied < 0) {
                throw new IllegalArgumentException("negative count in " + group);
            }
        }

        /** Counts without ratings. */
        public Row(String group, long early, long onTime, long late) {
            this(group, early, onTime, late, 0, 0, 0);
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

    public OnTimeReportData {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(grouping, "grouping");
        Objects.requireNonNull(asOf, "asOf");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("the range ends before it starts: " + from + ".." + to);
        }
        rows = List.copyOf(rows);
    }

    /** All groups together. */
    public Row total(String label) {
        long early = 0, onTime = 0, late = 0, satisfied = 0, acceptable = 0, notSatisfied = 0;
        for (Row r : rows) {
            early += r.early();
            onTime += r.onTime();
            late += r.late();
            satisfied += r.satisfied();
            acceptable += r.acceptable();
            notSatisfied += r.notSatisfied();
        }
        return new Row(label, early, onTime, late, satisfied, acceptable, notSatisfied);
    }
}
