package org.motcua.print.internal;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Calendar;
import java.util.Objects;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.motcua.print.ApologyData;
import org.motcua.print.ControlSlipData;
import org.motcua.print.EnvelopeLabelData;
import org.motcua.print.FormKind;
import org.motcua.print.FormSettings;
import org.motcua.print.OneStopForms;
import org.motcua.print.PageGeometry;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReceiptData;
import org.motcua.print.RefusalData;
import org.motcua.print.RegisterData;
import org.motcua.print.StopNoticeData;
import org.motcua.print.SupplementRequestData;

/** {@link OneStopForms} with PDFBox: one PDDocument per form, built under the shared fonts' lock. */
public final class PdfOneStopForms implements OneStopForms {

    private final FormSettings settings;
    private final FormContext context;

    private PdfOneStopForms(FormSettings settings, FormWording wording) {
        this.settings = settings;
        this.context = new FormContext(settings, wording);
    }

    public static PdfOneStopForms create(FormSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        return new PdfOneStopForms(settings, FormWording.load(settings.edition(), settings.wordingDirectory()));
    }

    @Override
    public FormSettings settings() {
        return settings;
    }

    FormWording wording() {
        return context.wording();
    }

    @Override
    public PrintedForm receipt(ReceiptData data) throws IOException {
        return build(FormKind.RECEIPT, data.dossier().code().format(), "receipt.title", PageGeometry.OFFICIAL_A4, 0,
                c -> ReceiptForm.compose(c, context, data));
    }

    @Override
    public PrintedForm supplementRequest(SupplementRequestData data) throws IOException {
        return build(FormKind.SUPPLEMENT_REQUEST, data.dossier().code().format(), "supplement.title",
                PageGeometry.OFFICIAL_A4, 0, c -> LetterForms.supplementRequest(c, context, data));
    }

    @Override
    public PrintedForm refusal(RefusalData data) throws IOException {
        return build(FormKind.REFUSAL, data.dossier().code().format(), "refusal.title", PageGeometry.OFFICIAL_A4, 0,
                c -> LetterForms.refusal(c, context, data));
    }

    @Override
    public PrintedForm apology(ApologyData data) throws IOException {
        return build(FormKind.APOLOGY, data.dossier().code().format(), "apology.title", PageGeometry.OFFICIAL_A4, 0,
                c -> LetterForms.apology(c, context, data));
    }

    @Override
    public PrintedForm stopNotice(StopNoticeData data) throws IOException {
        return build(FormKind.STOP_NOTICE, data.dossier().code().format(), "stop.title", PageGeometry.OFFICIAL_A4, 0,
                c -> LetterForms.stopNotice(c, context, data));
    }

    @Override
    public PrintedForm controlSlip(ControlSlipData data) throws IOException {
        return build(FormKind.CONTROL_SLIP, data.dossier().code().format(), "control.title", PageGeometry.OFFICIAL_A4,
                0, c -> ControlSlipForm.compose(c, context, data));
    }

    @Override
    public PrintedForm envelopeLabel(EnvelopeLabelData data) throws IOException {
        return build(FormKind.ENVELOPE_LABEL, data.dossier().code().format(), "envelope.title", PageGeometry.OFFICIAL_A4, 0,
                c -> EnvelopeLabelForm.compose(c, context, data));
    }

    @Override
    public PrintedForm register(RegisterData data) throws IOException {
        String range = data.from().toString().replace("-", "") + "-" + data.to().toString().replace("-", "");
        return build(FormKind.REGISTER, range, "register.title", RegisterBookForm.LANDSCAPE, RegisterBookForm.FOOTER,
                c -> RegisterBookForm.compose(c, context, data));
    }

    interface Layout {
        void compose(PageComposer c) throws IOException;
    }

    private PrintedForm build(FormKind kind, String subject, String titleKey, PageGeometry geometry,
            float reservedBottom, Layout layout) throws IOException {
        return build(context, kind, subject, titleKey, geometry, reservedBottom, layout);
    }

    /** Lays one document out under the shared fonts' lock; also used by {@link PdfReports}. */
    static PrintedForm build(FormContext context, FormKind kind, String subject, String titleKey, PageGeometry geometry,
            float reservedBottom, Layout layout) throws IOException {
        BundledFonts bundled = BundledFonts.get();
        bundled.lock().lock();
        try (PDDocument doc = new PDDocument()) {
            DocumentFonts fonts = new DocumentFonts(doc, bundled);
            try (PageComposer c = new PageComposer(doc, fonts, geometry, reservedBottom)) {
                layout.compose(c);
            }
            if (kind == FormKind.REGISTER) {
                RegisterBookForm.numberPages(doc, fonts, context.wording());
            }
            describe(doc, context.wording().raw(titleKey) + " - " + subject);
            ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
            // Plain cross-reference table and no object streams: less work for a short document, and readable
            // by every old viewer or printer driver at a commune.
            doc.save(out, CompressParameters.NO_COMPRESSION);
            return new PrintedForm(kind, out.toByteArray(), doc.getNumberOfPages(), fileName(kind, subject));
        } finally {
            bundled.lock().unlock();
        }
    }

    private static void describe(PDDocument doc, String title) {
        PDDocumentInformation info = doc.getDocumentInformation();
        info.setTitle(title);
        info.setCreator("MotCua");
        info.setCreationDate(Calendar.getInstance());
        doc.getDocumentCatalog().setLanguage("vi-VN");
    }

    /**
     * "mau01-000.00.99.H99-260309-0001.pdf": the 2025 number, whatever the edition, so files sort the same; a report
     * without a form number is "baocao-...".
     */
    static String fileName(FormKind kind, String subject) {
        String prefix = kind.number(org.motcua.print.FormEdition.EDITION_2025).map(n -> "mau" + n).orElse("baocao");
        return prefix + "-" + subject.replaceAll("[^A-Za-z0-9.-]", "_") + ".pdf";
    }
}
