package org.motcua.print.internal;

/** Horizontal alignment of lines inside a box. */
enum Align {
    LEFT, CENTER, RIGHT;

    float offset(float boxWidth, float lineWidth) {
        return switch (this) {
            case LEFT -> 0;
            case CENTER -> (boxWidth - lineWidth) / 2;
            case RIGHT -> boxWidth - lineWidth;
        };
    }
}
