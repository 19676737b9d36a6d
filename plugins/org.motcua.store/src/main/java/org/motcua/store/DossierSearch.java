package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.text.VietnameseText;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.Sql;

/**
 * The search box and filters of the dossier list, answered by indexes: what the text looks like decides
 * which index is used (dossier code, citizen ID, phone, or the words of the applicant's name).
 */
public final class DossierSearch {

    private static final Pattern FULL_CODE = Pattern.compile("\\S+-\\d{6}-\\d{4}");
    private static final Pattern CODE_TAIL = Pattern.compile("\\d{6}-\\d{4}");
    private static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    private static final Pattern PHONE = Pattern.compile("(\\+?84|0)\\d{8,10}");
    /**
     * Still counting for deadlines (not finished or closed), named by the open statuses: a short list of values of
     * the (status, due_at) index, where "NOT IN the closed ones" made H2 walk the dates of every finished dossier.
     */
    static final String OPEN_STATUS = "status IN (" + Arrays.stream(DossierStatus.values())
            .filter(s -> !s.isSettled())
            .map(s -> String.valueOf(s.code())).collect(Collectors.joining(", ")) + ")";

    /** What a row of the list shows; the name index carries every one of them (migration V14), see {@link #NAME_PREFIX}. */
    static final String LIST_COLUMNS = "id, code, procedure_code, applicant_name, received_at, due_at, status";
    /** A name typed from its start: answered by the name index alone, which holds the list's columns. */
    static final String NAME_PREFIX = "applicant_name_folded LIKE ?";

    /** Above this many names, a word is too common to drive the search. */
    private static final int COMMON_WORD = 3000;

    private final Store store;

    public DossierSearch(Store store) {
        this.store = store;
    }

    public Page<DossierSummary> find(DossierQuery q) {
        String text = q.text();
        String folded = VietnameseText.fold(text);
        if (kind(text) == Kind.NAME && folded.contains(" ")) {
            // Officers type a name from its start: the name index answers that directly.
            Page<DossierSummary> byPrefix = run(q, c -> List.of(new Condition(NAME_PREFIX,
                    List.of(like(folded) + "%"))));
            if (!byPrefix.items().isEmpty() || q.offset() > 0) {
                return byPrefix;
            }
        }
        return run(q, c -> textConditions(c, text));
    }

