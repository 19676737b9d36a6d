package org.motcua.server.dashboard;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Open dossiers past the due date of their receipt, most late first, across the communes of a scope: how late, who
 * holds each (the receiver of its last handover step as synced, or the officer who received it when no step came yet),
 * and whether the apology (form 04) was issued. The desk issues form 04 with its extend-deadline action, so an
 * {@code EXTEND_DEADLINE} step in the timeline is the apology, and its new due date the one promised in it. Lateness is
 * counted from the receipt's due date, not the extended one: an apology earns nothing back on the national index.
 */
public final class LateDossiers {

    public static final int PAGE = 200;
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One late dossier. {@code apologisedAt} and {@code promisedDue} are null without an apology. */
    public record Late(String dossierId, String dossierCode, String unitCode, String procedureCode, String procedureField,
            int status, Instant dueAt, Duration lateBy, String holder, Instant heldSince, Instant apologisedAt,
            Instant promisedDue) {

        public boolean apologised() {
            return apologisedAt != null;
        }

        /** Whole days late, rounded up: one hour late is one day late to the citizen waiting. */
        public long daysLate() {
            long days = lateBy.toDays();
            return lateBy.minusDays(days).isZero() ? days : days + 1;
        }
    }

    /** The page of late dossiers and how many there are in all. */
    public record LateList(List<Late> dossiers, long total) {
    }

    private record Step(String dossierId, int step, String action, String to, Instant at, Instant newDue) {
    }

    private final ServerDatabase db;

    public LateDossiers(ServerDatabase db) {
        this.db = db;
    }

    public LateList list(Optional<String> scope, Instant now) throws Rejection {
        return Tx.read(db, c -> read(c, scope, now));
    }

    private static LateList read(Connection c, Optional<String> scope, Instant now) throws SQLException {
        String where = " FROM dossiers WHERE status IN " + OpenStatuses.RUNNING + " AND original_due_at < ?"
                + (scope.isPresent() ? " AND unit_code = ?" : "");
        Object[] params = CommuneOverview.concat(new Object[] {now}, scope.map(u -> new Object[] {u}).orElse(new Object[0]));
        long total = Sql.count(c, "SELECT COUNT(*)" + where, params);
        record Row(String id, String code, String unit, String procedure, String field, int status, Instant due, String originEvent) {
        }
        List<Row> rows = Sql.list(c, "SELECT dossier_id, dossier_code, unit_code, procedure_code, procedure_field, status, "
                + "original_due_at, origin_event_id" + where + " ORDER BY original_due_at, dossier_id FETCH FIRST " + PAGE + " ROWS ONLY",
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5), rs.getInt(6),
                        Sql.instant(rs, "original_due_at"), rs.getString(8)), params);
        if (rows.isEmpty()) {
            return new LateList(List.of(), total);
        }
        Map<String, List<Step>> steps = new HashMap<>();
        for (Step s : Sql.list(c, "SELECT dossier_id, step, action, to_officer, acted_at, new_due_at FROM dossier_steps "
                + "WHERE dossier_id = ANY(?) ORDER BY dossier_id, step, acted_at",
                rs -> new Step(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), Sql.instant(rs, "acted_at"),
                        Sql.instant(rs, "new_due_at")), Sql.anyOf(rows.stream().map(Row::id).toList()))) {
            steps.computeIfAbsent(s.dossierId(), k -> new ArrayList<>()).add(s);
        }
        Map<String, String[]> receivers = receivers(c, rows.stream().filter(r -> !steps.containsKey(r.id())).map(Row::originEvent).toList());
        List<Late> out = new ArrayList<>();
        for (Row r : rows) {
            List<Step> timeline = steps.getOrDefault(r.id(), List.of());
            String holder;
            Instant since;
            if (timeline.isEmpty()) {
                String[] received = receivers.getOrDefault(r.originEvent(), new String[] {"", null});
                holder = received[0];
                since = received[1] == null ? null : Instant.parse(received[1]);
            } else {
                Step last = timeline.getLast();
                holder = last.to();
                since = last.at();
            }
            Step apology = timeline.stream().filter(s -> "EXTEND_DEADLINE".equals(s.action())).reduce((a, b) -> b).orElse(null);
            out.add(new Late(r.id(), r.code(), r.unit(), r.procedure(), r.field(), r.status(), r.due(), Duration.between(r.due(), now),
                    holder, since, apology == null ? null : apology.at(), apology == null ? null : apology.newDue()));
        }
        return new LateList(out, total);
    }

    /** The receiving officer and time of dossiers with no handover step yet, from their stored reception events. */
    private static Map<String, String[]> receivers(Connection c, List<String> eventIds) throws SQLException {
        Map<String, String[]> out = new HashMap<>();
        if (eventIds.isEmpty()) {
            return out;
        }
        for (Object[] e : Sql.list(c, "SELECT first_event_id, payload FROM chain_positions WHERE first_event_id = ANY(?)",
                rs -> new Object[] {rs.getString(1), rs.getBytes(2)}, Sql.anyOf(eventIds))) {
            try {
                JsonNode p = JSON.readTree((byte[]) e[1]);
                String at = p.path("receivedAt").asText("");
                out.put((String) e[0], new String[] {p.path("receivedBy").asText(""),
                        at.isEmpty() ? null : org.motcua.protocol.codec.WireFormats.parseTime(at).toInstant().toString()});
            } catch (IOException | RuntimeException ignored) {
                // A payload that does not read leaves the holder unknown; the row still shows.
            }
        }
        return out;
    }
}
