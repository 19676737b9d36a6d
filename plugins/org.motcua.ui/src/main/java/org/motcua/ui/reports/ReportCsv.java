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
 * quoted, CRLF line ends (RFC 4180) and a last row with the totals.
 *
 * <p>Two dialects, because Excel reads a CSV file with the separators of the PC's regional settings: the RFC's
 * commas and decimal points, or, for a PC set to Vietnamese (where the decimal symbol is the comma and the list
 * separator the semicolon), semicolons and decimal commas, so the rates open as numbers in their own columns.
 */
public final class ReportCsv {

    /** Field separator and decimal mark. */
    public enum Dialect {
        RFC_4180(',', '.'), VIETNAMESE_EXCEL(';', ',');

        private final char separator;
        private final char decimal;

        Dialect(char separator, char decimal) {
            this.separator = separator;
            this.decimal = decimal;
        }
    }

    static final char BOM = '\uFEFF';
    private static final String EOL = "\r\n";

    private final Messages messages;
    private final Dialect dialect;

    public ReportCsv(Messages messages) {
        this(messages, Dialect.RFC_4180);
    }

    public ReportCsv(Messages messages, Dialect dialect) {
        this.messages = messages;
        this.dialect = dialect;
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
                messages.get("reports.col.inTimeRate"), messages.get("reports.col.lateRate"),
                messages.get("reports.col.satisfied"), messages.get("reports.col.acceptable"),
                messages.get("reports.col.notSatisfied")));
        for (Row r : report.rows()) {
            line(out, cells(r));
        }
        line(out, cells(report.total(messages.get("reports.total"))));
        out.flush();
    }

    private List<String> cells(Row r) {
        return List.of(r.group(), Long.toString(r.early()), Long.toString(r.onTime()), Long.toString(r.late()),
                Long.toString(r.total()), rate(r.inTimeRate()), rate(r.lateRate()), Long.toString(r.satisfied()),
                Long.toString(r.acceptable()), Long.toString(r.notSatisfied()));
    }

    private String rate(double share) {
        return String.format(Locale.ROOT, "%.1f", share * 100).replace('.', dialect.decimal);
    }

    private void line(Writer out, List<String> fields) throws IOException {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.write(dialect.separator);
            }
            out.write('"');
            out.write(fields.get(i).replace("\"", "\"\""));
            out.write('"');
        }
        out.write(EOL);
    }
}
