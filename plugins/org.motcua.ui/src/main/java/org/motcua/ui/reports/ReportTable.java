package org.motcua.ui.reports;

import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.TableItem;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Row;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/** The report's table: one row per group, then the total in bold; the first column is named after the grouping. */
final class ReportTable {

    static final String[] COUNT_KEYS = {"reports.col.early", "reports.col.onTime", "reports.col.late",
        "reports.col.total", "reports.col.inTimeRate", "reports.col.lateRate", "reports.col.satisfied",
        "reports.col.acceptable", "reports.col.notSatisfied"};

    private final Messages messages;
    private final Table table;
    private final Font bold;

    ReportTable(Composite parent, Messages messages) {
        this.messages = messages;
        table = UiIds.name(new Table(parent, SWT.BORDER | SWT.FULL_SELECTION | SWT.SINGLE), "reports.table");
        table.setHeaderVisible(true);
        table.setLinesVisible(true);
        TableColumn group = new TableColumn(table, SWT.LEFT);
        group.setText(messages.get("reports.group.PROCEDURE"));
        group.setWidth(360);
        for (String key : COUNT_KEYS) {
            TableColumn c = new TableColumn(table, SWT.RIGHT);
            c.setText(messages.get(key));
            c.setWidth(key.endsWith("Rate") ? 160 : 100);
        }
        FontData[] data = table.getFont().getFontData();
        for (FontData d : data) {
            d.setStyle(SWT.BOLD);
        }
        bold = new Font(table.getDisplay(), data);
        table.addDisposeListener(e -> bold.dispose());
    }

    void show(OnTimeReportData report) {
        table.setRedraw(false);
        try {
            table.removeAll();
            table.getColumn(0).setText(messages.get("reports.group." + report.grouping().name()));
            for (Row r : report.rows()) {
                new TableItem(table, SWT.NONE).setText(cells(r));
            }
            if (!report.rows().isEmpty()) {
                TableItem total = new TableItem(table, SWT.NONE);
                total.setText(cells(report.total(messages.get("reports.total"))));
                total.setFont(bold);
            }
        } finally {
            table.setRedraw(true);
        }
    }

    private String[] cells(Row r) {
        return new String[] {r.group(), Long.toString(r.early()), Long.toString(r.onTime()), Long.toString(r.late()),
            Long.toString(r.total()), percent(r.inTimeRate()), percent(r.lateRate()), Long.toString(r.satisfied()),
            Long.toString(r.acceptable()), Long.toString(r.notSatisfied())};
    }

    /** "66,7" in Vietnamese, "66.7" in English. */
    private String percent(double share) {
        return String.format(messages.locale(), "%.1f", share * 100);
    }
}
