package org.motcua.print.internal;

import java.io.IOException;
import java.util.Locale;
import org.motcua.core.dossier.Applicant;
import org.motcua.print.EnvelopeLabelData;

/**
 * The envelope label of a result sent by post, on the top half of an A4 sheet (cut off, or printed on label paper):
 * the sender small at the top left, the recipient large in the middle, the dossier code and tracking number below,
 * as post offices read an envelope.
 */
final class EnvelopeLabelForm {

    private static final float SMALL = 12;
    private static final float LARGE = 16;

    private EnvelopeLabelForm() {
    }

    static void compose(PageComposer c, FormContext ctx, EnvelopeLabelData data) throws IOException {
        FormWording w = ctx.wording();
        Applicant a = data.dossier().applicant();
        float x = c.geometry().contentLeft();
        float width = c.geometry().contentWidth();
        c.newPage();
        c.paragraph(Span.bold(w.raw("envelope.from")), SMALL, x, width / 2, Align.LEFT);
        c.paragraph(Span.bold(ctx.unit().unitName().toUpperCase(FormContext.VI)), SMALL, x, width / 2, Align.LEFT);
        String desk = ctx.unit().deskName().isBlank() ? w.raw("desk.name") : ctx.unit().deskName();
        c.paragraph(Span.regular(desk), SMALL, x, width / 2, Align.LEFT);
        if (!data.deskPhone().isBlank()) {
            c.paragraph(Span.regular(w.text("envelope.phone", "phone", data.deskPhone())), SMALL, x, width / 2, Align.LEFT);
        }
        c.down(36);
        float indent = width * 0.35f;
        float left = x + indent;
        c.paragraph(Span.bold(w.raw("envelope.to")), LARGE, left, width - indent, Align.LEFT);
        c.paragraph(Span.bold(a.fullName().toUpperCase(Locale.forLanguageTag("vi"))), LARGE, left, width - indent, Align.LEFT);
        c.paragraph(Span.regular(a.address().oneLine()), LARGE, left, width - indent, Align.LEFT);
        if (!a.phone().isBlank()) {
            c.paragraph(Span.regular(w.text("envelope.phone", "phone", a.phone())), LARGE, left, width - indent, Align.LEFT);
        }
        c.down(24);
        c.paragraph(Span.regular(w.text("envelope.code", "code", data.dossier().code().format())), SMALL, left,
                width - indent, Align.LEFT);
        if (!data.trackingNumber().isBlank()) {
            c.paragraph(Span.regular(w.text("envelope.tracking", "tracking", data.trackingNumber())), SMALL, left,
                    width - indent, Align.LEFT);
        }
        c.paragraph(Span.italic(w.raw("envelope.content")), SMALL, left, width - indent, Align.LEFT);
    }
}
