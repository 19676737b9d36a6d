package org.motcua.store.sync;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * One outbox row as the chain of §4.1 holds it: its place (epoch, seq), the envelope, the canonical payload bytes and
 * the link values, and its sending state ({@code PENDING}, {@code FROZEN}, {@code ACKED}).
 *
 * @param localSeq the order in which this desk wrote its events; it never changes, also not when re-chained
 */
public record OutboxEvent(long localSeq, UUID epoch, long seq, UUID eventId, String type, UUID aggregateId,
        String createdAt, List<String> blobs, byte[] payload, String payloadHash, String prevHash, String hash,
        String state, Optional<UUID> batchId) {

    public static final String PENDING = "PENDING";
    public static final String FROZEN = "FROZEN";
    public static final String ACKED = "ACKED";

    public OutboxEvent {
        blobs = List.copyOf(blobs);
    }
}
