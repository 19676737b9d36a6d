package org.motcua.server.ingest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import org.motcua.protocol.chain.BatchChain;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.EventTypes;
import org.motcua.protocol.io.BoundedInflater;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;
import org.motcua.server.wire.PathChecks;
import org.motcua.server.wire.RequestDocuments;

/**
 * The stateless steps of §7: 5 (decode within the caps), 8 (parse, canonical, protocol, size, schema, path), 9
 * (internal chain) and 10 (event types). Pure functions of the bytes, so HTTP and USB imports decide alike.
 */
public final class BatchDecoder {

    private final Limits limits;

    public BatchDecoder(Limits limits) {
        this.limits = limits;
    }

    /**
     * Step 5: the uncompressed bytes M. {@code gzip} false means identity. Never more than {@code maxBatchBytes} (nor
     * {@code maxInflateRatio} × input) is inflated, whatever the stream claims.
     */
    public byte[] decode(byte[] wire, boolean gzip) throws Rejection {
        if (!gzip) {
            if (wire.length > limits.maxBatchBytes()) {
                throw tooLarge("maxBatchBytes", limits.maxBatchBytes(), "The batch holds more than " + limits.maxBatchBytes()
                        + " canonical bytes.");
            }
            return wire;
        }
        try {
            return BoundedInflater.gunzip(wire, limits.maxBatchBytes(), "maxBatchBytes", limits.maxInflateRatio());
        } catch (BoundedInflater.Refused e) {
            if (e.overLimit()) {
                long limit = "maxInflateRatio".equals(e.limitName()) ? limits.maxInflateRatio() : limits.maxBatchBytes();
                throw Rejection.of(ProblemType.INFLATE_LIMIT_EXCEEDED, "Inflate limit exceeded",
                        "The gzip body " + e.getMessage() + "; decoding stopped there.").with("limitName", e.limitName())
                        .with("limit", limit);
            }
            throw Rejection.of(ProblemType.CONTENT_ENCODING_INVALID, "Content encoding invalid",
                    "The body is not one valid gzip member: " + e.getMessage() + ".");
        }
    }

    /** Steps 8–10 on the verified bytes M, for the batch sent to {@code deviceId} under {@code batchKey}. */
    DecodedBatch parse(byte[] message, String deviceId, String batchKey) throws Rejection {
        JsonNode node = RequestDocuments.parseCanonical(message);
        int count = Batch.eventCount(node);
        if (count > limits.maxBatchEvents()) {
            throw tooLarge("maxBatchEvents", limits.maxBatchEvents(), "The batch holds " + count + " events; at most "
                    + limits.maxBatchEvents() + " are allowed.");
        }
        Batch batch = RequestDocuments.schema(node, Batch::read);
        List<byte[]> payloads = new ArrayList<>(batch.events().size());
        for (WireEvent e : batch.events()) {
            byte[] payload = e.payloadBytes();
            payloads.add(payload);
            int size = payload.length;
            if (size > limits.maxEventPayloadBytes()) {
                throw tooLarge("maxEventPayloadBytes", limits.maxEventPayloadBytes(), "The payload of seq " + e.seq() + " holds "
                        + size + " canonical bytes.");
            }
        }
        PathChecks.sameDevice(deviceId, batch.deviceId());
        if (!batch.batchId().equals(batchKey)) {
            throw Rejection.of(ProblemType.PATH_BODY_MISMATCH, "Idempotency-Key and body disagree",
                    "The body's batchId is not the Idempotency-Key.");
        }
        Optional<BatchChain.Failure> failure = BatchChain.firstFailure(batch, payloads);
        if (failure.isPresent()) {
            throw Rejection.of(ProblemType.CHAIN_INVALID, "Batch chain invalid", "The batch is inconsistent at seq "
                    + failure.get().seq() + " (" + failure.get().check() + ").").with("seq", failure.get().seq())
                    .with("check", failure.get().check());
        }
        TreeSet<String> unknown = new TreeSet<>();
        batch.events().stream().map(WireEvent::type).filter(t -> !EventTypes.KNOWN.contains(t)).forEach(unknown::add);
        if (!unknown.isEmpty()) {
            ArrayNode types = StrictJson.nodes().arrayNode();
            unknown.forEach(types::add);
            throw Rejection.of(ProblemType.UNSUPPORTED_EVENT_TYPE, "Unsupported event type",
                    "This server does not know event type(s) " + unknown + "; it must be upgraded first.")
                    .with("eventTypes", types);
        }
        return new DecodedBatch(batch, payloads);
    }

    static Rejection tooLarge(String limitName, long limit, String detail) {
        return Rejection.of(ProblemType.BATCH_TOO_LARGE, "Batch too large", detail).with("limitName", limitName)
                .with("limit", limit);
    }
}
