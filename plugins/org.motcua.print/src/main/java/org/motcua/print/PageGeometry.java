package org.motcua.print;

import org.apache.pdfbox.pdmodel.common.PDRectangle;

/**
 * Paper size and margins of an administrative document, in PDF points (1/72 inch).
 *
 * <p>Decree 30/2020 sets A4 with a top and bottom margin of 20-25 mm, a left margin of 30-35 mm and a
 * right margin of 15-20 mm; {@link #OFFICIAL_A4} takes the middle of each range. Everything the forms
 * draw must stay inside {@link #contentLeft()}..{@link #contentRight()} and
 * {@link #contentBottom()}..{@link #contentTop()}.
 */
public record PageGeometry(PDRectangle paper, float top, float right, float bottom, float left) {

    public static final float POINTS_PER_MM = 72f / 25.4f;

    public static final PageGeometry OFFICIAL_A4 = new PageGeometry(PDRectangle.A4, mm(20), mm(15), mm(20), mm(30));

    public PageGeometry {
        if (top < 0 || right < 0 || bottom < 0 || left < 0) {
            throw new IllegalArgumentException("margins must not be negative");
        }
        if (left + right >= paper.getWidth() || top + bottom >= paper.getHeight()) {
            throw new IllegalArgumentException("margins leave no room to print");
        }
    }

    public static float mm(float millimetres) {
        return millimetres * POINTS_PER_MM;
    }

    public float contentLeft() {
        return left;
    }

    public float contentRight() {
        return paper.getWidth() - right;
    }

    public float contentTop() {
        return paper.getHeight() - top;
    }

    public float contentBottom() {
        return bottom;
    }

    public float contentWidth() {
        return contentRight() - contentLeft();
    }
}
