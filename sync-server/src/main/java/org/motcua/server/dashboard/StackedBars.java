package org.motcua.server.dashboard;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal 100 % stacked bar chart of early / on time / late, laid out on the server so the page draws it as inline
 * SVG: no script, no chart library, nothing fetched. Each bar is a row's judged dossiers; a row with none draws an empty
 * track. Coordinates are in the SVG's own units ({@link #WIDTH} wide), so the chart scales with its box.
 */
public record StackedBars(List<Bar> bars, int height) {

    public static final int WIDTH = 640;
    static final int LABEL = 200;
    static final int ROW = 26;
    static final int BAR = 18;
    static final int TRACK = WIDTH - LABEL - 60;

    /** One segment: its CSS class, x and width. */
    public record Segment(String kind, String x, String width, long count) {
    }

    /** One row: label, y of the bar, its segments, the rate written after it. */
    public record Bar(String label, int y, int textY, List<Segment> segments, String rate) {
    }

    public static StackedBars of(List<String> labels, List<Judged> values) {
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < labels.size(); i++) {
            Judged j = values.get(i);
            int y = 4 + i * ROW;
            List<Segment> segments = new ArrayList<>();
            double x = LABEL;
            long total = j.total();
            if (total > 0) {
                long[] counts = {j.early(), j.onTime(), j.late()};
                String[] kinds = {"early", "ontime", "late"};
                for (int k = 0; k < 3; k++) {
                    double w = (double) TRACK * counts[k] / total;
                    if (counts[k] > 0) {
                        segments.add(new Segment(kinds[k], num(x), num(w), counts[k]));
                    }
                    x += w;
                }
            }
            Double rate = j.onTimeRate();
            bars.add(new Bar(shorten(labels.get(i)), y, y + 14, segments, rate == null ? "—" : percent(rate)));
        }
        return new StackedBars(bars, Math.max(ROW, 8 + labels.size() * ROW));
    }

    public int labelWidth() {
        return LABEL;
    }

    public int trackWidth() {
        return TRACK;
    }

    public int rateX() {
        return LABEL + TRACK + 6;
    }

    public int barHeight() {
        return BAR;
    }

    /** A rate as the pages and exports write it: one decimal, a comma as the decimal sign. */
    public static String percent(double rate) {
        return String.format(Locale.ROOT, "%.1f", rate).replace('.', ',') + " %";
    }

    private static String num(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }

    private static String shorten(String label) {
        return label.length() <= 30 ? label : label.substring(0, 29) + "…";
    }
}
