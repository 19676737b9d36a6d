package org.motcua.print.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.motcua.print.FormEdition;

/**
 * The printed wording of one edition, with a province's overrides. Layers, each replacing keys of the one below:
 * the bundled {@code forms-2025.properties}; for the 2018 edition the bundled {@code forms-2018.properties}; then a
 * file of the edition's name in the province's wording directory. Files are UTF-8.
 *
 * <p>Templates name their blanks: {@code "Mã hồ sơ: {code}"}. A blank whose value is empty prints the dotted line
 * of paper forms, never "null" or nothing; a key missing from every layer prints as {@code [key]}, visible on paper
 * rather than an exception at the counter.
 */
public final class FormWording {

    static final String BASE = "/org/motcua/print/wording/";
    /** Far above a real wording file (the bundled one is about 10 KiB). */
    static final long MAX_PROVINCE_BYTES = 256 * 1024;

    private final Map<String, String> texts;

    private FormWording(Map<String, String> texts) {
        this.texts = texts;
    }

    public static FormWording load(FormEdition edition, Optional<Path> provinceDirectory) throws IOException {
        Map<String, String> texts = new HashMap<>();
        readBundled(FormEdition.EDITION_2025.wordingFile(), texts);
        if (edition != FormEdition.EDITION_2025) {
            readBundled(edition.wordingFile(), texts);
        }
        if (provinceDirectory.isPresent()) {
            Path file = provinceDirectory.get().resolve(edition.wordingFile());
            if (Files.isRegularFile(file)) {
                readProvince(file, texts);
            }
        }
        return new FormWording(Map.copyOf(texts));
    }

    /**
     * A province's file, checked before any of it is used: at most {@link #MAX_PROVINCE_BYTES}, UTF-8 throughout (the
     * first bad line is named), and well-formed escapes. A damaged file is refused whole with an {@link IOException}
     * naming it, so the desk prints nothing half-worded; the officer sees the reason under the receipt's error.
     */
    private static void readProvince(Path file, Map<String, String> into) throws IOException {
        if (Files.size(file) > MAX_PROVINCE_BYTES) {
            throw new IOException("the province's wording file " + file + " is larger than " + MAX_PROVINCE_BYTES / 1024
                    + " KiB: not a wording file");
        }
        byte[] bytes = Files.readAllBytes(file);
        CharsetDecoder utf8 = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer text = CharBuffer.allocate(bytes.length);
        CoderResult result = utf8.decode(in, text, true);
        if (result.isError()) {
            int line = 1;
            for (int i = 0; i < in.position(); i++) {
                line += bytes[i] == '\n' ? 1 : 0;
            }
            throw new IOException("the province's wording file " + file + " is not UTF-8 at line " + line);
        }
        utf8.flush(text);
        try {
            read(new StringReader(text.flip().toString()), into);
        } catch (IllegalArgumentException e) {
            throw new IOException("the province's wording file " + file + " has a malformed \\u escape (" + e.getMessage()
                    + ")", e);
        }
    }

    private static void readBundled(String file, Map<String, String> into) throws IOException {
        try (InputStream in = FormWording.class.getResourceAsStream(BASE + file)) {
            if (in == null) {
                throw new IOException(BASE + file + " is missing from org.motcua.print");
            }
            read(new InputStreamReader(in, StandardCharsets.UTF_8), into);
        }
    }

    private static void read(Reader in, Map<String, String> into) throws IOException {
        Properties p = new Properties();
        p.load(in);
        p.stringPropertyNames().forEach(k -> into.put(k, p.getProperty(k)));
    }

    /** Every key of the wording, for checks that a province's file misses nothing. */
    public Set<String> keys() {
        return texts.keySet();
    }

    /** The raw template of {@code key}. */
    public String raw(String key) {
        String t = texts.get(key);
        return t == null ? "[" + key + "]" : t;
    }

    public String dots() {
        return raw("dots");
    }

    /** {@code value}, or the dotted line when it is blank. */
    public String orDots(String value) {
        return value == null || value.isBlank() ? dots() : value;
    }

