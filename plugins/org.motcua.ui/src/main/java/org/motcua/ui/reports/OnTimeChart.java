package org.motcua.ui.reports;

import java.util.List;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Color;
import org.eclipse.swt.graphics.GC;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.graphics.RGB;
import org.eclipse.swt.graphics.Rectangle;
import org.eclipse.swt.widgets.Display;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Row;
import org.motcua.ui.Messages;

/**
 * Stacked horizontal bars, one per group: early green, on time blue, late red, each bar as long as the group's
 * total relative to the largest. The legend is on top, the group's name left of its bar (shortened with "…" to
 * its column), the count inside a segment only when it fits, the in-time rate right of the bar. Rows that do not
 * fit the height are not squeezed: a last line says how many were left out. Paints on any {@link GC}, so a test
 * draws it into an image.
 */
final class OnTimeChart {

    static final RGB EARLY = new RGB(46, 160, 67);
    static final RGB ON_TIME = new RGB(33, 102, 204);
    static final RGB LATE = new RGB(214, 39, 40);
    private static final int MARGIN = 8;
    private static final int GAP = 6;
    private static final int SWATCH = 12;

    private record Legend(Color color, String key) {
    }

    private final Messages messages;
    private final Color early;
    private final Color onTime;
    private final Color late;
    private final Color white;
    private final Color ink;
    private OnTimeReportData report;
    private Rectangle bars = new Rectangle(0, 0, 0, 0);

    OnTimeChart(Display display, Messages messages) {
        this.messages = messages;
        early = new Color(display, EARLY);
        onTime = new Color(display, ON_TIME);
        late = new Color(display, LATE);
        white = new Color(display, 255, 255, 255);
        ink = new Color(display, 40, 40, 40);
    }

    void show(OnTimeReportData data) {
        report = data;
    }

    /** Where the last paint drew its bars (below the legend). */
    Rectangle barArea() {
        return bars;
    }

    void paint(GC gc, Rectangle area) {
        gc.setBackground(white);
        gc.fillRectangle(area);
        gc.setForeground(ink);
        int line = gc.getFontMetrics().getHeight();
        int y = area.y + MARGIN;
        if (report == null || report.rows().isEmpty()) {
            bars = new Rectangle(area.x, y, 0, 0);
            String empty = messages.get(report == null ? "reports.chart.notRun" : "reports.chart.empty");
            Point e = gc.textExtent(empty);
            gc.drawText(empty, area.x + Math.max(MARGIN, (area.width - e.x) / 2), y, true);
            return;
        }
        y = legend(gc, area, y, line) + GAP;
        int rowHeight = Math.max(line + 6, 18);
        List<Row> rows = report.rows();
        int room = area.y + area.height - MARGIN - y;
        int fit = rows.size() * (rowHeight + GAP) <= room ? rows.size() : Math.max(0, room / (rowHeight + GAP) - 1);
        int labelWidth = labelWidth(gc, rows, area.width);
        int rateWidth = gc.textExtent("100,0%").x + GAP;
        int barLeft = area.x + MARGIN + labelWidth + GAP;
        int barWidth = Math.max(10, area.x + area.width - MARGIN - rateWidth - GAP - barLeft);
        long max = rows.stream().mapToLong(Row::total).max().orElse(1);
        bars = new Rectangle(barLeft, y, barWidth, fit * (rowHeight + GAP));
        for (int i = 0; i < fit; i++) {
            Row r = rows.get(i);
            int top = y + i * (rowHeight + GAP);
            int textTop = top + (rowHeight - line) / 2;
            gc.setForeground(ink);
            gc.drawText(shorten(gc, r.group(), labelWidth), area.x + MARGIN, textTop, true);
            int length = max == 0 ? 0 : (int) Math.round((double) r.total() / max * barWidth);
            int wEarly = share(r.early(), r.total(), length);
            int wOnTime = share(r.onTime(), r.total(), length);
            // late takes the rest, so rounding never leaves a gap or overruns the bar
            int wLate = r.late() == 0 ? 0 : Math.max(0, length - wEarly - wOnTime);
            int x = segment(gc, early, r.early(), wEarly, barLeft, top, rowHeight, textTop);
            x = segment(gc, onTime, r.onTime(), wOnTime, x, top, rowHeight, textTop);
            int end = segment(gc, late, r.late(), wLate, x, top, rowHeight, textTop);
            gc.setForeground(ink);
            gc.drawText(percent(r.inTimeRate()), end + GAP, textTop, true);
        }
        if (fit < rows.size()) {
            gc.setForeground(ink);
            gc.drawText(messages.get("reports.chart.more", rows.size() - fit), area.x + MARGIN,
                    y + fit * (rowHeight + GAP), true);
        }
    }

    /** Draws the legend, wrapping to a new line when the next entry would not fit; returns the y below it. */
    private int legend(GC gc, Rectangle area, int y, int line) {
        int x = area.x + MARGIN;
        for (Legend e : List.of(new Legend(early, "reports.col.early"), new Legend(onTime, "reports.col.onTime"),
                new Legend(late, "reports.col.late"))) {
            String text = messages.get(e.key());
            int width = SWATCH + 4 + gc.textExtent(text).x;
            if (x > area.x + MARGIN && x + width > area.x + area.width - MARGIN) {
                x = area.x + MARGIN;
                y += line + 4;
            }
            gc.setBackground(e.color());
            gc.fillRectangle(x, y + (line - SWATCH) / 2, SWATCH, SWATCH);
            gc.setForeground(ink);
            gc.drawText(text, x + SWATCH + 4, y, true);
            x += width + 3 * GAP;
        }
        String rate = messages.get("reports.chart.rate");
        if (x + gc.textExtent(rate).x > area.x + area.width - MARGIN) {
            x = area.x + MARGIN;
            y += line + 4;
        }
        gc.setForeground(ink);
        gc.drawText(rate, x, y, true);
        return y + line;
    }

    private static int share(long count, long total, int length) {
        return total == 0 ? 0 : (int) Math.round((double) count / total * length);
    }

    /** One segment of {@code width} from {@code x}, its count inside when it fits; returns where it ends. */
    private int segment(GC gc, Color color, long count, int width, int x, int top, int height, int textTop) {
        if (count == 0 || width <= 0) {
            return x;
        }
        gc.setBackground(color);
        gc.fillRectangle(x, top, width, height);
        String text = Long.toString(count);
        Point e = gc.textExtent(text);
        if (e.x + 4 <= width) {
            gc.setForeground(white);
            gc.drawText(text, x + (width - e.x) / 2, textTop, true);
        }
        return x + width;
    }

    /** The label column: as wide as the longest label, at most a third of the chart. */
    private static int labelWidth(GC gc, List<Row> rows, int width) {
        int widest = 0;
        for (Row r : rows) {
            widest = Math.max(widest, gc.textExtent(r.group()).x);
        }
        return Math.min(widest, Math.max(60, width / 3));
    }

    static String shorten(GC gc, String text, int width) {
        if (gc.textExtent(text).x <= width) {
            return text;
        }
        String s = text;
        while (!s.isEmpty() && gc.textExtent(s + "…").x > width) {
            s = s.substring(0, s.length() - 1);
        }
        return s.strip() + "…";
    }

    private String percent(double share) {
        return String.format(messages.locale(), "%.1f%%", share * 100);
    }

    void dispose() {
        early.dispose();
        onTime.dispose();
        late.dispose();
        white.dispose();
        ink.dispose();
    }
}
