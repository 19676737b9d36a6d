package org.motcua.server.dashboard;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The on-time report as CSV (RFC 4180 quoting), UTF-8 with a byte-order mark so that Excel reads the diacritics. A
 * Vietnamese Excel expects {@code ;} between fields and a decimal comma; the default is {@code ,} with a decimal
 * point.
 */
public final class RatesCsv {

    private static final byte[] BOM = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};

    private RatesCsv() {
    }

    /** {@code words} gives the column titles and group names for the keys {@code dashboard.csv.*}. */
    public static byte[] write(OnTimeRates.Report report, boolean semicolon, Function<String, String> words) {
        char sep = semicolon ? ';' : ',';
        StringBuilder out = new StringBuilder();
        row(out, sep, List.of(words.apply("dashboard.csv.group"), words.apply("dashboard.csv.code"), words.apply("dashboard.csv.name"),
                words.apply("dashboard.csv.early"), words.apply("dashboard.csv.ontime"), words.apply("dashboard.csv.late"),
                words.apply("dashboard.csv.total"), words.apply("dashboard.csv.rate")));
        for (OnTimeRates.Line l : report.byProcedure()) {
            line(out, sep, words.apply("dashboard.csv.procedure"), l.key(), l.name(), l.judged(), semicolon);
        }
        for (OnTimeRates.Line l : report.byField()) {
            line(out, sep, words.apply("dashboard.csv.field"), "", l.name(), l.judged(), semicolon);
        }
        line(out, sep, words.apply("dashboard.csv.all"), "", "", report.total(), semicolon);
        byte[] text = out.toString().getBytes(StandardCharsets.UTF_8);
        byte[] all = new byte[BOM.length + text.length];
        System.arraycopy(BOM, 0, all, 0, BOM.length);
        System.arraycopy(text, 0, all, BOM.length, text.length);
        return all;
    }

    private static void line(StringBuilder out, char sep, String group, String code, String name, Judged j, boolean decimalComma) {
        Double rate = j.onTimeRate();
        String r = rate == null ? "" : String.format(Locale.ROOT, "%.2f", rate);
        row(out, sep, List.of(group, code, name, Long.toString(j.early()), Long.toString(j.onTime()), Long.toString(j.late()),
                Long.toString(j.total()), decimalComma ? r.replace('.', ',') : r));
    }

    private static void row(StringBuilder out, char sep, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(sep);
            }
            out.append(quote(fields.get(i), sep));
        }
        out.append("\r\n");
    }

    static String quote(String field, char sep) {
        // A leading =, +, - or @ would run as a formula in a spreadsheet: such a field is quoted and prefixed.
        String f = !field.isEmpty() && "=+-@".indexOf(field.charAt(0)) >= 0 ? "'" + field : field;
        if (f.indexOf(sep) >= 0 || f.indexOf('"') >= 0 || f.indexOf('\n') >= 0 || f.indexOf('\r') >= 0 || !f.equals(field)) {
            return '"' + f.replace("\"", "\"\"") + '"';
        }
        return f;
    }
}
