package org.motcua.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.store.Store;
import org.motcua.store.StoreException;
import org.motcua.store.internal.EpochTable;
import org.motcua.store.internal.OutboxTable;
import org.motcua.store.internal.Sql;

/**
 * The sending side of the outbox (§8.1, §8.2): pending events, frozen batches, acknowledgements and epochs, each
 * change in one durable local transaction. Only verified signed documents may lead to {@link #acknowledge}: the sync
 * engine checks, this class records.
 */
public final class SyncOutbox {

    /** An epoch and the server's tail of it as the last verified receipt or state showed it. */
    public record EpochState(UUID epoch, boolean current, long ackedSeq, String ackedHash) {
    }

    /** What {@link #acknowledge} did. */
    public enum Ack {
        /** The batch and its events are now ACKED. */
        ACKED,
        /** It was already ACKED (a second copy of the receipt): nothing changed. */
        ALREADY_ACKED,
        /** The batch is not frozen (abandoned, or unknown): nothing changed. */
        NOT_FROZEN
    }

    private static final String BATCH_COLUMNS = "batch_id, epoch, from_seq, to_seq, body, body_sha256, wire_bytes, "
            + "signature, signer_serial, state, exported, attempts, last_problem, receipt, receipt_signature";

    private final Store store;

    public SyncOutbox(Store store) {
        this.store = store;
    }

    public UUID currentEpoch() {
        return store.read(EpochTable::current);
    }

    public Optional<EpochState> epoch(UUID epoch) {
        return store.read(c -> EpochTable.find(c, epoch)).map(e -> new EpochState(e.epoch(), e.current(), e.ackedSeq(),
                e.ackedHash()));
    }

    /**
     * Which events are pending, in chain order, read off the (state, local_seq) index: within an epoch seq follows
     * local_seq (appends take the next of both; a new epoch re-chains in local_seq order). "ORDER BY seq" made H2 read
     * every event of the epoch, pending or long acknowledged, on every sync cycle.
     */
    public static final String PENDING_WHERE = "state = 'PENDING' AND epoch = ? ORDER BY state, local_seq LIMIT ?";
    /** Not yet acknowledged: a range of the state index ("state <> 'ACKED'" read the whole outbox). */
    public static final String WAITING_SQL = "SELECT COUNT(*) FROM outbox WHERE state IN ('PENDING', 'FROZEN')";
    /** Rejected by the province: a short range of the result index (V12). */
    public static final String REJECTED_SQL = "SELECT COUNT(*) FROM outbox WHERE result_status = 'rejected'";

    /** The lowest pending events of the current epoch, in seq order. */
    public List<OutboxEvent> pending(int limit) {
        return store.read(c -> OutboxTable.select(c, PENDING_WHERE, EpochTable.current(c), limit));
    }

    /** The events of {@code epoch} with {@code fromSeq ≤ seq ≤ toSeq}, in seq order. */
    public List<OutboxEvent> events(UUID epoch, long fromSeq, long toSeq) {
        return store.read(c -> OutboxTable.select(c, "epoch = ? AND seq BETWEEN ? AND ? ORDER BY seq", epoch, fromSeq, toSeq));
    }

    /** Every event this desk wrote, in the order it wrote them, whatever their epoch and state (for audits and checks). */
    public List<OutboxEvent> all() {
        return store.read(c -> OutboxTable.select(c, "TRUE ORDER BY local_seq"));
    }

    /** The event at {@code seq} of {@code epoch}. */
    public Optional<OutboxEvent> event(UUID epoch, long seq) {
        return events(epoch, seq, seq).stream().findFirst();
    }

    /** The last seq and hash of an epoch's local chain; (0, zeros) when it is empty. */
    public record Tail(long seq, String hash) {
    }

    public Tail localTail(UUID epoch) {
        OutboxTable.Tail t = store.read(c -> OutboxTable.tail(c, epoch));
        return new Tail(t.seq(), t.hash());
    }

    /** Events the province does not have yet as far as this desk knows (not covered by a verified receipt). */
    public long waiting() {
        return store.read(c -> count(c, WAITING_SQL));
    }

