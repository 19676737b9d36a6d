package org.motcua.ui.reports;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.motcua.print.OnTimeReportData;
import org.motcua.print.OnTimeReportData.Row;
import org.motcua.ui.Messages;

/**
 * The on-time report as CSV for Excel: UTF-8 with a byte order mark (without it Excel on Windows reads the file
 * in the ANSI code page and Vietnamese turns into mojibake), a header row in the officer's language, every field
 * quoted, CRLF line ends (RFC 4180), rates with a decimal point so they stay numbers whatever the sheet's locale
 * guesses, and a last row with the totals.
 */
public final class ReportCsv {

    static final char BOM = '\uFEFF';
    private static final String EOL = "\r\n";

    private final Messages messages;

    public ReportCsv(Messages messages) {
        this.messages = messages;
    }

    /** Writes {@code report} to {@code file}, replacing it. */
    public void write(OnTimeReportData report, Path file) throws IOException {
        try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            write(report, out);
        }
    }

    /** Writes {@code report} to {@code out}, starting with the byte order mark; does not close {@code out}. */
    public void write(OnTimeReportData report, Writer out) throws IOException {
        out.write(BOM);
        line(out, List.of(messages.get("reports.group." + report.grouping().name()), messages.get("reports.col.early"),
                messages.get("reports.col.onTime"), messages.get("reports.col.late"), messages.get("reports.col.total"),
                messages.get("reports.col.inTimeRate"), messages.get("reports.col.lateRate")));
        for (Row r : report.rows()) {
            line(out, cells(r));
        }
        line(out, cells(report.total(messages.get("reports.total"))));
        out.flush();
    }

    private static List<String> cells(Row r) {
        return List.of(r.group(), Long.toString(r.early()), Long.toString(r.onTime()), Long.toString(r.late()),
                Long.toString(r.total()), rate(r.inTimeRate()), rate(r.lateRate()));
    }

    private static String rate(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100);
    }

    private static void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write('"');
            out.write(fields.get(i).replace("\"", "\"\""));
            out.write('"');
        }
        out.write(EOL);
    }
}
