package org.motcua.sync.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.Receipt;
import org.motcua.store.sync.EventResult;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * §8.2 step 4: a receipt acknowledges a batch only when all of this holds — the server signature (§3.4 and the pinned
 * CA), {@code kind}, the batch's {@code batchId}, {@code deviceId}, {@code epoch}, {@code fromSeq}, {@code toSeq} and
 * {@code bodySha256}, exactly one result per seq in order, {@code ackedSeq ≥ toSeq}, and {@code ackedHash} equal to the
 * local hash at {@code ackedSeq} when the desk has that seq. A receipt failing any check changes nothing.
 */
public final class ReceiptCheck {

    /**
     * What a verified receipt means for the desk; {@code feedHead} is the updates feed's head as the server saw it for
     * this device at commit time, when the server says it (a replayed receipt says what it said then).
     */
    public record Outcome(SyncOutbox.Ack ack, boolean serverAhead, Optional<FeedCursor> feedHead) {
    }

    private ReceiptCheck() {
    }

    /** Verifies {@code bytes}/{@code signature} as the receipt of {@code batch}; returns it, or throws naming the check. */
    public static ServerDocs.Verified<Receipt> verify(SyncContext ctx, FrozenBatch batch, byte[] bytes, byte[] signature)
            throws ServerDocs.Rejected, CycleFailure {
        DeviceKeyring keys = ctx.keyring();
        ServerDocs.Verified<Receipt> v = ServerDocs.verify(bytes, signature, keys.ca(), Receipt::read, Receipt::serverTime);
        Receipt r = v.doc();
        require(r.batchId().equals(batch.batchId().toString()), "batchId");
        require(r.deviceId().equals(keys.id()), "deviceId");
        require(r.epoch().equals(batch.epoch().toString()), "epoch");
        require(r.fromSeq() == batch.fromSeq() && r.toSeq() == batch.toSeq(), "seq-range");
        require(r.bodySha256().equals(batch.bodySha256()), "bodySha256");
        require(r.results().size() == batch.eventCount(), "results");
        for (int i = 0; i < r.results().size(); i++) {
            require(r.results().get(i).seq() == batch.fromSeq() + i, "results");
        }
        require(r.ackedSeq() >= r.toSeq(), "ackedSeq");
        Optional<OutboxEvent> atAcked = ctx.outbox.event(batch.epoch(), r.ackedSeq());
        if (atAcked.isPresent()) {
            require(atAcked.get().hash().equals(r.ackedHash()), "ackedHash");
        }
        return v;
    }

    /** Verifies and, when it passes, acknowledges the batch in one local transaction. */
    public static Outcome acknowledge(SyncContext ctx, FrozenBatch batch, byte[] bytes, byte[] signature)
            throws ServerDocs.Rejected, CycleFailure {
        ServerDocs.Verified<Receipt> v = verify(ctx, batch, bytes, signature);
        Receipt r = v.doc();
        List<EventResult> results = new ArrayList<>();
        for (Receipt.Result res : r.results()) {
            results.add(new EventResult(res.seq(), res.status(), res.reason(), res.warnings(),
                    res.original().map(o -> new String(org.motcua.protocol.json.CanonicalJson.write(originalJson(o)),
                            java.nio.charset.StandardCharsets.UTF_8))));
        }
        SyncOutbox.Ack ack = ctx.outbox.acknowledge(batch.batchId(), r.ackedSeq(), r.ackedHash(), results, bytes, signature,
                r.serverTime());
        ctx.sawServerTime(v.serverTime());
        boolean ahead = r.ackedSeq() > ctx.outbox.localTail(batch.epoch()).seq();
        return new Outcome(ack, ahead, r.feed());
    }

    private static com.fasterxml.jackson.databind.node.ObjectNode originalJson(Receipt.Original o) {
        var n = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
        n.put("epoch", o.epoch());
        n.put("seq", o.seq());
        n.put("status", o.status());
        o.reason().ifPresent(x -> n.put("reason", x));
        return n;
    }

    private static void require(boolean ok, String check) throws ServerDocs.Rejected {
        if (!ok) {
            throw new ServerDocs.Rejected(check, "the receipt does not match the frozen batch");
        }
    }
}
