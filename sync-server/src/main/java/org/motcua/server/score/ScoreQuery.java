package org.motcua.server.score;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.server.feed.Feed;
import org.motcua.server.feed.FeedScope;
import org.motcua.server.persistence.Sql;

/**
 * Reads what the score needs from the dossier projection (migrations V2, V3, V6): one commune's dossiers that may count
 * in a period, their supplement and ending steps, whether their reception and result events carried files, the
 * citizens' "not satisfied" ratings, and the codes of the dossiers the province holds. Every read goes by an index:
 * dossiers by unit, steps by dossier, events by their unique event id, ratings by unit and time, codes by code.
 */
public final class ScoreQuery {

    /** A commune of the registry. */
    public record Unit(String code, String name) {
    }

    /** What the calculator takes for one commune. */
    public record CommuneData(List<DossierFacts> dossiers, List<String> codes) {
    }

    private static final int CHUNK = 2000;
    private static final DateTimeFormatter YYMMDD = DateTimeFormatter.ofPattern("yyMMdd");
    private static final Set<String> ENDING = Set.of("MARK_DONE", "REFUSE", "STOP", "WITHDRAW");

    private ScoreQuery() {
    }

    public static List<Unit> units(Connection c) throws SQLException {
        return Sql.list(c, "SELECT unit_code, unit_name FROM units ORDER BY unit_code", rs -> new Unit(rs.getString(1), rs.getString(2)));
    }

    /** The province's published working calendar (every year published), or the plain week when none was. */
    public static WorkingTime workingTime(Connection c) throws SQLException {
        Set<LocalDate> off = new HashSet<>();
        Set<LocalDate> on = new HashSet<>();
        for (var item : Feed.current(c, CalendarData.ITEM_TYPE, FeedScope.province()).values()) {
            try {
                CalendarData y = CalendarData.read(item);
                y.holidays().forEach(d -> off.add(LocalDate.parse(d)));
                for (CalendarData.Swap s : y.swappedDays()) {
                    (CalendarData.WORKDAY.equals(s.kind()) ? on : off).add(LocalDate.parse(s.date()));
                }
            } catch (SchemaInvalid e) {
                throw new SQLException("a stored calendar item does not read", e);
            }
        }
        return new WorkingTime(off, on);
    }

    /**
     * The commune's dossiers received before {@code judgedAt} and not ended before {@code from} (every period from
     * {@code from} on can be scored from them), those rated "not satisfied" from {@code from} on, and the codes dated
     * from {@code from}'s day to {@code judgedAt}'s.
     */
    public static CommuneData load(Connection c, String unit, Instant from, Instant judgedAt) throws SQLException {
        Map<String, Row> rows = new LinkedHashMap<>();
        for (Row r : Sql.list(c, "SELECT " + Row.COLUMNS + " FROM dossiers WHERE unit_code = ? AND received_at < ? "
                + "AND (done_at IS NULL OR done_at >= ?) ORDER BY received_at, dossier_code", Row::map, unit, Sql.time(judgedAt), Sql.time(from))) {
            rows.put(r.id, r);
        }
        Map<String, Instant> unhappy = new HashMap<>();
        for (Object[] r : Sql.list(c, "SELECT dossier_id, rated_at FROM citizen_ratings WHERE unit_code = ? AND rated_at >= ? "
                + "AND rated_at <= ? AND rating = 'NOT_SATISFIED'", rs -> new Object[] {rs.getString(1), Sql.instant(rs, "rated_at")},
                unit, Sql.time(from), Sql.time(judgedAt))) {
            unhappy.put((String) r[0], (Instant) r[1]);
        }
        List<String> ratedElsewhere = unhappy.keySet().stream().filter(id -> !rows.containsKey(id)).toList();
        for (List<String> part : chunks(ratedElsewhere)) {
            for (Row r : Sql.list(c, "SELECT " + Row.COLUMNS + " FROM dossiers WHERE dossier_id = ANY(?)", Row::map, Sql.anyOf(part))) {
                rows.put(r.id, r);
            }
        }
        Map<String, List<Step>> steps = steps(c, rows.keySet());
        Set<String> eventIds = new HashSet<>();
        rows.values().forEach(r -> eventIds.add(r.originEventId));
        steps.values().forEach(l -> l.stream().filter(s -> "MARK_DONE".equals(s.action)).forEach(s -> eventIds.add(s.eventId)));
        Set<String> withFiles = eventsWithFiles(c, eventIds);
        List<DossierFacts> facts = new ArrayList<>();
        for (Row r : rows.values()) {
            List<Step> own = steps.getOrDefault(r.id, List.of());
            Step ending = null;
            List<DossierFacts.SupplementStep> supplements = new ArrayList<>();
            for (Step s : own) {
                if (ENDING.contains(s.action)) {
                    ending = s;
                } else {
                    supplements.add(new DossierFacts.SupplementStep("REQUEST_SUPPLEMENT".equals(s.action), s.at));
                }
            }
            boolean ended = r.doneAt != null && ending != null;
            facts.add(new DossierFacts(r.id, r.code, r.receivedAt, r.originalDueAt, ended ? r.doneAt : null,
                    ended ? ending.action : null, ended ? ending.stepDeadline : null, supplements,
                    withFiles.contains(r.originEventId), ended && withFiles.contains(ending.eventId), unhappy.get(r.id)));
        }
        String fromCode = unit + "-" + YYMMDD.format(from.atZone(Period.VIETNAM));
        String toCode = unit + "-" + YYMMDD.format(judgedAt.atZone(Period.VIETNAM).toLocalDate().plusDays(1));
        List<String> codes = Sql.list(c, "SELECT dossier_code FROM dossiers WHERE dossier_code >= ? AND dossier_code < ? "
                + "AND unit_code = ?", rs -> rs.getString(1), fromCode, toCode, unit);
        return new CommuneData(facts, codes);
    }

