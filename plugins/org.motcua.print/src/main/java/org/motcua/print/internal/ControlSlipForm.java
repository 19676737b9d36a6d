package org.motcua.print.internal;

import java.io.IOException;
import java.util.List;
import java.util.Set;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.print.ControlSlipData;
import org.motcua.print.FormKind;

/**
 * The process-control slip (form 06; 05 in 2018): the dossier's identity, then one ruled row per handover record:
 * the step, when it was given and received and by whom, the step's deadline, whether it was early, on time or
 * late, and the note (reasons for supplements, refusals, extensions).
 */
final class ControlSlipForm {

    private static final float BODY = 13f;

    private ControlSlipForm() {
    }

    static void compose(PageComposer c, FormContext ctx, ControlSlipData data) throws IOException {
        FormWording w = ctx.wording();
        Dossier d = data.dossier();
        c.newPage();
        OfficialHeader.draw(c, w, ctx.unit(), ctx.formNumber(FormKind.CONTROL_SLIP), w.raw("number.blank"),
                d.receivedAt().toLocalDate());
        OfficialHeader.title(c, w.raw("control.title"));
        c.paragraph(w.spans("control.code", Face.REGULAR, Set.of("code"), "code", d.code().format()), BODY,
                Align.CENTER);
        c.paragraph(Span.italic(w.text("control.attached", "applicant", d.applicant().fullName())), BODY, Align.CENTER);
        c.down(4);
        c.paragraph(Span.regular(w.text("control.procedure", "procedure", data.procedure().name())), BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("control.dates", "received", w.time(d.receivedAt()), "due", w.time(d.dueAt()))),
                BODY, Align.LEFT);
        c.paragraph(Span.regular(w.text("control.body", "body", data.procedure().decidingBody())), BODY, Align.LEFT);
        c.down(4);
        if (data.handovers().isEmpty()) {
            c.paragraph(Span.italic(w.raw("control.none")), BODY, Align.LEFT);
            return;
        }
        TableWriter t = new TableWriter(c, TableWriter.columns(c.geometry().contentWidth(),
                w.raw("control.table.no"), 6.5, Align.CENTER,
                w.raw("control.table.step"), 21, Align.LEFT,
                w.raw("control.table.handover"), 30.5, Align.LEFT,
                w.raw("control.table.deadline"), 14, Align.CENTER,
                w.raw("control.table.result"), 13, Align.CENTER,
                w.raw("control.table.note"), 15, Align.LEFT), 10.5f, 10f, () -> { });
        t.header();
        for (HandoverRecord h : data.handovers()) {
            String handover = w.text("control.row.handover", "at", w.time(h.at()),
                    "from", data.officer(h.fromOfficer()), "to", data.officer(h.toOfficer()));
            String deadline = h.stepDeadline().map(w::time).orElse(w.raw("dots.short"));
            String result = h.timeliness().map(x -> x.displayName(FormContext.VI)).orElse(w.raw("dots.short"));
            String note = h.newDueAt().map(n -> join(h.note(), w.text("control.extended", "due", w.time(n))))
                    .orElse(h.note());
            t.row(List.of(Integer.toString(h.step()), h.action().displayName(FormContext.VI), handover, deadline, result,
                    note.isBlank() ? w.raw("dots.short") : note));
        }
    }

    /** An extension's note followed by the new due date. */
    private static String join(String note, String newDue) {
        return note.isBlank() ? newDue : note + ". " + newDue;
    }
}
