package org.motcua.server.registry;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the official list of communes as CSV: UTF-8 (a byte-order mark is allowed, as Excel writes one), separated by
 * commas or semicolons (Vietnamese Excel writes {@code ;}), a header row naming the columns, then one commune a line:
 * <pre>
 * ma_don_vi;ten_don_vi;ma_dvhc
 * 000.17.22.H56;Xã Hòa Bình;10378
 * </pre>
 * {@code ma_don_vi} is the electronic unit code dossier codes start with, {@code ten_don_vi} the name, {@code ma_dvhc}
 * (optional) the five-digit administrative unit code of the national list. Headers may also be written in Vietnamese
 * ("Mã đơn vị", "Tên đơn vị", "Mã ĐVHC"). Fields may be quoted ({@code "…"}, {@code ""} for a quote). A field never spans
 * lines, so every problem is named by its line. The whole file is checked and every bad line reported (up to
 * {@link #MAX_PROBLEMS}); a file with any is refused whole. Written by hand rather than with a CSV library so each
 * reason names its line in the admin's language, and no dependency is added for ~60 lines.
 */
public final class CommuneFile {

    public static final int MAX_BYTES = 2 * 1024 * 1024;
    public static final int MAX_COMMUNES = 20_000;
    static final int MAX_PROBLEMS = 20;
    static final int MAX_NAME = 300;

    /** One commune of the file. */
    public record Commune(int line, String code, String name, Optional<String> adminCode) {
    }

    /**
     * A bad line (0: the file as a whole) and why: a key of the web's message bundle ({@code communes.problem.*}) with
     * its arguments, so the CLI and the page say it in the same Vietnamese words.
     */
    public record Problem(int line, String key, List<String> args) {
        Problem(int line, String key, Object... args) {
            this(line, key, java.util.Arrays.stream(args).map(String::valueOf).toList());
        }

        @Override
        public String toString() {
            return (line > 0 ? "line " + line + ": " : "") + key + args;
        }
    }

    /** The file is refused; nothing was stored. */
    public static final class Refused extends Exception {
        private final List<Problem> problems;

        public Refused(List<Problem> problems) {
            super(String.join("; ", problems.stream().map(Problem::toString).toList()));
            this.problems = List.copyOf(problems);
        }

        public List<Problem> problems() {
            return problems;
        }
    }

    private CommuneFile() {
    }

    public static List<Commune> read(byte[] bytes) throws Refused {
        if (bytes.length > MAX_BYTES) {
            throw refused(0, "communes.problem.too-large", MAX_BYTES / 1024 / 1024);
        }
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            throw refused(0, "communes.problem.not-utf8");
        }
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r", -1);
        int headerLine = 0;
        while (headerLine < lines.length && lines[headerLine].isBlank()) {
            headerLine++;
        }
        if (headerLine == lines.length) {
            throw refused(0, "communes.problem.empty");
        }
        char separator = lines[headerLine].indexOf(';') >= 0 ? ';' : ',';
        List<Problem> problems = new ArrayList<>();
        Map<String, Integer> columns = header(lines[headerLine], separator, headerLine + 1, problems);
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        List<Commune> out = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        for (int i = headerLine + 1; i < lines.length && problems.size() < MAX_PROBLEMS; i++) {
            if (lines[i].isBlank()) {
                continue;
            }
            int line = i + 1;
            List<String> fields = fields(lines[i], separator, line, problems);
            if (fields == null) {
                continue;
            }
            if (fields.size() != columns.size()) {
                problems.add(new Problem(line, "communes.problem.columns", fields.size(), columns.size()));
                continue;
            }
            commune(fields, columns, line, seen, problems).ifPresent(out::add);
            if (out.size() > MAX_COMMUNES) {
                throw refused(line, "communes.problem.too-many", MAX_COMMUNES);
            }
        }
        if (!problems.isEmpty()) {
            throw new Refused(problems);
        }
        if (out.isEmpty()) {
            throw refused(0, "communes.problem.no-communes");
        }
        return out;
    }

    private static Optional<Commune> commune(List<String> f, Map<String, Integer> columns, int line, Map<String, Integer> seen,
            List<Problem> problems) {
        String code = f.get(columns.get("ma_don_vi")).strip();
        String name = f.get(columns.get("ten_don_vi")).strip();
        Optional<String> admin = Optional.ofNullable(columns.get("ma_dvhc")).map(c -> f.get(c).strip()).filter(s -> !s.isEmpty());
        int before = problems.size();
        if (code.isEmpty()) {
            problems.add(new Problem(line, "communes.problem.code-missing"));
        } else if (!Units.CODE.matcher(code).matches()) {
            problems.add(new Problem(line, "communes.problem.code-shape", clip(code)));
        } else if (seen.containsKey(code)) {
            problems.add(new Problem(line, "communes.problem.code-twice", code, seen.get(code)));
        }
        if (name.isEmpty()) {
            problems.add(new Problem(line, "communes.problem.name-missing"));
        } else if (name.length() > MAX_NAME) {
            problems.add(new Problem(line, "communes.problem.name-long", MAX_NAME));
        } else if (name.chars().anyMatch(Character::isISOControl)) {
            problems.add(new Problem(line, "communes.problem.name-control"));
        }
        if (admin.isPresent() && !admin.get().matches("\\d{5}")) {
            problems.add(new Problem(line, "communes.problem.admin-code", clip(admin.get())));
        }
        if (problems.size() > before) {
            return Optional.empty();
        }
        seen.put(code, line);
        return Optional.of(new Commune(line, code, Normalizer.normalize(name, Normalizer.Form.NFC), admin));
    }

    private static Map<String, Integer> header(String line, char separator, int number, List<Problem> problems) {
        List<String> names = fields(line, separator, number, problems);
        Map<String, Integer> columns = new HashMap<>();
        if (names == null) {
            return columns;
        }
        for (int i = 0; i < names.size(); i++) {
            String key = column(names.get(i));
            if (key == null) {
                problems.add(new Problem(number, "communes.problem.header-unknown", clip(names.get(i))));
            } else if (columns.putIfAbsent(key, i) != null) {
                problems.add(new Problem(number, "communes.problem.header-twice", key));
            }
        }
        for (String required : List.of("ma_don_vi", "ten_don_vi")) {
            if (problems.isEmpty() && !columns.containsKey(required)) {
                problems.add(new Problem(number, "communes.problem.header-missing", required));
            }
        }
        return columns;
    }

    /** A header as a column key: "Mã đơn vị", "MA_DON_VI" and "ma don vi" are all {@code ma_don_vi}. */
    private static String column(String header) {
        String plain = Normalizer.normalize(header.strip().replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "").toLowerCase(Locale.ROOT).replaceAll("[\\s_-]+", "_");
        return switch (plain) {
            case "ma_don_vi", "ma_dinh_danh", "ma_dinh_danh_don_vi" -> "ma_don_vi";
            case "ten_don_vi", "ten_xa", "ten" -> "ten_don_vi";
            case "ma_dvhc", "ma_xa" -> "ma_dvhc";
            default -> null;
        };
    }

    /** The fields of one line, or null (and a problem) when a quote is left open or stray. */
    private static List<String> fields(String line, char separator, int number, List<Problem> problems) {
        List<String> out = new ArrayList<>();
        StringBuilder field = new StringBuilder();
        int i = 0;
        while (true) {
            if (i < line.length() && line.charAt(i) == '"' && field.toString().isBlank()) {
                field.setLength(0);
                i++;
                while (true) {
                    if (i >= line.length()) {
                        problems.add(new Problem(number, "communes.problem.quote-open"));
                        return null;
                    }
                    char ch = line.charAt(i++);
                    if (ch == '"') {
                        if (i < line.length() && line.charAt(i) == '"') {
                            field.append('"');
                            i++;
                        } else {
                            break;
                        }
                    } else {
                        field.append(ch);
                    }
                }
                while (i < line.length() && line.charAt(i) != separator) {
                    if (!Character.isWhitespace(line.charAt(i++))) {
                        problems.add(new Problem(number, "communes.problem.after-quote"));
                        return null;
                    }
                }
            } else {
                while (i < line.length() && line.charAt(i) != separator) {
                    field.append(line.charAt(i++));
                }
            }
            out.add(field.toString());
            field.setLength(0);
            if (i >= line.length()) {
                return out;
            }
            i++; // the separator
        }
    }

    private static Refused refused(int line, String key, Object... args) {
        return new Refused(List.of(new Problem(line, key, args)));
    }

    private static String clip(String s) {
        return s.length() <= 40 ? s : s.substring(0, 39) + "…";
    }
}
