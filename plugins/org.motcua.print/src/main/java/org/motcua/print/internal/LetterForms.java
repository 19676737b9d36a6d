package org.motcua.print.internal;

import java.io.IOException;
import java.util.Set;
import org.motcua.core.dossier.Dossier;
import org.motcua.print.ApologyData;
import org.motcua.print.FormKind;
import org.motcua.print.RefusalData;
import org.motcua.print.StopNoticeData;
import org.motcua.print.SupplementRequestData;

/**
 * Forms 02-05: a header, a title and a few paragraphs addressed to the applicant, signed by one person. Each
 * paragraph wraps and flows onto a new page when needed.
 */
final class LetterForms {

    private static final float BODY = 13f;

    private LetterForms() {
    }

    static void supplementRequest(PageComposer c, FormContext ctx, SupplementRequestData data) throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        start(c, ctx, FormKind.SUPPLEMENT_REQUEST, "supplement.title", data.issuedAt().toLocalDate());
        c.paragraph(w.spans("supplement.of", Face.REGULAR, Set.of("applicant"), "applicant", d.applicant().fullName()),
                BODY, Align.LEFT);
        c.paragraph(w.spans("supplement.code", Face.REGULAR, Set.of("code"), "code", d.code().format()), BODY,
                Align.LEFT);
        c.paragraph(Span.regular(w.text("supplement.request", "procedure", data.procedure().name())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("supplement.intro", "desk", ctx.desk())), BODY, Align.LEFT);
        if (data.missing().isEmpty()) {
            c.paragraph(Span.regular(w.text("supplement.item", "n", "1", "item", "")), BODY, Align.LEFT);
        }
        int n = 0;
        for (String item : data.missing()) {
            n++;
            c.paragraph(Span.regular(w.text("supplement.item", "n", Integer.toString(n), "item", item)), BODY,
                    Align.LEFT);
        }
        c.paragraph(Span.regular(w.text("supplement.reason", "reason", data.reason())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("supplement.contact", "officer", data.officerName(), "phone",
                data.contactPhone())), BODY, Align.LEFT);
        SignatureBlock.right(c, w, new SignatureBlock.Signer(w.raw("supplement.sign"), w.raw("sign.hint"),
                data.officerName()));
    }

    static void refusal(PageComposer c, FormContext ctx, RefusalData data) throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        start(c, ctx, FormKind.REFUSAL, "refusal.title", data.issuedAt().toLocalDate());
        c.paragraph(w.spans("refusal.from", Face.REGULAR, Set.of("applicant"), "desk", ctx.desk(), "unit",
                ctx.unit().unitName(), "applicant", d.applicant().fullName()), BODY, Align.LEFT);
        c.paragraph(w.spans("refusal.code", Face.REGULAR, Set.of("code"), "code", d.code().format()), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("refusal.request", "procedure", data.procedure().name())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("refusal.intro", "desk", ctx.desk())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("refusal.reason", "reason", data.reason())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.raw("refusal.closing")), BODY, Align.LEFT);
        SignatureBlock.right(c, w, new SignatureBlock.Signer(w.raw("refusal.sign"), w.raw("sign.hint"),
                data.officerName()));
    }

    static void apology(PageComposer c, FormContext ctx, ApologyData data) throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        String unit = ctx.unit().unitName();
        start(c, ctx, FormKind.APOLOGY, "apology.title", data.issuedAt().toLocalDate());
        c.paragraph(w.spans("apology.to", Face.REGULAR, Set.of("applicant"), "applicant", d.applicant().fullName()),
                BODY, Align.CENTER);
        c.paragraph(Span.regular(w.text("apology.received", "received", w.dayAtStart(d.receivedAt().toLocalDate()), "unit",
                unit, "procedure", data.procedure().name())), BODY, Align.LEFT);
        c.paragraph(w.spans("apology.code", Face.REGULAR, Set.of("code"), "code", d.code().format()), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("apology.due", "due", w.time(data.originalDueAt()))), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("apology.late", "unit", unit)), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("apology.reason", "reason", data.reason())), BODY, Align.LEFT);
        c.paragraph(w.spans("apology.sorry", Face.REGULAR, Set.of("newDue"), "unit", unit, "newDue",
                w.time(data.newDueAt())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.raw("apology.closing")), BODY, Align.LEFT);
        SignatureBlock.right(c, w, new SignatureBlock.Signer(w.raw("apology.sign"), w.raw("sign.hint.seal"),
                data.signerName()));
    }

    static void stopNotice(PageComposer c, FormContext ctx, StopNoticeData data) throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        String unit = ctx.unit().unitName();
        start(c, ctx, FormKind.STOP_NOTICE, "stop.title", data.issuedAt().toLocalDate());
        c.paragraph(w.spans("stop.to", Face.REGULAR, Set.of("applicant"), "applicant", d.applicant().fullName()), BODY,
                Align.CENTER);
        c.paragraph(Span.regular(w.text("stop.received", "received", w.dayAtStart(d.receivedAt().toLocalDate()), "unit", unit,
                "procedure", data.procedure().name())), BODY, Align.LEFT);
        c.paragraph(w.spans("stop.code", Face.REGULAR, Set.of("code"), "code", d.code().format()), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("stop.notice", "unit", unit, "reason", data.reason())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.raw("stop.closing")), BODY, Align.LEFT);
        SignatureBlock.right(c, w, new SignatureBlock.Signer(w.raw("stop.sign"), w.raw("sign.hint.seal"),
                data.signerName()));
    }

    private static void start(PageComposer c, FormContext ctx, FormKind kind, String titleKey, java.time.LocalDate day)
            throws IOException {
        c.newPage();
        OfficialHeader.draw(c, ctx.wording(), ctx.unit(), ctx.formNumber(kind), ctx.wording().raw("number.blank"), day);
        OfficialHeader.title(c, ctx.wording().raw(titleKey));
        c.down(6);
    }
}
