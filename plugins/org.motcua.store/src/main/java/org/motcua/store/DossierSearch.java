package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
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
    /** Finished or closed: no longer counts for deadlines. */
    private static final String OPEN_STATUS = "status NOT IN (" + List.of(DossierStatus.REFUSED, DossierStatus.WITHDRAWN,
            DossierStatus.STOPPED, DossierStatus.DONE, DossierStatus.RETURNED).stream()
            .map(s -> String.valueOf(s.code())).collect(Collectors.joining(", ")) + ")";

    private final Store store;

    public DossierSearch(Store store) {
        this.store = store;
    }

    public Page<DossierSummary> find(DossierQuery q) {
        List<String> where = new ArrayList<>();
        List<Object> args = new ArrayList<>();
        text(q.text(), where, args);
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
        String sql = "SELECT id, code, procedure_code, applicant_name, received_at, due_at, status FROM dossier"
                + (where.isEmpty() ? "" : " WHERE " + String.join(" AND ", where))
                + " ORDER BY received_at DESC, code DESC LIMIT ? OFFSET ?";
        args.add(q.limit() + 1);
        args.add(q.offset());
        return store.read(c -> {
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

    private static void text(String raw, List<String> where, List<Object> args) {
        String compact = raw.replaceAll("[\\s.]", "");
        if (raw.isBlank()) {
            return;
        }
        if (FULL_CODE.matcher(raw.strip()).matches()) {
            where.add("code = ?");
            args.add(raw.strip().toUpperCase(java.util.Locale.ROOT));
        } else if (CODE_TAIL.matcher(compact).matches()) {
            where.add("code_tail = ?");
            args.add(compact);
        } else if (CITIZEN_ID.matcher(compact).matches()) {
            where.add("citizen_id = ?");
            args.add(compact);
        } else if (PHONE.matcher(compact).matches()) {
            String digits = DossierTable.digits(compact);
            where.add("phone_digits = ?");
            args.add(digits.startsWith("84") ? "0" + digits.substring(2) : digits);
        } else {
            nameWords(VietnameseText.fold(raw), where, args);
        }
    }

    /**
     * Every typed word must start a word of the name; the last may be unfinished ("nguyen van a"). The
     * longest word, usually the rarest, drives the index lookup.
     */
    private static void nameWords(String folded, List<String> where, List<Object> args) {
        String[] words = folded.split(" ");
        String longest = words[0];
        for (String w : words) {
            if (w.length() > longest.length()) {
                longest = w;
            }
        }
        where.add("id IN (SELECT dossier_id FROM dossier_name_word WHERE word LIKE ?)");
        args.add(like(longest) + "%");
        for (String w : words) {
            where.add("(applicant_name_folded LIKE ? OR applicant_name_folded LIKE ?)");
            args.add(like(w) + "%");
            args.add("% " + like(w) + "%");
        }
    }

    private static String like(String s) {
        return s.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_");
    }
}
