package org.motcua.print.internal;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * A ruled table that flows over pages: the header row is repeated at the top of every page the table reaches,
 * a row is never split (it moves to the next page whole), and cell text wraps inside its column. A row taller than
 * a whole page (only possible with absurd input) is cut at the page's foot with "…" rather than crossing it.
 */
final class TableWriter {

    record Column(String header, float width, Align align) {
    }

    private static final float PAD = 2.5f;
    private static final float RULE = 0.5f;

    private final PageComposer c;
    private final List<Column> columns;
    private final float size;
    private final float headerSize;
    private final float left;
    private final PageStart onNewPage;

    /** Draws what goes above the table on a continuation page (e.g. the register's running title). */
    interface PageStart {
        void draw() throws IOException;
    }

    TableWriter(PageComposer c, List<Column> columns, float size, float headerSize, PageStart onNewPage) {
        this.c = c;
        this.columns = List.copyOf(columns);
        this.size = size;
        this.headerSize = headerSize;
        this.left = c.geometry().contentLeft();
        this.onNewPage = onNewPage;
    }

    /** Column widths as shares of {@code total}, for the callers' convenience. */
    static List<Column> columns(float total, Object... headerShareAlign) {
        float shares = 0;
        for (int i = 1; i < headerShareAlign.length; i += 3) {
            shares += ((Number) headerShareAlign[i]).floatValue();
        }
        List<Column> cols = new ArrayList<>();
        for (int i = 0; i < headerShareAlign.length; i += 3) {
            cols.add(new Column((String) headerShareAlign[i],
                    total * ((Number) headerShareAlign[i + 1]).floatValue() / shares, (Align) headerShareAlign[i + 2]));
        }
        return cols;
    }

    /** The header row, starting a page first when it and one line of a row would not fit. */
    void header() throws IOException {
        List<List<Line>> cells = new ArrayList<>();
        for (Column col : columns) {
            cells.add(c.wrap(Span.bold(col.header()), headerSize, col.width() - 2 * PAD));
        }
        float h = rowHeight(cells, headerSize);
        if (c.room() < h + size * PageComposer.LEADING + 2 * PAD) {
            c.newPage();
            onNewPage.draw();
        }
        drawRow(cells, headerSize, h, true);
    }

    /** One row of plain cells. */
    void row(List<String> cells) throws IOException {
        List<List<Span>> spans = new ArrayList<>(cells.size());
        for (String cell : cells) {
            spans.add(Span.regular(cell));
        }
        spanRow(spans);
    }

    /** One row whose cells are spans (mixed faces). */
    void spanRow(List<List<Span>> cells) throws IOException {
        List<List<Line>> lines = new ArrayList<>(cells.size());
        for (int i = 0; i < columns.size(); i++) {
            List<Span> cell = i < cells.size() ? cells.get(i) : List.of();
            lines.add(c.wrap(cell, size, columns.get(i).width() - 2 * PAD));
        }
        float h = rowHeight(lines, size);
        if (c.room() < h) {
            c.newPage();
            onNewPage.draw();
            header();
            if (c.room() < h) {
                lines = cut(lines, c.room());
                h = rowHeight(lines, size);
            }
        }
        drawRow(lines, size, h, false);
    }

    private List<List<Line>> cut(List<List<Line>> cells, float room) {
        int fit = Math.max(1, (int) ((room - 2 * PAD) / (size * PageComposer.LEADING)));
        List<List<Line>> out = new ArrayList<>();
        for (List<Line> cell : cells) {
            if (cell.size() <= fit) {
                out.add(cell);
            } else {
                List<Line> kept = new ArrayList<>(cell.subList(0, fit - 1));
                kept.add(new Line(List.of(new Line.Piece("…", Face.REGULAR, 0)), c.fonts().width("…", Face.REGULAR, size)));
                out.add(kept);
            }
        }
        return out;
    }

    private static float rowHeight(List<List<Line>> cells, float size) {
        int lines = 1;
        for (List<Line> cell : cells) {
            lines = Math.max(lines, cell.size());
        }
        return lines * size * PageComposer.LEADING + 2 * PAD;
    }

    private void drawRow(List<List<Line>> cells, float textSize, float h, boolean header) throws IOException {
        float top = c.y();
        float bottom = top - h;
        float x = left;
        for (int i = 0; i < columns.size(); i++) {
            Column col = columns.get(i);
            float lineTop = top - PAD;
            if (header) {
                // header text is centred vertically too
                lineTop -= (h - 2 * PAD - PageComposer.height(cells.get(i), textSize)) / 2;
            }
            c.lines(cells.get(i), textSize, x + PAD, col.width() - 2 * PAD, lineTop, header ? Align.CENTER : col.align());
            x += col.width();
        }
        rules(top, bottom, header);
        c.moveTo(bottom);
    }

    /**
     * Single rules shared by neighbouring cells: each row draws its bottom rule and the column rules, the header
     * also its top rule. Rules on the table's outer edge are drawn half their width inwards, so their ink stays
     * inside the table's box (and the box inside the margins).
     */
    private void rules(float top, float bottom, boolean header) throws IOException {
        float half = RULE / 2;
        float right = left;
        for (Column col : columns) {
            right += col.width();
        }
        if (header) {
            c.rule(left, right, top - half, RULE);
        }
        c.rule(left, right, bottom + half, RULE);
        float x = left;
        for (int i = 0; i <= columns.size(); i++) {
            float at = i == 0 ? x + half : i == columns.size() ? x - half : x;
            c.verticalRule(at, top, bottom, RULE);
            if (i < columns.size()) {
                x += columns.get(i).width();
            }
        }
    }
}
