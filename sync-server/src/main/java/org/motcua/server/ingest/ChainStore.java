package org.motcua.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.doc.Receipt;
import org.motcua.server.persistence.Sql;

/** SQL for epochs, chain positions and idempotency records (§4, §6.4, §7 steps 7, 12, 13, 15). */
public final class ChainStore {

    /** A committed idempotency record (§7 step 7). */
    public record StoredBatch(String bodySha256, byte[] receipt, byte[] signature) {
    }

    /** A position already stored, as an overlapping batch or a later duplicate sees it. */
    public record Position(long seq, String hash, String createdAt, Receipt.Original original) {
    }

    /** Where an eventId was first stored, with the envelope that decides duplicate or conflict (§4.2). */
    public record FirstStorage(String deviceId, String eventId, String type, String aggregateId, String createdAt,
            String blobs, String payloadHash, Receipt.Original original) {
    }

    private ChainStore() {
    }

    public static Optional<StoredBatch> batch(Connection c, String deviceId, String batchId) throws SQLException {
        return Sql.one(c, "SELECT body_sha256, receipt, signature FROM batches WHERE device_id = ? AND batch_id = ?",
                rs -> new StoredBatch(rs.getString(1), rs.getBytes(2), rs.getBytes(3)), deviceId, batchId);
    }

    public static Optional<EpochRow> epoch(Connection c, String deviceId, String epochId) throws SQLException {
        return Sql.one(c, "SELECT " + EpochRow.COLUMNS + " FROM epochs WHERE device_id = ? AND epoch_id = ?", EpochRow::map,
                deviceId, epochId);
    }

    public static Optional<EpochRow> openEpoch(Connection c, String deviceId) throws SQLException {
        return Sql.one(c, "SELECT " + EpochRow.COLUMNS + " FROM epochs WHERE device_id = ? AND status = 'open'", EpochRow::map,
                deviceId);
    }

    /** Epoch openings of the device since {@code since} (§4.3 limit). */
    public static long openingsSince(Connection c, String deviceId, Instant since) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM epoch_openings WHERE device_id = ? AND opened_at >= ?", deviceId, since);
    }

    /** Opens {@code epochId}, closing the open one with its final tail, and logs the opening for the admin. */
    public static void openEpoch(Connection c, String deviceId, String epochId, String batchId, Instant now) throws SQLException {
        Optional<EpochRow> previous = openEpoch(c, deviceId);
        if (previous.isPresent()) {
            Sql.update(c, "UPDATE epochs SET status = 'closed', closed_at = ? WHERE device_id = ? AND epoch_id = ?", now, deviceId,
                    previous.get().epochId());
        }
        Sql.update(c, "INSERT INTO epochs (device_id, epoch_id, status, acked_seq, acked_hash, opened_at) VALUES (?, ?, 'open', 0, ?, ?)",
                deviceId, epochId, org.motcua.protocol.codec.Sha256.ZEROS, now);
        Sql.update(c, "INSERT INTO epoch_openings (device_id, epoch_id, previous_epoch_id, previous_acked_seq, batch_id, opened_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)", deviceId, epochId, Sql.text(previous.map(EpochRow::epochId).orElse(null)),
                Sql.bigint(previous.map(EpochRow::ackedSeq).orElse(null)), batchId, now);
    }

    /** Stored positions {@code from..to} of one epoch, each with its original (following duplicates back). */
    public static Map<Long, Position> positions(Connection c, String deviceId, String epochId, long from, long to)
            throws SQLException {
        Map<Long, Position> out = new HashMap<>();
        if (to < from) {
            return out;
        }
        for (Position p : Sql.list(c, "SELECT p.seq, p.hash, p.created_at, p.status, p.reason, p.original_epoch_id, "
                + "p.original_seq, o.status, o.reason, o.created_at FROM chain_positions p LEFT JOIN chain_positions o "
                + "ON o.device_id = p.device_id AND o.epoch_id = p.original_epoch_id AND o.seq = p.original_seq "
                + "WHERE p.device_id = ? AND p.epoch_id = ? AND p.seq BETWEEN ? AND ?", rs -> {
                    long seq = rs.getLong(1);
                    boolean duplicate = Receipt.DUPLICATE.equals(rs.getString(4));
                    Receipt.Original original = duplicate
                            ? new Receipt.Original(rs.getString(6), rs.getLong(7), rs.getString(8), Optional.ofNullable(rs.getString(9)))
                            : new Receipt.Original(epochId, seq, rs.getString(4), Optional.ofNullable(rs.getString(5)));
                    return new Position(seq, rs.getString(2), duplicate ? rs.getString(10) : rs.getString(3), original);
                }, deviceId, epochId, from, to)) {
            out.put(p.seq(), p);
        }
        return out;
    }

    /** Where each of {@code eventIds} was first stored, if anywhere. */
    public static Map<String, FirstStorage> firstStorages(Connection c, List<String> eventIds) throws SQLException {
        Map<String, FirstStorage> out = new HashMap<>();
        for (FirstStorage f : Sql.list(c, "SELECT device_id, first_event_id, event_type, aggregate_id, created_at, blobs, "
                + "payload_hash, epoch_id, seq, status, reason FROM chain_positions WHERE first_event_id = ANY(?)",
                rs -> new FirstStorage(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), new Receipt.Original(rs.getString(8), rs.getLong(9), rs.getString(10),
                Optional.ofNullable(rs.getString(11)))), Sql.anyOf(eventIds))) {
            out.put(f.eventId(), f);
        }
        return out;
    }

    /** Advances the epoch's tail after a batch that added positions. */
    public static void advanceTail(Connection c, String deviceId, String epochId, long seq, String hash, String createdAt,
            String batchId) throws SQLException {
        Sql.update(c, "UPDATE epochs SET acked_seq = ?, acked_hash = ?, tail_created_at = ?, last_batch_id = ? "
                + "WHERE device_id = ? AND epoch_id = ?", seq, hash, createdAt, batchId, deviceId, epochId);
    }

    public static void storeBatch(Connection c, String deviceId, String batchId, String epochId, long fromSeq, long toSeq,
            String bodySha256, byte[] receipt, byte[] signature, Instant now) throws SQLException {
        Sql.update(c, "INSERT INTO batches (device_id, batch_id, epoch_id, from_seq, to_seq, body_sha256, receipt, signature, "
                + "committed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", deviceId, batchId, epochId, fromSeq, toSeq, bodySha256,
                receipt, signature, now);
    }

    /** A stored receipt by batch id (§6.5). */
    public static Optional<StoredBatch> receipt(Connection c, String deviceId, String batchId) throws SQLException {
        return batch(c, deviceId, batchId);
    }

    /** The 30-day window of the epoch limit. */
    public static final Duration EPOCH_LIMIT_WINDOW = Duration.ofDays(30);

}