    /**
     * One pass over the list of a query without search text (its filters only): the number of rows and the key
     * of every page's last row, so the list can jump to any page with one keyset query. The pass reads only the
     * list index's keys, streamed (lazy execution), not the rows.
     */
    public ListIndex listIndex(DossierQuery q, int pageSize) {
        if (!q.filtersOnly()) {
            throw new IllegalArgumentException("the list index is for filters only; search results are short");
        }
        return store.read(c -> {
            List<String> where = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            filters(q, where, args);
            String sql = "SELECT received_at, code FROM dossier" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                    + " ORDER BY received_at DESC, code DESC";
            List<ListKey> ends = new ArrayList<>();
            int count = 0;
            lazy(c, true);
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        if (++count % pageSize == 0) {
                            ends.add(new ListKey(rs.getTimestamp(1).toLocalDateTime(), rs.getString(2)));
                        }
                    }
                }
            } finally {
                lazy(c, false);
            }
            return new ListIndex(count, pageSize, ends);
        });
    }

    /** Lazy execution streams a long result instead of buffering it (to disk, past H2's in-memory row limit). */
    private static void lazy(Connection c, boolean on) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute("SET LAZY_QUERY_EXECUTION " + (on ? "TRUE" : "FALSE"));
        }
    }

    /** A WHERE fragment with its arguments. */
    private record Condition(String sql, List<Object> args) {
    }

    @FunctionalInterface
    private interface TextConditions {
        List<Condition> of(Connection c) throws SQLException;
    }

    private Page<DossierSummary> run(DossierQuery q, TextConditions textConditions) {
        return store.read(c -> {
            List<String> where = new ArrayList<>();
            List<Object> args = new ArrayList<>();
            for (Condition t : textConditions.of(c)) {
                where.add(t.sql());
                args.addAll(t.args());
            }
            filters(q, where, args);
            q.after().ifPresent(key -> {
                // rows after the key in (received_at DESC, code DESC) order, written so H2 seeks the list index
                where.add("received_at <= ? AND (received_at < ? OR code < ?)");
                args.addAll(List.of(key.receivedAt(), key.receivedAt(), key.code()));
            });
            String sql = pageSql(where);
            args.add(q.limit() + 1);
            args.add(q.offset());
            List<DossierSummary> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, args.toArray());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new DossierSummary(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                                rs.getString(4), rs.getTimestamp(5).toLocalDateTime(), rs.getTimestamp(6).toLocalDateTime(),
                                DossierStatus.fromCode(rs.getInt(7))));
                    }
                }
            }
            boolean more = rows.size() > q.limit();
            return new Page<>(more ? rows.subList(0, q.limit()) : rows, q.offset(), more);
        });
    }

    /** One page of the list where every condition in {@code where} holds, newest first; LIMIT and OFFSET are bound last. */
    static String pageSql(List<String> where) {
        return "SELECT " + LIST_COLUMNS + " FROM dossier" + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY received_at DESC, code DESC LIMIT ? OFFSET ?";
    }

    private static void filters(DossierQuery q, List<String> where, List<Object> args) {
        if (!q.statuses().isEmpty()) {
            where.add("status IN (" + q.statuses().stream().map(s -> String.valueOf(s.code()))
                    .collect(Collectors.joining(", ")) + ")");
        }
        LocalDateTime startOfToday = q.now().toLocalDate().atStartOfDay();
        switch (q.due()) {
            case ANY -> { }
            case DUE_TODAY -> {
                where.add(OPEN_STATUS + " AND due_at < ?");
                args.add(startOfToday.plusDays(1));
            }
            case DUE_WITHIN_2_DAYS -> {
                where.add(OPEN_STATUS + " AND due_at < ?");
                args.add(startOfToday.plusDays(3));
            }
            case OVERDUE -> {
                where.add(OPEN_STATUS + " AND due_at < ?");
                args.add(q.now());
            }
        }
        q.procedureCode().ifPresent(code -> {
            where.add("procedure_code = ?");
            args.add(code);
        });
        q.fieldCode().ifPresent(code -> {
            where.add("field_code = ?");
            args.add(code);
        });
        q.receivedFrom().ifPresent(from -> {
            where.add("received_at >= ?");
            args.add(from.atStartOfDay());
        });
        q.receivedTo().ifPresent(to -> {
            where.add("received_at < ?");
            args.add(to.plusDays(1).atStartOfDay());
        });
    }

    /** What the search box text is, judged by its shape. */
    private enum Kind { NONE, CODE, CODE_TAIL, CITIZEN_ID, PHONE, NAME }

    private static Kind kind(String raw) {
        String compact = compact(raw);
        if (raw.isBlank()) {
            return Kind.NONE;
        }
        if (FULL_CODE.matcher(raw.strip()).matches()) {
            return Kind.CODE;
        }
        if (CODE_TAIL.matcher(compact).matches()) {
            return Kind.CODE_TAIL;
        }
        if (CITIZEN_ID.matcher(compact).matches()) {
            return Kind.CITIZEN_ID;
        }
        return PHONE.matcher(compact).matches() ? Kind.PHONE : Kind.NAME;
    }

    /** Spaces and dots officers type inside numbers ("001 085 012345", "0912.345.678") removed. */
    private static String compact(String raw) {
        return raw.replaceAll("[\\s.]", "");
    }

    private static List<Condition> textConditions(Connection c, String raw) throws SQLException {
        String compact = compact(raw);
        return switch (kind(raw)) {
            case NONE -> List.of();
            case CODE -> List.of(new Condition("code = ?", List.of(raw.strip().toUpperCase(Locale.ROOT))));
            case CODE_TAIL -> List.of(new Condition("code_tail = ?", List.of(compact)));
            case CITIZEN_ID -> List.of(new Condition("citizen_id = ?", List.of(compact)));
            case PHONE -> {
                String digits = DossierTable.digits(compact);
                yield List.of(new Condition("phone_digits = ?",
                        List.of(digits.startsWith("84") ? "0" + digits.substring(2) : digits)));
            }
            case NAME -> nameWords(c, VietnameseText.fold(raw));
        };
    }

    /**
     * Every typed word must start a word of the name; the last may be unfinished ("nguyen van a"). A rare
     * word drives the lookup through the word index; when every word is common ("nguyen"), the newest
     * dossiers are walked instead and each is checked, which finds a page of hits at once.
     */
    private static List<Condition> nameWords(Connection c, String folded) throws SQLException {
        String[] words = folded.split(" ");
        String rarest = null;
        long rarestCount = Long.MAX_VALUE;
        for (String w : words) {
            long n = wordCount(c, w);
            if (n < rarestCount) {
                rarest = w;
                rarestCount = n;
            }
        }
        List<Condition> conditions = new ArrayList<>();
        for (String w : words) {
            String sql = w.equals(rarest) && rarestCount < COMMON_WORD
                    ? "id IN (SELECT dossier_id FROM dossier_name_word WHERE word LIKE ?)"
                    : "EXISTS (SELECT 1 FROM dossier_name_word w WHERE w.dossier_id = dossier.id AND w.word LIKE ?)";
            conditions.add(new Condition(sql, List.of(like(w) + "%")));
        }
        return conditions;
    }

    /** How many names have a word starting with {@code w}, counted up to {@link #COMMON_WORD}. */
    private static long wordCount(Connection c, String w) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT COUNT(*) FROM (SELECT 1 FROM dossier_name_word WHERE word LIKE ? LIMIT " + COMMON_WORD + ")")) {
            Sql.bind(ps, like(w) + "%");
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
