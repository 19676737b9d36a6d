package org.motcua.server.score;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.server.persistence.Sql;
import org.motcua.server.score.CommuneScore.Cost;
import org.motcua.server.score.CommuneScore.Group;

/** The stored scores of a run (migration V11): written once per run, read by the pages from the latest finished run. */
public final class ScoreSnapshots {

    /** A finished run: when it judged, when it finished, and who asked for it (null: the nightly run). */
    public record Run(long runId, Instant asOf, Instant finishedAt, String requestedBy) {
    }

    static final String DUE_SOON = "due-soon";

    private ScoreSnapshots() {
    }

    public static Optional<Run> latest(Connection c) throws SQLException {
        return Sql.one(c, "SELECT run_id, as_of, finished_at, requested_by FROM score_runs WHERE finished_at IS NOT NULL "
                + "ORDER BY finished_at DESC, run_id DESC FETCH FIRST 1 ROWS ONLY", rs -> new Run(rs.getLong(1),
                Sql.instant(rs, "as_of"), Sql.instant(rs, "finished_at"), rs.getString(4)));
    }

    static void write(Connection c, long runId, List<CommuneScore> scores) throws SQLException {
        try (PreparedStatement commune = c.prepareStatement("INSERT INTO score_communes (run_id, unit_code, period_kind, "
                + "period_start, judged_at, due_soon_count) VALUES (?, ?, ?, ?, ?, ?)");
                PreparedStatement group = c.prepareStatement("INSERT INTO score_groups (run_id, unit_code, period_kind, position, "
                        + "group_key, max_points, estimated, points, counted, total, cost_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement cost = c.prepareStatement("INSERT INTO score_costs (run_id, unit_code, period_kind, group_key, "
                        + "position, dossier_code, reason, due_at, ended_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (CommuneScore s : scores) {
                String kind = s.period().kind().name();
                Sql.bind(commune, runId, s.unitCode(), kind, s.period().firstDay(), Sql.time(s.judgedAt()),
                        s.dueSoonCount());
                commune.addBatch();
                int position = 0;
                for (Group g : s.groups()) {
                    Sql.bind(group, runId, s.unitCode(), kind, position++, g.key(), g.maxPoints(), g.estimated(), g.points(),
                            g.counted(), g.total(), g.costCount());
                    group.addBatch();
                    addCosts(cost, runId, s.unitCode(), kind, g.key(), g.costs());
                }
                addCosts(cost, runId, s.unitCode(), kind, DUE_SOON, s.dueSoon());
            }
            commune.executeBatch();
            group.executeBatch();
            cost.executeBatch();
        }
    }

    private static void addCosts(PreparedStatement ps, long runId, String unit, String kind, String key, List<Cost> costs)
            throws SQLException {
        int position = 0;
        for (Cost x : costs) {
            Sql.bind(ps, runId, unit, kind, key, position++, x.dossierCode(), x.reason().name(), Sql.time(x.dueAt()),
                    Sql.time(x.endedAt()));
            ps.addBatch();
        }
    }

    /** Every commune's score of {@code kind} in run {@code runId}, groups without their dossiers, by unit code. */
    public static List<CommuneScore> province(Connection c, long runId, Period.Kind kind) throws SQLException {
        return read(c, runId, kind, null);
    }

    /** One commune's score of {@code kind} in run {@code runId}, with the dossiers listed beside each group. */
    public static Optional<CommuneScore> commune(Connection c, long runId, Period.Kind kind, String unit) throws SQLException {
        return read(c, runId, kind, unit).stream().findFirst();
    }

    private static List<CommuneScore> read(Connection c, long runId, Period.Kind kind, String unit) throws SQLException {
        String only = unit == null ? "" : " AND unit_code = ?";
        Object[] params = unit == null ? new Object[] {runId, kind.name()} : new Object[] {runId, kind.name(), unit};
        Map<String, Object[]> communes = new LinkedHashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, period_start, judged_at, due_soon_count FROM score_communes "
                + "WHERE run_id = ? AND period_kind = ?" + only + " ORDER BY unit_code", rs -> new Object[] {rs.getString(1),
                rs.getDate(2).toLocalDate(), Sql.instant(rs, "judged_at"), rs.getLong(4)}, params)) {
            communes.put((String) r[0], r);
        }
        Map<String, Map<String, List<Cost>>> costs = new HashMap<>();
        if (unit != null) {
            for (Object[] r : Sql.list(c, "SELECT group_key, dossier_code, reason, due_at, ended_at FROM score_costs WHERE run_id = ? "
                    + "AND period_kind = ? AND unit_code = ? ORDER BY group_key, position", rs -> new Object[] {rs.getString(1),
                    new Cost(rs.getString(2), CommuneScore.Reason.valueOf(rs.getString(3)), Sql.instant(rs, "due_at"),
                    Sql.instant(rs, "ended_at"))}, params)) {
                costs.computeIfAbsent(unit, k -> new HashMap<>()).computeIfAbsent((String) r[0], k -> new ArrayList<>()).add((Cost) r[1]);
            }
        }
        Map<String, List<Group>> groups = new HashMap<>();
        for (Object[] r : Sql.list(c, "SELECT unit_code, group_key, max_points, estimated, points, counted, total, cost_count "
                + "FROM score_groups WHERE run_id = ? AND period_kind = ?" + only + " ORDER BY unit_code, position",
                rs -> new Object[] {rs.getString(1), rs.getString(2), rs.getDouble(3), rs.getBoolean(4), rs.getDouble(5),
                rs.getLong(6), rs.getLong(7), rs.getLong(8)}, params)) {
            String u = (String) r[0];
            List<Cost> listed = costs.getOrDefault(u, Map.of()).getOrDefault((String) r[1], List.of());
            groups.computeIfAbsent(u, k -> new ArrayList<>()).add(new Group((String) r[1], (double) r[2], (boolean) r[3],
                    (double) r[4], (long) r[5], (long) r[6], listed, (long) r[7]));
        }
        List<CommuneScore> out = new ArrayList<>();
        for (Object[] r : communes.values()) {
            String u = (String) r[0];
            Period period = Period.containing(kind, ((LocalDate) r[1]).atStartOfDay(Period.VIETNAM).toInstant());
            out.add(new CommuneScore(u, period, (Instant) r[2], groups.getOrDefault(u, List.of()),
                    costs.getOrDefault(u, Map.of()).getOrDefault(DUE_SOON, List.of()), (long) r[3]));
        }
        return out;
    }
}
