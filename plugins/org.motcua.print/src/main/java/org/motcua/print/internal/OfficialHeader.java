package org.motcua.print.internal;

import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.motcua.print.IssuingUnit;
import org.motcua.print.PageGeometry;

/**
 * The top of an administrative paper (Decree 30/2020): on the left the governing body and the unit in capitals,
 * the unit in bold over a short rule, then the number; on the right the national motto, its first line in bold
 * capitals, its second line in bold and underlined, then the place and date in italics. The two columns wrap
 * independently inside their widths.
 */
final class OfficialHeader {

    static final float SIZE_SMALL = 12f;
    static final float SIZE = 13f;
    private static final float GAP = 8f;
    private static final Locale VI = Locale.forLanguageTag("vi");

    private OfficialHeader() {
    }

    /**
     * Draws the header at the top of the current page and moves below it.
     *
     * @param formNumber "Mẫu số 01", or empty for none
     * @param number     the "Số: ..." line under the unit
     */
    static void draw(PageComposer c, FormWording w, IssuingUnit unit, String formNumber, String number, LocalDate day)
            throws IOException {
        PageGeometry g = c.geometry();
        BundledFonts fonts = c.fonts();
        String motto1 = w.raw("motto.line1");
        String motto2 = w.raw("motto.line2");
        float rightWidth = Math.min(g.contentWidth() * 0.62f,
                Math.max(g.contentWidth() * 0.56f, fonts.width(fonts.printable(motto1), Face.BOLD, SIZE_SMALL) + 6));
        float leftWidth = g.contentWidth() - rightWidth - GAP;
        float left = g.contentLeft();
        float right = g.contentRight() - rightWidth;

        if (!formNumber.isBlank()) {
            List<Line> line = c.wrap(Span.italic(formNumber), 11f, g.contentWidth());
            c.moveTo(c.lines(line, 11f, left, g.contentWidth(), c.y(), Align.RIGHT));
        }
        float top = c.y();

        // Left column: governing body, unit (bold) and a short centred rule under it.
        float leftY = top;
        if (!unit.parentBody().isBlank()) {
            leftY = c.lines(c.wrap(Span.regular(unit.parentBody().toUpperCase(VI)), SIZE_SMALL, leftWidth), SIZE_SMALL,
                    left, leftWidth, leftY, Align.CENTER);
        }
        List<Line> unitLines = c.wrap(Span.bold(unit.unitName().toUpperCase(VI)), SIZE_SMALL, leftWidth);
        leftY = c.lines(unitLines, SIZE_SMALL, left, leftWidth, leftY, Align.CENTER);
        float unitWidth = unitLines.stream().map(Line::width).max(Float::compare).orElse(0f);
        float ruleWidth = Math.max(unitWidth / 3, 30);
        c.rule(left + (leftWidth - ruleWidth) / 2, left + (leftWidth + ruleWidth) / 2, leftY - 2.5f, 0.6f);
        leftY -= 6;

        // Right column: the motto, its second line underlined as long as it is.
        float rightY = c.lines(c.wrap(Span.bold(motto1), SIZE_SMALL, rightWidth), SIZE_SMALL, right, rightWidth, top,
                Align.CENTER);
        List<Line> motto2Lines = c.wrap(Span.bold(motto2), SIZE, rightWidth);
        float underlineFrom = rightY;
        rightY = c.lines(motto2Lines, SIZE, right, rightWidth, rightY, Align.CENTER);
        for (Line l : motto2Lines) {
            float baseline = underlineFrom - SIZE;
            float x = right + Align.CENTER.offset(rightWidth, l.width());
            c.rule(x, x + l.width(), baseline - 2.2f, 0.6f);
            underlineFrom -= SIZE * PageComposer.LEADING;
        }
        rightY -= 4;

        // Number on the left and the place and date on the right, from the same height.
        float row = Math.min(leftY, rightY);
        float afterNumber = c.lines(c.wrap(Span.regular(number), SIZE, leftWidth), SIZE, left, leftWidth, row,
                Align.CENTER);
        float afterDate = c.lines(c.wrap(Span.italic(w.placeAndDay(unit.place(), day)), SIZE, rightWidth), SIZE, right,
                rightWidth, row, Align.CENTER);
        c.moveTo(Math.min(afterNumber, afterDate) - 10);
    }

    /** The form's title: bold capitals, centred, wrapped. */
    static void title(PageComposer c, String title) throws IOException {
        c.paragraph(Span.bold(title), 14f, Align.CENTER);
    }
}
