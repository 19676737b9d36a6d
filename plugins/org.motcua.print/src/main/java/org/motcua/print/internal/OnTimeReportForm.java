package org.motcua.print.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.motcua.print.FormKind;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Row;

/**
 * The on-time report on portrait A4: the official header, the title, the range and grouping, one table row per
 * group and a bold total row, a note on what "đúng hạn" counts, and the signer.
 */
final class OnTimeReportForm {

    private static final float BODY = 13f;
    private static final float CELL = 11f;

    private OnTimeReportForm() {
    }

    static void compose(PageComposer c, FormContext ctx, OnTimeReportData data) throws IOException {
        FormWording w = ctx.wording();
        String from = w.shortDay(data.from());
        String to = w.shortDay(data.to());
        c.newPage();
        OfficialHeader.draw(c, w, ctx.unit(), ctx.formNumber(FormKind.ON_TIME_REPORT), w.raw("number.blank"),
                data.asOf().toLocalDate());
        OfficialHeader.title(c, w.raw("report.onTime.title"));
        c.paragraph(Span.italic(w.text("report.onTime.range", "from", from, "to", to)), BODY, Align.CENTER);
        c.down(6);
        String heading = w.raw("report.onTime.group." + data.grouping().name());
        String running = w.text("report.onTime.running", "unit", ctx.unit().unitName(), "from", from, "to", to);
        TableWriter t = new TableWriter(c, TableWriter.columns(c.geometry().contentWidth(),
                w.raw("report.onTime.table.no"), 4, Align.CENTER,
                heading, 20, Align.LEFT,
                w.raw("report.onTime.table.early"), 7, Align.RIGHT,
                w.raw("report.onTime.table.onTime"), 7, Align.RIGHT,
                w.raw("report.onTime.table.late"), 7, Align.RIGHT,
                w.raw("report.onTime.table.total"), 7, Align.RIGHT,
                w.raw("report.onTime.table.inTimeRate"), 9, Align.RIGHT,
                w.raw("report.onTime.table.lateRate"), 9, Align.RIGHT,
                w.raw("report.onTime.table.satisfied"), 7.5, Align.RIGHT,
                w.raw("report.onTime.table.acceptable"), 7.5, Align.RIGHT,
                w.raw("report.onTime.table.notSatisfied"), 7.5, Align.RIGHT), CELL, CELL - 1,
                () -> c.paragraph(Span.italic(running), CELL, Align.CENTER));
        if (data.rows().isEmpty()) {
            c.paragraph(Span.italic(w.raw("report.onTime.empty")), BODY, Align.CENTER);
        } else {
            t.header();
            int n = 0;
            for (Row r : data.rows()) {
                n++;
                t.row(cells(Integer.toString(n), r));
            }
            List<List<Span>> total = new ArrayList<>();
            for (String cell : cells("", data.total(w.raw("report.onTime.table.sum")))) {
                total.add(Span.bold(cell));
            }
            t.spanRow(total);
        }
        c.down(4);
        c.paragraph(Span.italic(w.raw("report.onTime.note")), CELL, Align.LEFT);
        SignatureBlock.right(c, w, new SignatureBlock.Signer(w.raw("report.onTime.sign"), w.raw("sign.hint"), ""));
    }

    private static List<String> cells(String no, Row r) {
        return List.of(no, r.group(), Long.toString(r.early()), Long.toString(r.onTime()), Long.toString(r.late()),
                Long.toString(r.total()), percent(r.inTimeRate()), percent(r.lateRate()), Long.toString(r.satisfied()),
                Long.toString(r.acceptable()), Long.toString(r.notSatisfied()));
    }

    /** "66,7": one decimal with the Vietnamese decimal comma. */
    static String percent(double share) {
        return String.format(FormContext.VI, "%.1f", share * 100);
    }
}
