package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.UUID;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.ChainCheck;
import org.motcua.store.sync.OutboxEvent;

/**
 * The transactional outbox as the contract's event chain (§4.1). An event is appended in the same transaction as
 * the change it reports, so it exists if and only if its change was committed. Its link hash covers the whole
 * envelope plus the device and the epoch ({@link LinkHash}), so no stored field can change, and no event move to
 * another chain, without breaking the link; {@link #verify} recomputes everything from the stored bytes.
 */
public final class OutboxTable {

    /** The last seq and hash of an epoch's chain; (0, zeros) when it is empty. */
    public record Tail(long seq, String hash) {
    }

    private static final String COLUMNS = "local_seq, epoch, seq, event_id, event_type, aggregate_id, created_at, blobs, "
            + "payload, payload_hash, prev_hash, hash, state, batch_id";

    private OutboxTable() {
    }

    /** Appends one event after the tail of the current epoch; returns it as stored. */
    public static OutboxEvent append(Connection c, UUID deviceId, UUID eventId, String type, UUID aggregateId,
            String createdAt, List<String> blobs, byte[] canonicalPayload) throws SQLException {
        List<String> sortedBlobs = blobs.stream().sorted().distinct().toList();
        UUID epoch = EpochTable.current(c);
        Tail tail = tail(c, epoch);
        long seq = tail.seq() + 1;
        long localSeq = nextLocalSeq(c);
        String payloadHash = LinkHash.payloadHash(canonicalPayload);
        String hash = new LinkHash.Envelope(aggregateId.toString(), sortedBlobs, createdAt, deviceId.toString(),
                epoch.toString(), eventId.toString(), payloadHash, tail.hash(), seq, type).hash();
        Sql.update(c, "INSERT INTO outbox (local_seq, epoch, seq, event_id, event_type, aggregate_id, created_at, blobs, "
                + "payload, payload_hash, prev_hash, hash, state) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                localSeq, epoch, seq, eventId, type, aggregateId, createdAt, String.join(",", sortedBlobs),
                canonicalPayload, payloadHash, tail.hash(), hash, OutboxEvent.PENDING);
        return new OutboxEvent(localSeq, epoch, seq, eventId, type, aggregateId, createdAt, sortedBlobs, canonicalPayload,
                payloadHash, tail.hash(), hash, OutboxEvent.PENDING, Optional.empty());
    }

    private static long nextLocalSeq(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(MAX(local_seq), 0) + 1 FROM outbox");
                ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /**
     * The last event of an epoch's chain, read on every append. The ORDER BY names both columns of the (epoch, seq)
     * unique index on purpose: H2 reads an index backwards only when the ORDER BY covers it; "ORDER BY seq DESC" alone
     * read every event of the epoch and sorted them (6 ms at 200,000 events, and a bulk load that grew quadratically).
     */
    public static final String TAIL_SQL = "SELECT seq, hash FROM outbox WHERE epoch = ? ORDER BY epoch DESC, seq DESC LIMIT 1";

    public static Tail tail(Connection c, UUID epoch) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(TAIL_SQL)) {
            Sql.bind(ps, epoch);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : new Tail(0, Sha256.ZEROS);
            }
        }
    }

    /** Events matching {@code where} (a condition on outbox columns), in chain order. */
    public static List<OutboxEvent> select(Connection c, String where, Object... values) throws SQLException {
        List<OutboxEvent> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox WHERE " + where)) {
            Sql.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(read(rs));
                }
            }
        }
        return out;
    }

    static OutboxEvent read(ResultSet rs) throws SQLException {
        String blobs = rs.getString("blobs");
        return new OutboxEvent(rs.getLong("local_seq"), rs.getObject("epoch", UUID.class), rs.getLong("seq"),
                rs.getObject("event_id", UUID.class), rs.getString("event_type"), rs.getObject("aggregate_id", UUID.class),
                rs.getString("created_at"), blobs.isEmpty() ? List.of() : Arrays.asList(blobs.split(",")),
                rs.getBytes("payload"), rs.getString("payload_hash"), rs.getString("prev_hash"), rs.getString("hash"),
                rs.getString("state"), Optional.ofNullable(rs.getObject("batch_id", UUID.class)));
    }

    /** The link hash {@code e} must have in {@code epoch} of {@code deviceId} after {@code prevHash} at {@code seq}. */
    public static String link(OutboxEvent e, UUID deviceId, UUID epoch, long seq, String prevHash) {
        return new LinkHash.Envelope(e.aggregateId().toString(), e.blobs(), e.createdAt(), deviceId.toString(),
                epoch.toString(), e.eventId().toString(), e.payloadHash(), prevHash, seq, e.type()).hash();
    }

    /**
     * Walks every epoch's chain in order and reports the first event (by its local sequence) whose seq, payload hash,
     * previous hash or link hash does not verify.
     */
    public static ChainCheck verify(Connection c, UUID deviceId) throws SQLException {
        long checked = 0;
        UUID epoch = null;
        String previous = Sha256.ZEROS;
        long expected = 1;
        try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM outbox ORDER BY epoch, seq")) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    OutboxEvent e = read(rs);
                    if (!e.epoch().equals(epoch)) {
                        epoch = e.epoch();
                        previous = Sha256.ZEROS;
                        expected = 1;
                    }
                    boolean ok = e.seq() == expected && previous.equals(e.prevHash())
                            && LinkHash.payloadHash(e.payload()).equals(e.payloadHash())
                            && e.hash().equals(link(e, deviceId, epoch, e.seq(), previous));
                    if (!ok) {
                        return new ChainCheck(checked, OptionalLong.of(e.localSeq()));
                    }
                    previous = e.hash();
                    expected++;
                    checked++;
                }
            }
        }
        return new ChainCheck(checked, OptionalLong.empty());
    }
}
