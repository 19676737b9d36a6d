package org.motcua.ui.reports;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Grouping;
import org.motcua.print.OnTimeReportData.Row;
import org.motcua.store.OnTimeStatistics;
import org.motcua.store.OnTimeStatistics.By;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;

/**
 * The on-time report of a desk for a range: the store's {@link OnTimeStatistics} with each group named the way
 * an officer reads it (a month as "Tháng 03/2026", a procedure by its name, a field by its name from the
 * catalogue). Headless: runs in a job, and the CSV and PDF exports take its result.
 */
public final class OnTimeReports {

    private final Desk desk;
    private final Messages messages;

    public OnTimeReports(Desk desk, Messages messages) {
        this.desk = desk;
        this.messages = messages;
    }

    /**
     * @throws org.motcua.core.validation.ValidationException when the desk's role may not read reports or the
     *                                                         range is reversed
     */
    public OnTimeReportData finishedBetween(LocalDate from, LocalDate to, Grouping grouping) {
        ReportReaders.require(desk.role());
        ReportReaders.requireRange(from, to);
        List<OnTimeStatistics.Row> stats = new OnTimeStatistics(desk.store()).finishedBetween(from, to, by(grouping));
        Map<String, String> names = names(grouping, desk.catalogue());
        List<Row> rows = stats.stream().map(r -> new Row(label(grouping, r.key(), names), r.early(), r.onTime(), r.late(),
                r.satisfied(), r.acceptable(), r.notSatisfied())).toList();
        return new OnTimeReportData(from, to, grouping, rows, desk.now());
    }

    static By by(Grouping grouping) {
        return switch (grouping) {
            case MONTH -> By.MONTH;
            case PROCEDURE -> By.PROCEDURE;
            case FIELD -> By.FIELD;
        };
    }

    /** Procedure code → name, or field code → field name; the newest version names a code. */
    private static Map<String, String> names(Grouping grouping, ProcedureCatalogue catalogue) {
        Map<String, String> names = new HashMap<>();
        for (Procedure p : catalogue.current()) {
            switch (grouping) {
                case PROCEDURE -> names.put(p.code(), p.name());
                case FIELD -> names.putIfAbsent(p.fieldCode(), p.fieldName());
                case MONTH -> { }
            }
        }
        return names;
    }

    private String label(Grouping grouping, String key, Map<String, String> names) {
        if (grouping == Grouping.MONTH) {
            // "2026-03" from the store; the year is passed as text so it is not written "2.026".
            return messages.get("reports.month", key.substring(5), key.substring(0, 4));
        }
        return names.getOrDefault(key, key);
    }
}