    /** True when every event of the dossier {@code aggregateId} is covered by a verified receipt. */
    public boolean reachedProvince(UUID aggregateId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*), COUNT(CASE WHEN state = 'ACKED' THEN 1 END) "
                    + "FROM outbox WHERE aggregate_id = ?")) {
                Sql.bind(ps, aggregateId);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    return rs.getLong(1) > 0 && rs.getLong(1) == rs.getLong(2);
                }
            }
        });
    }

    /** The outcome the server gave an acknowledged event. */
    public Optional<EventResult> result(UUID eventId) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT seq, result_status, result_reason, result_warnings, "
                    + "result_original FROM outbox WHERE event_id = ? AND result_status IS NOT NULL")) {
                Sql.bind(ps, eventId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    String w = rs.getString(4);
                    return Optional.of(new EventResult(rs.getLong(1), rs.getString(2), Optional.ofNullable(rs.getString(3)),
                            w == null || w.isEmpty() ? List.of() : List.of(w.split(",")), Optional.ofNullable(rs.getString(5))));
                }
            }
        });
    }

    /** How many acknowledged events the server rejected (they are never resent; the operator must see them). */
    public long rejectedCount() {
        return store.read(c -> count(c, REJECTED_SQL));
    }

    /**
     * Freezes a batch: stores its bytes, hash and signature and ties its events to it, in one transaction. The
     * events must be exactly the pending events {@code fromSeq..toSeq} of the current epoch.
     *
     * @throws StoreException when they are not (another freeze or a new epoch came first); nothing is written
     */
    public FrozenBatch freeze(FrozenBatch.New b) {
        return store.write(c -> {
            if (!EpochTable.current(c).equals(b.epoch())) {
                throw new StoreException(StoreException.Reason.OTHER, "the batch's epoch is no longer current", null);
            }
            long n = count(c, "SELECT COUNT(*) FROM outbox WHERE epoch = ? AND seq BETWEEN ? AND ? AND state = 'PENDING'",
                    b.epoch(), b.fromSeq(), b.toSeq());
            if (n != b.toSeq() - b.fromSeq() + 1) {
                throw new StoreException(StoreException.Reason.OTHER, "the batch's events are not all pending", null);
            }
            Sql.update(c, "INSERT INTO sync_batch (batch_id, epoch, from_seq, to_seq, body, body_sha256, wire_bytes, signature, "
                    + "signer_serial, state, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FROZEN', ?)", b.batchId(), b.epoch(),
                    b.fromSeq(), b.toSeq(), b.body(), b.bodySha256(), b.wireBytes(), b.signature(), b.signerSerial(),
                    LocalDateTime.now());
            Sql.update(c, "UPDATE outbox SET state = 'FROZEN', batch_id = ? WHERE epoch = ? AND seq BETWEEN ? AND ?",
                    b.batchId(), b.epoch(), b.fromSeq(), b.toSeq());
            return batch(c, b.batchId()).orElseThrow();
        });
    }

    /**
     * Freezes a batch of events this desk already holds as acknowledged, to send them again to a server that lost them
     * (§8.3 sequence-gap, restored server): the events stay ACKED and keep their first batch; only the new batch row
     * (own id, own bytes) is written.
     *
     * @throws StoreException when the events are not all acknowledged events of the current epoch
     */
    public FrozenBatch freezeResend(FrozenBatch.New b) {
        return store.write(c -> {
            long n = count(c, "SELECT COUNT(*) FROM outbox WHERE epoch = ? AND seq BETWEEN ? AND ? AND state = 'ACKED'",
                    b.epoch(), b.fromSeq(), b.toSeq());
            if (!EpochTable.current(c).equals(b.epoch()) || n != b.toSeq() - b.fromSeq() + 1) {
                throw new StoreException(StoreException.Reason.OTHER, "only acknowledged events of the current epoch are resent",
                        null);
            }
            Sql.update(c, "INSERT INTO sync_batch (batch_id, epoch, from_seq, to_seq, body, body_sha256, wire_bytes, signature, "
                    + "signer_serial, state, frozen_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'FROZEN', ?)", b.batchId(), b.epoch(),
                    b.fromSeq(), b.toSeq(), b.body(), b.bodySha256(), b.wireBytes(), b.signature(), b.signerSerial(),
                    LocalDateTime.now());
            return batch(c, b.batchId()).orElseThrow();
        });
    }

    /** Frozen, unacknowledged batches: the current epoch's first, each epoch's in ascending seq. */
    public List<FrozenBatch> unacknowledged() {
        return store.read(c -> batches(c, "b.state = 'FROZEN' ORDER BY e.is_current DESC, b.epoch, b.from_seq"));
    }

    public Optional<FrozenBatch> batch(UUID batchId) {
        return store.read(c -> batch(c, batchId));
    }

    private static Optional<FrozenBatch> batch(Connection c, UUID batchId) throws SQLException {
        return batches(c, "b.batch_id = ?", batchId).stream().findFirst();
    }

    private static List<FrozenBatch> batches(Connection c, String where, Object... values) throws SQLException {
        List<FrozenBatch> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + BATCH_COLUMNS.replaceAll("(\\w+)", "b.$1")
                + " FROM sync_batch b JOIN sync_epoch e ON e.epoch = b.epoch WHERE " + where)) {
            Sql.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new FrozenBatch(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getLong(3),
                            rs.getLong(4), rs.getBytes(5), rs.getString(6), rs.getInt(7), rs.getBytes(8), rs.getString(9),
                            rs.getString(10), rs.getBoolean(11), rs.getInt(12), Optional.ofNullable(rs.getString(13)),
                            Optional.ofNullable(rs.getBytes(14)), Optional.ofNullable(rs.getBytes(15))));
                }
            }
        }
        return out;
    }

    /** Records an attempt at sending the batch (informational; losing it is harmless). */
    public void recordAttempt(UUID batchId, LocalDateTime at, String problem) {
        store.write(c -> Sql.update(c, "UPDATE sync_batch SET attempts = attempts + 1, last_attempt_at = ?, last_problem = ? "
                + "WHERE batch_id = ?", at, problem, batchId));
    }

    /** Replaces the signature of a frozen batch after a new device key (the bytes, and so idempotency, are unchanged). */
    public void resign(UUID batchId, byte[] signature, String signerSerial) {
        store.write(c -> resign(c, batchId, signature, signerSerial));
    }

    /** The same inside a caller's transaction (the rekey's key switch); 1 when the batch was frozen and re-signed. */
    static int resign(Connection c, UUID batchId, byte[] signature, String signerSerial) throws SQLException {
        return Sql.update(c, "UPDATE sync_batch SET signature = ?, signer_serial = ? WHERE batch_id = ? AND state = 'FROZEN'",
                signature, signerSerial, batchId);
    }

    /**
     * Marks a batch and its events ACKED from a verified receipt, in one transaction: the receipt bytes and signature,
     * each event's outcome, the epoch's acked tail, and the largest server time seen.
     */
    public Ack acknowledge(UUID batchId, long ackedSeq, String ackedHash, List<EventResult> results, byte[] receipt,
            byte[] receiptSignature, String serverTime) {
        return store.write(c -> {
            Optional<FrozenBatch> b = batch(c, batchId);
            if (b.isEmpty() || b.get().state().equals(FrozenBatch.ABANDONED)) {
                return Ack.NOT_FROZEN;
            }
            if (b.get().state().equals(FrozenBatch.ACKED)) {
                return Ack.ALREADY_ACKED;
            }
            Sql.update(c, "UPDATE sync_batch SET state = 'ACKED', receipt = ?, receipt_signature = ?, acked_at = ? "
                    + "WHERE batch_id = ?", receipt, receiptSignature, LocalDateTime.now(), batchId);
            try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET state = 'ACKED', result_status = ?, "
                    + "result_reason = ?, result_warnings = ?, result_original = ? WHERE epoch = ? AND seq = ? AND batch_id = ?")) {
                for (EventResult r : results) {
                    Sql.bind(ps, r.status(), r.reason(), String.join(",", r.warnings()), r.original(), b.get().epoch(),
                            r.seq(), batchId);
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            EpochTable.advanceAcked(c, b.get().epoch(), ackedSeq, ackedHash);
            SyncLedger.raiseServerTime(c, serverTime);
            return Ack.ACKED;
        });
    }

    /** Records the server's tail of {@code epoch} from a verified state. */
    public void advanceAcked(UUID epoch, long ackedSeq, String ackedHash) {
        store.write(c -> {
            EpochTable.advanceAcked(c, epoch, ackedSeq, ackedHash);
            return null;
        });
    }

    /**
     * Abandons a frozen batch (§8.3 abandon rule, after a verified state proved nothing of it was committed): its
     * events go back to PENDING to be frozen again under a new batch id; its bytes are kept for audit.
     */
    public void abandon(UUID batchId) {
        store.write(c -> {
            if (Sql.update(c, "UPDATE sync_batch SET state = 'ABANDONED', abandoned_at = ? WHERE batch_id = ? AND state = 'FROZEN'",
                    LocalDateTime.now(), batchId) == 1) {
                Sql.update(c, "UPDATE outbox SET state = 'PENDING', batch_id = NULL WHERE batch_id = ? AND state = 'FROZEN'",
                        batchId);
            }
            return null;
        });
    }

    /** Starts a new epoch (§4.3): unacknowledged events re-chained into it, frozen batches abandoned. */
    public UUID startNewEpoch(String reason) {
        return store.write(c -> {
            UUID epoch = EpochTable.open(c, store.device().deviceId(), reason, LocalDateTime.now());
            store.chainChanged();
            return epoch;
        });
    }

    static long count(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
