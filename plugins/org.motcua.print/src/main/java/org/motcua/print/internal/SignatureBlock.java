package org.motcua.print.internal;

import java.io.IOException;
import java.util.List;
import org.motcua.print.PageGeometry;

/**
 * Signature boxes at the foot of a form: the role in bold capitals, the hint "(Ký và ghi rõ họ tên)" in italics,
 * room to sign, then the name in bold (a dotted line when unknown). Kept whole: moved to the next page rather
 * than split.
 */
final class SignatureBlock {

    /** Room left for the handwritten signature (and a seal). */
    static final float SIGNING_ROOM = PageGeometry.mm(20);
    private static final float SIZE = 13f;

    record Signer(String role, String hint, String name) {
    }

    private SignatureBlock() {
    }

    /** One signer on the right half of the page. */
    static void right(PageComposer c, FormWording w, Signer signer) throws IOException {
        draw(c, w, List.of(signer), true);
    }

    /** Two signers side by side, e.g. the applicant on the left and the officer on the right. */
    static void pair(PageComposer c, FormWording w, Signer left, Signer right) throws IOException {
        draw(c, w, List.of(left, right), false);
    }

    private static void draw(PageComposer c, FormWording w, List<Signer> signers, boolean rightHalf) throws IOException {
        PageGeometry g = c.geometry();
        float columnWidth = g.contentWidth() / 2;
        float height = 0;
        for (Signer s : signers) {
            height = Math.max(height, height(c, w, s, columnWidth));
        }
        c.ensureRoom(height + 8);
        c.down(8);
        float top = c.y();
        for (int i = 0; i < signers.size(); i++) {
            Signer s = signers.get(i);
            float left = g.contentLeft() + (rightHalf ? columnWidth : i * columnWidth);
            float y = c.lines(c.wrap(Span.bold(s.role()), SIZE, columnWidth), SIZE, left, columnWidth, top, Align.CENTER);
            y = c.lines(c.wrap(Span.italic(s.hint()), 12f, columnWidth), 12f, left, columnWidth, y, Align.CENTER);
            y -= SIGNING_ROOM;
            c.lines(c.wrap(Span.bold(w.orDots(s.name())), SIZE, columnWidth), SIZE, left, columnWidth, y, Align.CENTER);
        }
        c.moveTo(top - height);
    }

    private static float height(PageComposer c, FormWording w, Signer s, float width) {
        return PageComposer.height(c.wrap(Span.bold(s.role()), SIZE, width), SIZE)
                + PageComposer.height(c.wrap(Span.italic(s.hint()), 12f, width), 12f)
                + SIGNING_ROOM
                + PageComposer.height(c.wrap(Span.bold(w.orDots(s.name())), SIZE, width), SIZE);
    }
}