    /** The template of {@code key} with its blanks filled from {@code nameValuePairs} ("code", "0001", ...). */
    public String text(String key, String... nameValuePairs) {
        StringBuilder s = new StringBuilder();
        for (Span span : spans(key, Face.REGULAR, Set.of(), nameValuePairs)) {
            s.append(span.text());
        }
        return s.toString();
    }

    /**
     * The template of {@code key} as spans: literal text in {@code face}, the values of the blanks named in
     * {@code bold} in bold. Blanks are filled in one pass, so a value that contains braces stays as it is.
     */
    List<Span> spans(String key, Face face, Set<String> bold, String... nameValuePairs) {
        Map<String, String> values = pairs(nameValuePairs);
        String template = raw(key);
        List<Span> spans = new ArrayList<>();
        StringBuilder literal = new StringBuilder();
        int i = 0;
        while (i < template.length()) {
            int open = template.indexOf('{', i);
            int close = open < 0 ? -1 : template.indexOf('}', open);
            if (open < 0 || close < 0) {
                literal.append(template, i, template.length());
                break;
            }
            String name = template.substring(open + 1, close);
            literal.append(template, i, open);
            if (!values.containsKey(name)) {
                literal.append(template, open, close + 1);
            } else {
                String value = orDots(values.get(name));
                if (bold.contains(name)) {
                    flush(literal, face, spans);
                    spans.add(new Span(value, Face.BOLD));
                } else {
                    literal.append(value);
                }
            }
            i = close + 1;
        }
        flush(literal, face, spans);
        return spans;
    }

    private static void flush(StringBuilder literal, Face face, List<Span> spans) {
        if (!literal.isEmpty()) {
            spans.add(new Span(literal.toString(), face));
            literal.setLength(0);
        }
    }

    private static Map<String, String> pairs(String... nameValuePairs) {
        if (nameValuePairs.length % 2 != 0) {
            throw new IllegalArgumentException("blanks come as name, value pairs");
        }
        Map<String, String> values = new HashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            values.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        return values;
    }

    // --- Dates, as Decree 30/2020 writes them ------------------------------------------------------------------

    /** "ngày 09 tháng 3 năm 2026". */
    public String day(LocalDate d) {
        return text("date.day", dateBlanks(d));
    }

    /** "Ngày 09 tháng 3 năm 2026", for a sentence that opens with the date (forms 04 and 05). */
    public String dayAtStart(LocalDate d) {
        return text("date.dayStart", dateBlanks(d));
    }

    /** "09 giờ 15 phút, ngày 09 tháng 3 năm 2026". */
    public String time(LocalDateTime t) {
        String[] day = dateBlanks(t.toLocalDate());
        String[] all = new String[day.length + 4];
        System.arraycopy(day, 0, all, 0, day.length);
        all[day.length] = "HH";
        all[day.length + 1] = two(t.getHour());
        all[day.length + 2] = "min";
        all[day.length + 3] = two(t.getMinute());
        return text("date.time", all);
    }

    /** "Mẫu Thuận, ngày 09 tháng 3 năm 2026". */
    public String placeAndDay(String place, LocalDate d) {
        String[] day = dateBlanks(d);
        String[] all = new String[day.length + 2];
        System.arraycopy(day, 0, all, 0, day.length);
        all[day.length] = "place";
        all[day.length + 1] = place;
        return text("date.place", all);
    }

    /** "09/03/2026", for table cells. */
    public String shortDay(LocalDate d) {
        return text("date.short", dateBlanks(d));
    }

    /**
     * Decree 30/2020: a day below 10 and the months January and February take a leading zero ("ngày 05 tháng 02",
     * "ngày 09 tháng 3"); {MM} is there for provinces that want two digits for every month.
     */
    private static String[] dateBlanks(LocalDate d) {
        int m = d.getMonthValue();
        return new String[] {"dd", two(d.getDayOfMonth()), "mm", m <= 2 ? two(m) : Integer.toString(m), "MM", two(m),
            "yyyy", Integer.toString(d.getYear())};
    }

    private static String two(int n) {
        return n < 10 ? "0" + n : Integer.toString(n);
    }
}
