package org.motcua.server.dashboard;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.function.Function;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The on-time report as an A4 PDF: title, period and scope, then a table per grouping (procedure, field) with a small
 * stacked bar per line. Liberation Serif (Times New Roman's metric twin, with every Vietnamese glyph) is embedded as a
 * subset, unpacked into the server's jar by the build from the same Maven artifact the desk's print bundle uses.
 */
public final class RatesPdf {

    static final String FONTS = "/org/motcua/server/fonts/liberation/";
    private static final float MARGIN = 50;
    private static final float LINE = 15;
    private static final float[] COLUMNS = {MARGIN, 300, 345, 390, 435, 480};

    private PDType0Font regular;
    private PDType0Font bold;
    private PDDocument doc;
    private PDPageContentStream page;
    private float y;

    private RatesPdf() {
    }

    /** {@code heading} lines go on top (title, period, scope); {@code words} gives the keys {@code dashboard.csv.*}. */
    public static byte[] write(OnTimeRates.Report report, List<String> heading, Function<String, String> words) {
        try (PDDocument document = new PDDocument()) {
            RatesPdf w = new RatesPdf();
            w.doc = document;
            w.regular = font(document, "LiberationSerif-Regular.ttf");
            w.bold = font(document, "LiberationSerif-Bold.ttf");
            w.newPage();
            for (int i = 0; i < heading.size(); i++) {
                w.text(i == 0 ? w.bold : w.regular, i == 0 ? 15 : 11, MARGIN, heading.get(i));
                w.y -= i == 0 ? 20 : LINE;
            }
            w.y -= 6;
            w.table(words.apply("dashboard.csv.procedure"), report.byProcedure(), true, words);
            w.table(words.apply("dashboard.csv.field"), report.byField(), false, words);
            w.row(w.bold, words.apply("dashboard.csv.all"), report.total());
            w.page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static PDType0Font font(PDDocument document, String file) throws IOException {
        try (InputStream in = RatesPdf.class.getResourceAsStream(FONTS + file)) {
            if (in == null) {
                throw new IOException("font " + FONTS + file + " is missing from the server's jar; the build unpacks it from "
                        + "com.github.librepdf:openpdf-fonts-extra");
            }
            return PDType0Font.load(document, in, true);
        }
    }

    private void table(String title, List<OnTimeRates.Line> lines, boolean withCode, Function<String, String> words) throws IOException {
        room(3 * LINE);
        text(bold, 12, MARGIN, title);
        y -= LINE + 2;
        text(bold, 10, COLUMNS[0], words.apply("dashboard.csv.name"));
        text(bold, 10, COLUMNS[1], words.apply("dashboard.pdf.early"));
        text(bold, 10, COLUMNS[2], words.apply("dashboard.pdf.ontime"));
        text(bold, 10, COLUMNS[3], words.apply("dashboard.pdf.late"));
        text(bold, 10, COLUMNS[4], words.apply("dashboard.csv.total"));
        text(bold, 10, COLUMNS[5], words.apply("dashboard.pdf.rate"));
        y -= LINE;
        for (OnTimeRates.Line l : lines) {
            String label = withCode ? l.key() + (l.name().isEmpty() ? "" : " " + l.name()) : l.name();
            row(regular, label, l.judged());
        }
        y -= 6;
    }

    private void row(PDType0Font font, String label, Judged j) throws IOException {
        room(LINE);
        text(font, 10, COLUMNS[0], fit(font, label, COLUMNS[1] - COLUMNS[0] - 8));
        text(font, 10, COLUMNS[1], Long.toString(j.early()));
        text(font, 10, COLUMNS[2], Long.toString(j.onTime()));
        text(font, 10, COLUMNS[3], Long.toString(j.late()));
        text(font, 10, COLUMNS[4], Long.toString(j.total()));
        Double rate = j.onTimeRate();
        text(font, 10, COLUMNS[5], rate == null ? "—" : StackedBars.percent(rate));
        bar(j);
        y -= LINE;
    }

    /** A 40 pt stacked bar after the rate: green early, blue on time, red late. */
    private void bar(Judged j) throws IOException {
        if (j.total() == 0) {
            return;
        }
        float x = 535;
        float[][] colours = {{0.11f, 0.42f, 0.21f}, {0.04f, 0.31f, 0.54f}, {0.64f, 0.07f, 0.11f}};
        long[] counts = {j.early(), j.onTime(), j.late()};
        for (int k = 0; k < 3; k++) {
            float w = 40f * counts[k] / j.total();
            page.setNonStrokingColor(colours[k][0], colours[k][1], colours[k][2]);
            page.addRect(x, y - 2, w, 9);
            page.fill();
            x += w;
        }
        page.setNonStrokingColor(0f, 0f, 0f);
    }

    private String fit(PDType0Font font, String s, float width) throws IOException {
        String out = s;
        while (out.length() > 1 && font.getStringWidth(out) / 1000 * 10 > width) {
            out = out.substring(0, out.length() - 2) + "…";
        }
        return out;
    }

    private void room(float needed) throws IOException {
        if (y - needed < MARGIN) {
            page.close();
            newPage();
        }
    }

    private void newPage() throws IOException {
        PDPage p = new PDPage(PDRectangle.A4);
        doc.addPage(p);
        page = new PDPageContentStream(doc, p);
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private void text(PDType0Font font, float size, float x, String s) throws IOException {
        page.beginText();
        page.setFont(font, size);
        page.newLineAtOffset(x, y);
        page.showText(s);
        page.endText();
    }
}