    private record Step(String eventId, String dossierId, String action, Instant at, Instant stepDeadline, int step) {
    }

    /** The supplement and ending steps of {@code ids}, in step order. */
    private static Map<String, List<Step>> steps(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<Step>> out = new HashMap<>();
        for (List<String> part : chunks(new ArrayList<>(ids))) {
            for (Step s : Sql.list(c, "SELECT event_id, dossier_id, action, acted_at, step_deadline, step FROM dossier_steps "
                    + "WHERE dossier_id = ANY(?) AND action IN ('REQUEST_SUPPLEMENT', 'SUPPLEMENT_RECEIVED', 'MARK_DONE', 'REFUSE', "
                    + "'STOP', 'WITHDRAW') ORDER BY dossier_id, step", rs -> new Step(rs.getString(1), rs.getString(2),
                    rs.getString(3), Sql.instant(rs, "acted_at"), Sql.instant(rs, "step_deadline"), rs.getInt(6)),
                    Sql.anyOf(part))) {
                out.computeIfAbsent(s.dossierId, k -> new ArrayList<>()).add(s);
            }
        }
        return out;
    }

    /** The events among {@code ids} whose envelope listed at least one blob (a scan, a result file). */
    private static Set<String> eventsWithFiles(Connection c, Set<String> ids) throws SQLException {
        Set<String> out = new HashSet<>();
        for (List<String> part : chunks(new ArrayList<>(ids))) {
            out.addAll(Sql.list(c, "SELECT first_event_id FROM chain_positions WHERE first_event_id = ANY(?) "
                    + "AND blobs IS NOT NULL AND blobs <> ''", rs -> rs.getString(1), Sql.anyOf(part)));
        }
        return out;
    }

    private static List<List<String>> chunks(List<String> all) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < all.size(); i += CHUNK) {
            out.add(all.subList(i, Math.min(all.size(), i + CHUNK)));
        }
        return out;
    }

    private record Row(String id, String code, Instant receivedAt, Instant originalDueAt, Instant doneAt, String originEventId) {

        static final String COLUMNS = "dossier_id, dossier_code, received_at, original_due_at, done_at, origin_event_id";

        static Row map(java.sql.ResultSet rs) throws SQLException {
            return new Row(rs.getString(1), rs.getString(2), Sql.instant(rs, "received_at"), Sql.instant(rs, "original_due_at"),
                    Sql.instant(rs, "done_at"), rs.getString(6));
        }
    }
}
