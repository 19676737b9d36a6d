package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.sync.OutboxEvent;

/**
 * The device's chains (§4.3). Exactly one epoch is current; new events are appended to it. Starting a new epoch is
 * one transaction: every event not yet acknowledged, in its old order, gets seq 1..n in the new epoch with its links
 * recomputed (payload and payload hash unchanged), and every unacknowledged frozen batch is abandoned (its bytes are
 * kept for audit).
 */
public final class EpochTable {

    /** An epoch and the server's tail of it as the last verified document showed it. */
    public record Epoch(UUID epoch, boolean current, long ackedSeq, String ackedHash) {
    }

    private EpochTable() {
    }

    public static UUID current(Connection c) throws SQLException {
        return find(c, "is_current").map(Epoch::epoch)
                .orElseThrow(() -> new SQLException("the outbox has no current epoch"));
    }

    public static Optional<Epoch> find(Connection c, UUID epoch) throws SQLException {
        return find(c, "epoch = ?", epoch);
    }

    private static Optional<Epoch> find(Connection c, String where, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT epoch, is_current, acked_seq, acked_hash FROM sync_epoch WHERE " + where)) {
            Sql.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Epoch(rs.getObject(1, UUID.class), rs.getBoolean(2), rs.getLong(3),
                        rs.getString(4))) : Optional.empty();
            }
        }
    }

    /** Opens the first epoch of a device that has none yet. */
    public static void ensureCurrent(Connection c, LocalDateTime now) throws SQLException {
        if (find(c, "is_current").isEmpty()) {
            Sql.update(c, "INSERT INTO sync_epoch (epoch, opened_at, is_current, reason) VALUES (?, ?, TRUE, 'first')",
                    UUID.randomUUID(), now);
        }
    }

    /**
     * Starts a new epoch and moves every unacknowledged event into it; returns the new epoch.
     *
     * @param reason why, for the record: {@code restored}, {@code fork}, {@code server-ahead}
     */
    public static UUID open(Connection c, UUID deviceId, String reason, LocalDateTime now) throws SQLException {
        UUID epoch = UUID.randomUUID();
        Sql.update(c, "UPDATE sync_epoch SET is_current = FALSE WHERE is_current");
        Sql.update(c, "INSERT INTO sync_epoch (epoch, opened_at, is_current, reason) VALUES (?, ?, TRUE, ?)", epoch, now,
                reason);
        Sql.update(c, "UPDATE sync_batch SET state = 'ABANDONED', abandoned_at = ? WHERE state = 'FROZEN'", now);
        List<OutboxEvent> moving = OutboxTable.select(c, "state IN ('PENDING', 'FROZEN') ORDER BY local_seq");
        String previous = Sha256.ZEROS;
        long seq = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET epoch = ?, seq = ?, prev_hash = ?, hash = ?, "
                + "state = 'PENDING', batch_id = NULL WHERE local_seq = ?")) {
            for (OutboxEvent e : moving) {
                seq++;
                String hash = OutboxTable.link(e, deviceId, epoch, seq, previous);
                Sql.bind(ps, epoch, seq, previous, hash, e.localSeq());
                ps.addBatch();
                previous = hash;
            }
            ps.executeBatch();
        }
        return epoch;
    }

    /** Records the server's tail of {@code epoch} from a verified receipt or state; it only ever moves forward. */
    public static void advanceAcked(Connection c, UUID epoch, long ackedSeq, String ackedHash) throws SQLException {
        Sql.update(c, "UPDATE sync_epoch SET acked_seq = ?, acked_hash = ? WHERE epoch = ? AND acked_seq <= ?", ackedSeq,
                ackedHash, epoch, ackedSeq);
    }
}
