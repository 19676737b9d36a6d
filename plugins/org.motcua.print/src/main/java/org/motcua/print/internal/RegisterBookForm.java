package org.motcua.print.internal;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.PDPageContentStream.AppendMode;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.print.FormKind;
import org.motcua.print.PageGeometry;
import org.motcua.print.RegisterData;
import org.motcua.print.RegisterEntry;
import org.motcua.print.RegisterTotals;

/**
 * The register book (form 07; 06 in 2018) on landscape A4: the official header and title on the first page, a
 * running title on the others, the ruled table with its header on every page, the totals at the end, and
 * "Trang i/n" at the foot of every page (written once the number of pages is known).
 */
final class RegisterBookForm {

    /** Landscape A4 with the official margins: the table needs the width. */
    static final PageGeometry LANDSCAPE = new PageGeometry(
            new org.apache.pdfbox.pdmodel.common.PDRectangle(PageGeometry.OFFICIAL_A4.paper().getHeight(),
                    PageGeometry.OFFICIAL_A4.paper().getWidth()),
            PageGeometry.mm(20), PageGeometry.mm(15), PageGeometry.mm(20), PageGeometry.mm(30));
    /** Kept free at the foot of each page for the page number. */
    static final float FOOTER = 14f;
    /** Cell text: a whole dossier code and a dd/MM/yyyy date fit their columns on one line at this size. */
    private static final float CELL = 8.5f;
    private static final float BODY = 12f;

    private RegisterBookForm() {
    }

    static void compose(PageComposer c, FormContext ctx, RegisterData data) throws IOException {
        FormWording w = ctx.wording();
        String from = w.shortDay(data.from());
        String to = w.shortDay(data.to());
        c.newPage();
        OfficialHeader.draw(c, w, ctx.unit(), ctx.formNumber(FormKind.REGISTER), w.text("register.book", "book",
                data.book()), data.asOf().toLocalDate());
        OfficialHeader.title(c, w.raw("register.title"));
        c.paragraph(Span.italic(w.text("register.range", "from", from, "to", to)), BODY, Align.CENTER);
        c.down(4);
        String running = w.text("register.running", "unit", ctx.unit().unitName(), "from", from, "to", to);
        TableWriter t = new TableWriter(c, TableWriter.columns(c.geometry().contentWidth(),
                w.raw("register.table.no"), 3.5, Align.CENTER,
                w.raw("register.table.code"), 15, Align.LEFT,
                w.raw("register.table.procedure"), 13, Align.LEFT,
                w.raw("register.table.applicant"), 10.5, Align.LEFT,
                w.raw("register.table.address"), 12, Align.LEFT,
                w.raw("register.table.body"), 8, Align.LEFT,
                w.raw("register.table.received"), 6.5, Align.CENTER,
                w.raw("register.table.due"), 6.5, Align.CENTER,
                w.raw("register.table.finished"), 6.5, Align.CENTER,
                w.raw("register.table.returned"), 8.5, Align.CENTER,
                w.raw("register.table.sign"), 4.5, Align.CENTER,
                w.raw("register.table.note"), 5.5, Align.LEFT), CELL, CELL,
                () -> c.paragraph(Span.italic(running), CELL, Align.CENTER));
        if (data.entries().isEmpty()) {
            c.paragraph(Span.italic(w.raw("register.empty")), BODY, Align.CENTER);
        } else {
            t.header();
            int n = 0;
            for (RegisterEntry e : data.entries()) {
                n++;
                t.row(row(w, n, e));
            }
        }
        totals(c, w, data.totals(), running);
    }

    private static List<String> row(FormWording w, int n, RegisterEntry e) {
        Dossier d = e.dossier();
        Applicant a = d.applicant();
        String address = a.phone().isBlank() ? a.address().oneLine()
                : a.address().oneLine().isBlank() ? a.phone() : a.address().oneLine() + "; " + a.phone();
        String dots = w.raw("dots.short");
        return List.of(Integer.toString(n), d.code().format(), w.orDots(e.procedureName()), w.orDots(a.fullName()),
                w.orDots(address), w.orDots(e.decidingBody()), w.shortDay(d.receivedAt().toLocalDate()),
                w.shortDay(d.dueAt().toLocalDate()),
                d.finishedAt().map(f -> w.shortDay(f.toLocalDate())).orElse(dots),
                e.returnedAt().map(r -> w.shortDay(r.toLocalDate()) + (e.howReturned().isEmpty() ? "" : ", " + e.howReturned()))
                        .orElse(dots), "",
                d.status().displayName(FormContext.VI) + (d.note().isBlank() ? "" : ". " + d.note()));
    }

    private static void totals(PageComposer c, FormWording w, RegisterTotals t, String running) throws IOException {
        List<String> lines = List.of(
                w.text("register.totals.all", "total", Integer.toString(t.total())),
                w.text("register.totals.finished", "finished", Integer.toString(t.finished()), "early",
                        Integer.toString(t.early()), "onTime", Integer.toString(t.onTime()), "late",
                        Integer.toString(t.late())),
                w.text("register.totals.returned", "returned", Integer.toString(t.returned())),
                w.text("register.totals.pending", "pending", Integer.toString(t.pending()), "overdue",
                        Integer.toString(t.overdue())),
                w.text("register.totals.other", "other", Integer.toString(t.other())));
        // The totals are read together: keep them on one page, under the running title when they start one.
        if (c.room() < (lines.size() + 2) * BODY * PageComposer.LEADING) {
            c.newPage();
            c.paragraph(Span.italic(running), CELL, Align.CENTER);
        }
        c.down(6);
        c.paragraph(Span.bold(w.raw("register.totals.title")), BODY, Align.LEFT);
        for (String line : lines) {
            c.paragraph(Span.regular(line), BODY, Align.LEFT);
        }
    }

    /** Writes "Trang i/n" at the foot of every page, inside the reserved footer. */
    static void numberPages(PDDocument doc, DocumentFonts fonts, FormWording w) throws IOException {
        int pages = doc.getNumberOfPages();
        float size = 9f;
        for (int i = 0; i < pages; i++) {
            PDPage page = doc.getPage(i);
            String text = fonts.bundled().printable(w.text("register.page", "page", Integer.toString(i + 1), "pages",
                    Integer.toString(pages)));
            float width = fonts.bundled().width(text, Face.ITALIC, size);
            try (PDPageContentStream s = new PDPageContentStream(doc, page, AppendMode.APPEND, true, true)) {
                s.beginText();
                s.setFont(fonts.font(Face.ITALIC), size);
                s.newLineAtOffset(LANDSCAPE.contentRight() - width, LANDSCAPE.contentBottom() + 3);
                s.showText(text);
                s.endText();
            }
        }
    }
}
