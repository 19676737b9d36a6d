package org.motcua.print.internal;

import java.io.IOException;
import java.util.Objects;
import org.motcua.print.FormKind;
import org.motcua.print.FormSettings;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.PageGeometry;
import org.motcua.print.PrintedForm;
import org.motcua.print.ReportPdf;

/** {@link ReportPdf} with PDFBox, built the way {@link PdfOneStopForms} builds the forms. */
public final class PdfReports implements ReportPdf {

    private final FormContext context;

    private PdfReports(FormContext context) {
        this.context = context;
    }

    public static PdfReports create(FormSettings settings) throws IOException {
        Objects.requireNonNull(settings, "settings");
        return new PdfReports(new FormContext(settings, FormWording.load(settings.edition(), settings.wordingDirectory())));
    }

    @Override
    public PrintedForm onTime(OnTimeReportData data) throws IOException {
        String range = data.from().toString().replace("-", "") + "-" + data.to().toString().replace("-", "");
        return PdfOneStopForms.build(context, FormKind.ON_TIME_REPORT, "dunghan-" + range, "report.onTime.title",
                PageGeometry.OFFICIAL_A4, 0, c -> OnTimeReportForm.compose(c, context, data));
    }
}
