package org.motcua.server.projection;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.server.persistence.Sql;

/**
 * Applies accepted events, in the ingest transaction, to the dossier projection the dashboard reads: one row per
 * dossier and one timeline row per handover step. An action on a dossier not known yet is kept in the timeline and
 * applied when the reception arrives (§4.2: accepted, resolved upstream). A dossier code used by another dossier is a
 * warning and an admin alert, never a renumbering: the citizen holds a printed receipt.
 */
public final class DossierProjection {

    /** An accepted event to apply: exactly one of {@code received} and {@code action}. */
    public record Applied(String eventId, String deviceId, DossierReceived received, DossierActionTaken action) {
    }

    /** What the classifier needs to know of the dossiers a batch names. */
    public record Known(String dossierId, String dossierCode, String unitCode, String originDeviceId) {
    }

    private DossierProjection() {
    }

    public static Map<String, Known> byId(Connection c, Collection<String> ids) throws SQLException {
        Map<String, Known> out = new HashMap<>();
        for (Known k : Sql.list(c, "SELECT dossier_id, dossier_code, unit_code, origin_device_id FROM dossiers WHERE dossier_id = ANY(?)",
                rs -> new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), Sql.anyOf(ids))) {
            out.put(k.dossierId(), k);
        }
        return out;
    }

    /** Dossier ids already holding each of {@code codes}. */
    public static Map<String, Set<String>> idsByCode(Connection c, Collection<String> codes) throws SQLException {
        Map<String, Set<String>> out = new HashMap<>();
        for (Known k : Sql.list(c, "SELECT dossier_id, dossier_code, unit_code, origin_device_id FROM dossiers WHERE dossier_code = ANY(?)",
                rs -> new Known(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4)), Sql.anyOf(codes))) {
            out.computeIfAbsent(k.dossierCode(), x -> new HashSet<>()).add(k.dossierId());
        }
        return out;
    }

    /** Applies {@code events} in order; {@code receivedAt} is the batch's server time. */
    public static void apply(Connection c, List<Applied> events, Instant receivedAt) throws SQLException {
        if (events.isEmpty()) {
            return;
        }
        Set<String> ids = new HashSet<>();
        events.forEach(e -> ids.add(e.received() != null ? e.received().dossierId() : e.action().dossierId()));
        Map<String, DossierState> dossiers = load(c, ids);
        Set<String> newlyReceived = new HashSet<>();
        events.stream().filter(e -> e.received() != null && !dossiers.containsKey(e.received().dossierId()))
                .forEach(e -> newlyReceived.add(e.received().dossierId()));
        Map<String, List<DossierActionTaken>> waiting = earlierSteps(c, newlyReceived);
        List<Applied> stepEvents = new ArrayList<>();
        for (Applied e : events) {
            if (e.received() != null) {
                String id = e.received().dossierId();
                if (!dossiers.containsKey(id)) {
                    DossierState d = DossierState.received(e.received(), e.deviceId(), e.eventId());
                    dossiers.put(id, d);
                    // Steps that arrived before their reception (earlier batches, or earlier in this one), in step order.
                    List<DossierActionTaken> before = waiting.getOrDefault(id, List.of());
                    before.stream().sorted(Comparator.comparingInt(DossierActionTaken::step)).forEach(d::apply);
                } else {
                    AdminAlerts.raise(c, "dossier-received-again", e.deviceId(), id, "A second DossierReceived (event "
                            + e.eventId() + ") for a dossier already received; the first is kept.", receivedAt);
                }
            } else {
                DossierState d = dossiers.get(e.action().dossierId());
                if (d != null) {
                    d.apply(e.action());
                } else {
                    waiting.computeIfAbsent(e.action().dossierId(), k -> new ArrayList<>()).add(e.action());
                }
                stepEvents.add(e);
            }
        }
        insertSteps(c, stepEvents, receivedAt);
        write(c, dossiers.values(), receivedAt);
        recordWaiting(c, stepEvents.stream().filter(e -> !dossiers.containsKey(e.action().dossierId())).toList());
    }

    /**
     * Timeline steps stored before their dossier's reception arrived (§4.2: accepted, resolved later), taken off the
     * waiting list: this transaction applies them to the reception it stores.
     */
    private static Map<String, List<DossierActionTaken>> earlierSteps(Connection c, Set<String> ids) throws SQLException {
        Map<String, List<DossierActionTaken>> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> eventIds = Sql.list(c, "SELECT event_id FROM dossier_steps_waiting WHERE dossier_id = ANY(?)",
                rs -> rs.getString(1), Sql.anyOf(ids));
        if (eventIds.isEmpty()) {
            return out;
        }
        for (DossierActionTaken a : Sql.list(c, "SELECT dossier_id, dossier_code, step, action, status, from_officer, "
                + "to_officer, acted_at, new_due_at, timeliness FROM dossier_steps WHERE event_id = ANY(?)",
                // The desk's judgement comes along: a dossier whose ending arrived before its reception keeps it.
                rs -> new DossierActionTaken(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4),
                rs.getInt(5), rs.getString(6), rs.getString(7), time(Sql.instant(rs, "acted_at")), Optional.empty(),
                Optional.ofNullable(rs.getString("timeliness")),
                Optional.ofNullable(Sql.instant(rs, "new_due_at")).map(DossierProjection::time), ""),
                Sql.anyOf(eventIds))) {
            out.computeIfAbsent(a.dossierId(), k -> new ArrayList<>()).add(a);
        }
        Sql.update(c, "DELETE FROM dossier_steps_waiting WHERE event_id = ANY(?)", Sql.anyOf(eventIds));
        return out;
    }

    /** Steps whose dossier is still unknown after this batch wait for its reception. */
    private static void recordWaiting(Connection c, List<Applied> waiting) throws SQLException {
        if (waiting.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier_steps_waiting (event_id, dossier_id) VALUES (?, ?)")) {
            for (Applied e : waiting) {
                Sql.bind(ps, e.eventId(), e.action().dossierId());
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static String time(Instant t) {
        return org.motcua.protocol.codec.WireFormats.serverTime(t);
    }

    private static Map<String, DossierState> load(Connection c, Set<String> ids) throws SQLException {
        Map<String, DossierState> out = new LinkedHashMap<>();
        for (DossierState d : Sql.list(c, "SELECT " + DossierState.COLUMNS + " FROM dossiers WHERE dossier_id = ANY(?)",
                DossierState::map, Sql.anyOf(ids))) {
            out.put(d.dossierId, d);
        }
        return out;
    }

    private static void insertSteps(Connection c, List<Applied> stepEvents, Instant receivedAt) throws SQLException {
        if (stepEvents.isEmpty()) {
            return;
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO dossier_steps (event_id, dossier_id, dossier_code, step, action, "
                + "status, from_officer, to_officer, acted_at, step_deadline, timeliness, new_due_at, note, device_id, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Applied e : stepEvents) {
                DossierActionTaken a = e.action();
                Sql.bind(ps, e.eventId(), a.dossierId(), a.dossierCode(), a.step(), a.action(), a.status(), a.from(), a.to(),
                        DossierState.instant(a.at()), Sql.time(a.stepDeadline().map(DossierState::instant).orElse(null)),
                        Sql.text(a.timeliness().orElse(null)), Sql.time(a.newDueAt().map(DossierState::instant).orElse(null)),
                        a.note(), e.deviceId(), receivedAt);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void write(Connection c, Collection<DossierState> dossiers, Instant now) throws SQLException {
        try (PreparedStatement insert = c.prepareStatement("INSERT INTO dossiers (dossier_id, dossier_code, unit_code, procedure_code, "
                + "procedure_version, procedure_field, status, received_at, due_at, original_due_at, done_at, returned_at, last_step, "
                + "origin_device_id, origin_event_id, updated_at, lookup_token_sha256, timeliness) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
                PreparedStatement update = c.prepareStatement("UPDATE dossiers SET status = ?, received_at = ?, due_at = ?, "
                        + "original_due_at = ?, done_at = ?, returned_at = ?, last_step = ?, updated_at = ?, timeliness = ? WHERE dossier_id = ?")) {
            boolean inserts = false;
            boolean updates = false;
            for (DossierState d : dossiers) {
                if (d.isNew) {
                    Sql.bind(insert, d.dossierId, d.dossierCode, d.unitCode, d.procedureCode, d.procedureVersion, d.procedureField,
                            d.status, Sql.time(d.receivedAt), Sql.time(d.dueAt), Sql.time(d.originalDueAt), Sql.time(d.doneAt),
                            Sql.time(d.returnedAt), d.lastStep, d.originDeviceId, d.originEventId, now, Sql.text(d.lookupTokenSha256),
                            Sql.text(d.timeliness));
                    insert.addBatch();
                    inserts = true;
                } else if (d.changed) {
                    Sql.bind(update, d.status, Sql.time(d.receivedAt), Sql.time(d.dueAt), Sql.time(d.originalDueAt),
                            Sql.time(d.doneAt), Sql.time(d.returnedAt), d.lastStep, now, Sql.text(d.timeliness), d.dossierId);
                    update.addBatch();
                    updates = true;
                }
            }
            if (inserts) {
                insert.executeBatch();
            }
            if (updates) {
                update.executeBatch();
            }
        }
    }

}
