package org.motcua.print.internal;

import com.google.zxing.qrcode.encoder.ByteMatrix;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.print.FormKind;
import org.motcua.print.LookupToken;
import org.motcua.print.PageGeometry;
import org.motcua.print.ReceiptData;

/**
 * Form 01, the receipt and appointment slip: header, title, the dossier code with its QR code (code and lookup
 * token), who filed what, the table of documents received, the legal processing time, when it was received and
 * when the result is due, where it will be collected, the register entry and both signatures. Printed twice, each
 * copy from a new page and labelled with whom it stays.
 */
final class ReceiptForm {

    static final float BODY = 13f;
    static final float QR_SIZE = PageGeometry.mm(24);

    private ReceiptForm() {
    }

    static void compose(PageComposer c, FormContext ctx, ReceiptData data) throws IOException {
        ByteMatrix qr = QrCodeDrawer.encode(LookupToken.qrPayload(data.dossier().code(), data.lookupToken(),
                data.lookupUrl()));
        for (int copy = 1; copy <= 2; copy++) {
            c.newPage();
            copy(c, ctx, data, qr, copy);
        }
    }

    private static void copy(PageComposer c, FormContext ctx, ReceiptData data, ByteMatrix qr, int copy)
            throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        Applicant a = d.applicant();
        String code = d.code().format();
        OfficialHeader.draw(c, w, ctx.unit(), ctx.formNumber(FormKind.RECEIPT),
                w.text("receipt.number", "entry", Integer.toString(d.registerEntry()), "book", d.registerBook()),
                d.receivedAt().toLocalDate());
        OfficialHeader.title(c, w.raw("receipt.title"));
        codeAndQr(c, w, ctx, data, qr, copy, code);

        c.paragraph(w.spans("receipt.from", Face.REGULAR, Set.of("applicant"), "desk", ctx.desk(),
                "unit", ctx.unit().unitName(), "applicant", a.fullName()), BODY, Align.LEFT);
        if (a.authorised().isPresent()) {
            c.paragraph(Span.regular(w.text("receipt.authorised", "name", a.authorised().get().fullName())), BODY,
                    Align.LEFT);
        }
        c.paragraph(Span.regular(w.text("receipt.address", "address", a.address().oneLine())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("receipt.contact", "phone", a.phone(), "email", a.email())), BODY, Align.LEFT);
        c.paragraph(w.spans("receipt.request", Face.REGULAR, Set.of("procedure"), "procedure", data.procedure().name()),
                BODY, Align.LEFT);
        c.paragraph(Span.regular(w.raw("receipt.documents")), BODY, Align.LEFT);
        documents(c, w, d.documents());
        c.paragraph(Span.regular(w.text("receipt.sets", "sets", Integer.toString(d.sets()))), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("receipt.processingTime", "time",
                data.procedure().processingTime().displayName(FormContext.VI))), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("receipt.receivedAt", "at", w.time(d.receivedAt()))), BODY, Align.LEFT);
        c.paragraph(w.spans("receipt.dueAt", Face.REGULAR, Set.of("at"), "at", w.time(d.dueAt())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("receipt.delivery", "delivery", d.delivery().displayName(FormContext.VI))), BODY,
                Align.LEFT);
        if (d.assistance().isPresent()) {
            c.paragraph(Span.italic(w.text("receipt.field", "assistant", d.assistance().get().assistant(),
                    "place", d.assistance().get().place())), BODY, Align.LEFT);
        }
        c.paragraph(Span.italic(w.text("receipt.register", "book", d.registerBook(),
                "entry", Integer.toString(d.registerEntry()))), BODY, Align.LEFT);
        String filer = a.authorised().map(p -> p.fullName()).orElse(a.fullName());
        SignatureBlock.pair(c, w,
                new SignatureBlock.Signer(w.raw("receipt.sign.applicant"), w.raw("sign.hint"), filer),
                new SignatureBlock.Signer(w.raw("receipt.sign.officer"), w.raw("sign.hint"), data.officerName()));
    }

    /** The code, token and copy label on the left; the QR code on the right, with its quiet zone kept white. */
    private static void codeAndQr(PageComposer c, FormWording w, FormContext ctx, ReceiptData data, ByteMatrix qr,
            int copy, String code) throws IOException {
        PageGeometry g = c.geometry();
        float quiet = QR_SIZE / qr.getWidth() * QrCodeDrawer.QUIET_MODULES;
        float textWidth = g.contentWidth() - QR_SIZE - quiet;
        c.ensureRoom(QR_SIZE + quiet);
        float top = c.y() - 2;
        List<Line> lines = new ArrayList<>();
        lines.addAll(c.wrap(w.spans("receipt.code", Face.REGULAR, Set.of("code"), "code", code), BODY, textWidth));
        if (!data.lookupToken().isEmpty()) {   // a dossier restored from the province has no token (its hash only travelled)
            lines.addAll(c.wrap(Span.regular(w.text("receipt.token", "token", data.lookupToken())), BODY, textWidth));
        }
        String label = copy == 1 ? w.raw("receipt.copy.1") : w.text("receipt.copy.2", "desk", ctx.desk());
        lines.addAll(c.wrap(Span.italic(label), BODY, textWidth));
        float textHeight = PageComposer.height(lines, BODY);
        float textTop = top - Math.max(0, (QR_SIZE - textHeight) / 2);
        float after = c.lines(lines, BODY, g.contentLeft(), textWidth, textTop, Align.CENTER);
        QrCodeDrawer.draw(c.stream(), qr, g.contentRight() - QR_SIZE, top, QR_SIZE);
        c.moveTo(Math.min(after, top - QR_SIZE - quiet));
    }

    private static void documents(PageComposer c, FormWording w, List<ReceivedDocument> documents) throws IOException {
        if (documents.isEmpty()) {
            c.paragraph(Span.italic(w.raw("receipt.documents.none")), BODY, Align.LEFT);
            return;
        }
        float width = c.geometry().contentWidth();
        TableWriter t = new TableWriter(c, TableWriter.columns(width,
                w.raw("receipt.table.no"), 8, Align.CENTER,
                w.raw("receipt.table.name"), 56, Align.LEFT,
                w.raw("receipt.table.form"), 24, Align.LEFT,
                w.raw("receipt.table.count"), 12, Align.CENTER), 12f, 11f, () -> { });
        t.header();
        int n = 0;
        for (ReceivedDocument doc : documents) {
            n++;
            t.row(List.of(Integer.toString(n), w.orDots(doc.name()), doc.form().displayName(FormContext.VI),
                    Integer.toString(doc.count())));
        }
        c.down(4);
    }
}
