package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.UUID;
import org.motcua.protocol.HashChain;

/**
 * The transactional outbox. Appended in the same transaction as the change it reports, so an event exists
 * if and only if its change was committed; sync drains it in device_seq order. The payload hash is stored
 * and also recomputed on verification, so an edited payload is caught.
 */
public final class OutboxTable extends HashLinkedTable {

    public OutboxTable() {
        super("outbox", "device_seq");
    }

    /** Appends one event after the current tail; returns its device sequence. */
    public long append(Connection c, UUID eventId, String eventType, UUID aggregateId, LocalDateTime at, byte[] payload)
            throws SQLException {
        Tail tail = tail(c);
        long sequence = tail.sequence() + 1;
        String payloadHash = HashChain.payloadHash(payload);
        Sql.update(c, "INSERT INTO outbox (device_seq, event_id, event_type, aggregate_id, created_at, payload, "
                + "payload_hash, prev_hash, hash) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                sequence, eventId, eventType, aggregateId, at, payload, payloadHash, tail.hash(),
                HashChain.link(tail.hash(), sequence, payloadHash));
        return sequence;
    }

    @Override
    protected byte[] payloadOf(ResultSet rs) throws SQLException {
        byte[] payload = rs.getBytes("payload");
        // A payload that no longer matches its stored hash breaks the chain here, not later on the server.
        return HashChain.payloadHash(payload).equals(rs.getString("payload_hash")) ? payload : new byte[] {0};
    }
}
