package org.motcua.sync.internal;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.io.Gzip;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;

/**
 * Freezes the next batch (§8.2 step 1): the lowest pending events of the current epoch, as many as fit a target wire
 * (gzip) size, never fewer than one, never beyond the server's limits; canonical bytes signed by the device key and
 * stored with their hash and signature in one transaction before anything is sent. From then on the bytes never change.
 */
public final class BatchFreezer {

    /** Rough canonical size of an envelope without its payload, for the first cut before compressing. */
    private static final int ENVELOPE_BYTES = 460;

    private BatchFreezer() {
    }

    /** Freezes the next batch, or empty when nothing is pending. */
    public static Optional<FrozenBatch> freezeNext(SyncContext ctx, long targetWireBytes) throws CycleFailure {
        Limits limits = ctx.limits();
        List<OutboxEvent> pending = ctx.outbox.pending(limits.maxBatchEvents());
        if (pending.isEmpty()) {
            return Optional.empty();
        }
        long target = Math.min(targetWireBytes, limits.maxBatchWireBytes());
        // first cut: what can fit the canonical cap at all
        int n = 0;
        long canonical = 300;
        while (n < pending.size() && (n == 0 || canonical + pending.get(n).payload().length + ENVELOPE_BYTES <= limits.maxBatchBytes())) {
            canonical += pending.get(n).payload().length + ENVELOPE_BYTES;
            n++;
        }
        DeviceKeyring keys = ctx.keyring();
        UUID batchId = UUID.randomUUID();
        UUID epoch = pending.get(0).epoch();
        List<OutboxEvent> chosen = largestFitting(keys, batchId, epoch, pending.subList(0, n), target, limits);
        return Optional.of(freeze(ctx, keys, batchId, epoch, chosen));
    }

    /**
     * Freezes a batch to send again events {@code fromSeq..toSeq} of the current epoch that the server lost (they stay
     * acknowledged here), as many from {@code fromSeq} as fit the target.
     */
    public static FrozenBatch freezeResend(SyncContext ctx, long fromSeq, long toSeq, long targetWireBytes) throws CycleFailure {
        Limits limits = ctx.limits();
        UUID epoch = ctx.outbox.currentEpoch();
        List<OutboxEvent> events = ctx.outbox.events(epoch, fromSeq, Math.min(toSeq, fromSeq + limits.maxBatchEvents() - 1));
        DeviceKeyring keys = ctx.keyring();
        UUID batchId = UUID.randomUUID();
        List<OutboxEvent> chosen = largestFitting(keys, batchId, epoch, events,
                Math.min(targetWireBytes, limits.maxBatchWireBytes()), limits);
        byte[] body = canonical(keys, batchId, epoch, chosen);
        return ctx.outbox.freezeResend(new FrozenBatch.New(batchId, epoch, chosen.get(0).seq(),
                chosen.get(chosen.size() - 1).seq(), body, Sha256.hex(body), Gzip.compress(body).length, keys.sign(body),
                keys.serial()));
    }

    /** The longest prefix whose gzip fits {@code target} (and whose canonical bytes fit the limit); at least one event. */
    private static List<OutboxEvent> largestFitting(DeviceKeyring keys, UUID batchId, UUID epoch, List<OutboxEvent> events,
            long target, Limits limits) {
        if (fits(keys, batchId, epoch, events, target, limits)) {
            return events;
        }
        int lo = 1;
        int hi = events.size() - 1;
        while (lo < hi) {
            int mid = (lo + hi + 1) >>> 1;
            if (fits(keys, batchId, epoch, events.subList(0, mid), target, limits)) {
                lo = mid;
            } else {
                hi = mid - 1;
            }
        }
        return events.subList(0, lo);
    }

    private static boolean fits(DeviceKeyring keys, UUID batchId, UUID epoch, List<OutboxEvent> events, long target,
            Limits limits) {
        byte[] body = canonical(keys, batchId, epoch, events);
        return body.length <= limits.maxBatchBytes() && Gzip.compress(body).length <= target;
    }

    /** Builds, signs and stores the batch of exactly {@code events}. */
    public static FrozenBatch freeze(SyncContext ctx, DeviceKeyring keys, UUID batchId, UUID epoch, List<OutboxEvent> events) {
        byte[] body = canonical(keys, batchId, epoch, events);
        byte[] signature = keys.sign(body);
        return ctx.outbox.freeze(new FrozenBatch.New(batchId, epoch, events.get(0).seq(), events.get(events.size() - 1).seq(),
                body, Sha256.hex(body), Gzip.compress(body).length, signature, keys.serial()));
    }

    /** The batch document's canonical bytes (§5.2). */
    static byte[] canonical(DeviceKeyring keys, UUID batchId, UUID epoch, List<OutboxEvent> events) {
        List<WireEvent> wire = new ArrayList<>(events.size());
        for (OutboxEvent e : events) {
            wire.add(new WireEvent(e.aggregateId().toString(), e.blobs(), e.createdAt(), e.eventId().toString(), e.hash(),
                    payload(e), e.payloadHash(), e.prevHash(), e.seq(), e.type()));
        }
        return Batch.of(batchId.toString(), keys.id(), epoch.toString(), wire).canonical();
    }

    private static ObjectNode payload(OutboxEvent e) {
        try {
            return (ObjectNode) StrictJson.parseCanonical(e.payload());
        } catch (JsonRejected | ClassCastException ex) {
            // the store writes canonical payloads only; anything else is a damaged database
            throw new IllegalStateException("outbox event " + e.localSeq() + " has no canonical payload", ex);
        }
    }
}
