package org.motcua.server.dashboard;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * On-time rates of the dossiers that ended in a period, by procedure and by field, for one commune or all: one range
 * of the index on (done_at, unit, procedure, field, judgement), read without touching a row.
 */
public final class OnTimeRates {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One line of the report: a procedure (code and, if published, name) or a field. */
    public record Line(String key, String name, Judged judged) {
    }

    public record Report(Optional<String> scope, Periods.Span period, List<Line> byProcedure, List<Line> byField, Judged total) {
    }

    private final ServerDatabase db;

    public OnTimeRates(ServerDatabase db) {
        this.db = db;
    }

    public Report report(Optional<String> scope, Periods.Span period) throws Rejection {
        return Tx.read(db, c -> read(c, scope, period));
    }

    private static Report read(Connection c, Optional<String> scope, Periods.Span period) throws SQLException {
        Map<String, Judged> byProcedure = new TreeMap<>();
        Map<String, Judged> byField = new TreeMap<>();
        Judged total = Judged.NONE;
        for (Object[] r : Sql.list(c, "SELECT procedure_code, procedure_field, timeliness, COUNT(*) FROM dossiers "
                + "WHERE done_at >= ? AND done_at < ?" + (scope.isPresent() ? " AND unit_code = ?" : "")
                + " GROUP BY procedure_code, procedure_field, timeliness",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)},
                CommuneOverview.concat(new Object[] {period.from(), period.to()}, scope.map(u -> new Object[] {u}).orElse(new Object[0])))) {
            Judged one = Judged.NONE.plus((String) r[2], (Long) r[3]);
            byProcedure.merge((String) r[0], one, Judged::plus);
            byField.merge((String) r[1], one, Judged::plus);
            total = total.plus(one);
        }
        Map<String, String> names = procedureNames(c, byProcedure.keySet());
        List<Line> procedures = new ArrayList<>();
        byProcedure.forEach((code, j) -> procedures.add(new Line(code, names.getOrDefault(code, ""), j)));
        List<Line> fields = new ArrayList<>();
        byField.forEach((field, j) -> fields.add(new Line(field, field, j)));
        // Most dossiers first: the lines a leader acts on.
        Comparator<Line> biggest = Comparator.comparingLong((Line l) -> l.judged().total()).reversed().thenComparing(Line::key);
        procedures.sort(biggest);
        fields.sort(biggest);
        return new Report(scope, period, procedures, fields, total);
    }

    /** Names from the province's current published catalogue; a procedure never published has none. */
    private static Map<String, String> procedureNames(Connection c, java.util.Set<String> codes) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (codes.isEmpty()) {
            return out;
        }
        for (Object[] r : Sql.list(c, "SELECT item_key, data FROM feed_items WHERE item_type = 'procedure' AND item_key = ANY(?) "
                + "AND is_current = TRUE", rs -> new Object[] {rs.getString(1), rs.getBytes(2)}, Sql.anyOf(codes))) {
            try {
                String name = JSON.readTree((byte[]) r[1]).path("name").asText("");
                if (!name.isBlank()) {
                    out.put((String) r[0], name);
                }
            } catch (IOException ignored) {
                // the code alone shows
            }
        }
        return out;
    }
}
