package org.motcua.server.dashboard;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * One dossier as the province holds it: its projection row, its handover timeline as synced, the device it came from,
 * and the batches that brought its events (found by event id through the unique index of the chain, then by batch
 * key), so a leader can see when and how each step reached the province.
 */
public final class DossierTrail {

    public record Dossier(String dossierId, String dossierCode, String unitCode, String procedureCode, String procedureField,
            int status, Instant receivedAt, Instant dueAt, Instant originalDueAt, Instant doneAt, Instant returnedAt,
            String timeliness, Origin origin) {
    }

    /** The device the dossier was received on (null members when it is not in the registry any more). */
    public record Origin(String deviceId, Integer deviceNumber, String hostname, String status, Instant lastSync) {
    }

    public record Step(int step, String action, int status, String from, String to, Instant at, Instant stepDeadline,
            String timeliness, Instant newDueAt, String note, String deviceId, Instant receivedAt) {
    }

    /** A batch that carried events of the dossier, with which of them. */
    public record Batch(String deviceId, String batchId, String epochId, long fromSeq, long toSeq, Instant committedAt,
            List<String> events) {
    }

    public record Trail(Dossier dossier, List<Step> steps, List<Batch> batches) {
    }

    private final ServerDatabase db;

    public DossierTrail(ServerDatabase db) {
        this.db = db;
    }

    /** The dossier's trail, or empty when no dossier has that id. */
    public Optional<Trail> find(String dossierId) throws Rejection {
        return Tx.read(db, c -> read(c, dossierId));
    }

    private static Optional<Trail> read(Connection c, String dossierId) throws SQLException {
        record Row(Dossier d, String originEvent) {
        }
        Optional<Row> row = Sql.one(c, "SELECT x.dossier_id, x.dossier_code, x.unit_code, x.procedure_code, x.procedure_field, x.status, "
                + "x.received_at, x.due_at, x.original_due_at, x.done_at, x.returned_at, x.timeliness, x.origin_device_id, "
                + "x.origin_event_id, v.device_number, v.hostname, v.status AS device_status, v.last_sync_at "
                + "FROM dossiers x LEFT JOIN devices v ON v.device_id = x.origin_device_id WHERE x.dossier_id = ?",
                rs -> new Row(new Dossier(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getInt(6), Sql.instant(rs, "received_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "original_due_at"),
                        Sql.instant(rs, "done_at"), Sql.instant(rs, "returned_at"), rs.getString(12),
                        new Origin(rs.getString(13), (Integer) rs.getObject(15, Integer.class), rs.getString(16),
                                rs.getString("device_status"), Sql.instant(rs, "last_sync_at"))), rs.getString(14)),
                dossierId);
        if (row.isEmpty()) {
            return Optional.empty();
        }
        List<String> eventIds = new ArrayList<>();
        eventIds.add(row.get().originEvent());
        List<Step> steps = new ArrayList<>();
        for (Object[] s : Sql.list(c, "SELECT event_id, step, action, status, from_officer, to_officer, acted_at, step_deadline, "
                + "timeliness, new_due_at, note, device_id, received_at FROM dossier_steps WHERE dossier_id = ? ORDER BY step, acted_at",
                rs -> new Object[] {rs.getString(1), new Step(rs.getInt(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                        rs.getString(6), Sql.instant(rs, "acted_at"), Sql.instant(rs, "step_deadline"), rs.getString(9),
                        Sql.instant(rs, "new_due_at"), rs.getString(11), rs.getString(12), Sql.instant(rs, "received_at"))},
                dossierId)) {
            eventIds.add((String) s[0]);
            steps.add((Step) s[1]);
        }
        return Optional.of(new Trail(row.get().d(), steps, batches(c, eventIds)));
    }

    private static List<Batch> batches(Connection c, List<String> eventIds) throws SQLException {
        record Position(String deviceId, String batchId, String type, long seq) {
        }
        Map<String, List<Position>> byBatch = new LinkedHashMap<>();
        for (Position p : Sql.list(c, "SELECT device_id, batch_id, event_type, seq FROM chain_positions WHERE first_event_id = ANY(?) "
                + "ORDER BY received_at, seq", rs -> new Position(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4)),
                Sql.anyOf(eventIds))) {
            byBatch.computeIfAbsent(p.deviceId() + "/" + p.batchId(), k -> new ArrayList<>()).add(p);
        }
        List<Batch> out = new ArrayList<>();
        for (List<Position> ps : byBatch.values()) {
            Position first = ps.getFirst();
            List<String> events = ps.stream().map(p -> p.type() + " #" + p.seq()).toList();
            Sql.one(c, "SELECT epoch_id, from_seq, to_seq, committed_at FROM batches WHERE device_id = ? AND batch_id = ?",
                    rs -> new Batch(first.deviceId(), first.batchId(), rs.getString(1), rs.getLong(2), rs.getLong(3),
                            Sql.instant(rs, "committed_at"), events), first.deviceId(), first.batchId()).ifPresent(out::add);
        }
        return out;
    }
}
