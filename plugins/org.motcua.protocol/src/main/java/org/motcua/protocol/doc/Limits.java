package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * §5.7 {@code limits} (unsigned). {@link #DEFAULTS} are the contract's values, which a server must not go below
 * within version 1; clients read the server's document after enrolment and daily and never exceed it.
 */
public record Limits(long maxBatchWireBytes, long maxBatchBytes, int maxBatchEvents, long maxEventPayloadBytes,
        int maxInflateRatio, int maxSignatureHeaderBytes, long maxRequestBytes, long maxBlobBytes, long maxChunkBytes,
        long recommendedChunkBytes, long recommendedBatchWireBytes, int maxMissingQueryHashes, int maxUpdatesPageItems,
        long maxUsbFileBytes, long sessionTtlSeconds, int partialUploadTtlDays, long clockSkewToleranceSeconds,
        int maxEpochOpensPer30Days, RateLimits rateLimits) implements WireDocument {

    public static final String KIND = "limits";

    /** Requests a device or an address may make per period (§5.7). */
    public record RateLimits(int batchesPerMinute, int requestsPerMinute, int enrolmentAttemptsPerHourPerAddress) {
    }

    public static final Limits DEFAULTS = new Limits(262_144, 1_048_576, 500, 65_536, 100, 4096, 65_536, 33_554_432,
            1_048_576, 16_384, 16_384, 1000, 200, 2_147_483_648L, 86_400, 30, 600, 3, new RateLimits(30, 600, 20));

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("clockSkewToleranceSeconds", clockSkewToleranceSeconds);
        o.put("maxBatchBytes", maxBatchBytes);
        o.put("maxBatchEvents", maxBatchEvents);
        o.put("maxBatchWireBytes", maxBatchWireBytes);
        o.put("maxBlobBytes", maxBlobBytes);
        o.put("maxChunkBytes", maxChunkBytes);
        o.put("maxEpochOpensPer30Days", maxEpochOpensPer30Days);
        o.put("maxEventPayloadBytes", maxEventPayloadBytes);
        o.put("maxInflateRatio", maxInflateRatio);
        o.put("maxMissingQueryHashes", maxMissingQueryHashes);
        o.put("maxRequestBytes", maxRequestBytes);
        o.put("maxSignatureHeaderBytes", maxSignatureHeaderBytes);
        o.put("maxUpdatesPageItems", maxUpdatesPageItems);
        o.put("maxUsbFileBytes", maxUsbFileBytes);
        o.put("partialUploadTtlDays", partialUploadTtlDays);
        ObjectNode rates = o.putObject("rateLimits");
        rates.put("batchesPerMinute", rateLimits.batchesPerMinute());
        rates.put("enrolmentAttemptsPerHourPerAddress", rateLimits.enrolmentAttemptsPerHourPerAddress());
        rates.put("requestsPerMinute", rateLimits.requestsPerMinute());
        o.put("recommendedBatchWireBytes", recommendedBatchWireBytes);
        o.put("recommendedChunkBytes", recommendedChunkBytes);
        o.put("sessionTtlSeconds", sessionTtlSeconds);
        return o;
    }

    public static Limits read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        long max = CanonicalJson.MAX_INTEGER;
        DocReader rates = r.object("rateLimits");
        RateLimits rl = new RateLimits((int) rates.integer("batchesPerMinute", 1, 1_000_000),
                (int) rates.integer("requestsPerMinute", 1, 1_000_000),
                (int) rates.integer("enrolmentAttemptsPerHourPerAddress", 1, 1_000_000));
        rates.endObject();
        Limits l = new Limits(r.integer("maxBatchWireBytes", 1, max), r.integer("maxBatchBytes", 1, max),
                (int) r.integer("maxBatchEvents", 1, 1_000_000), r.integer("maxEventPayloadBytes", 1, max),
                (int) r.integer("maxInflateRatio", 1, 1_000_000), (int) r.integer("maxSignatureHeaderBytes", 1, 1_000_000),
                r.integer("maxRequestBytes", 1, max), r.integer("maxBlobBytes", 1, max), r.integer("maxChunkBytes", 1, max),
                r.integer("recommendedChunkBytes", 1, max), r.integer("recommendedBatchWireBytes", 1, max),
                (int) r.integer("maxMissingQueryHashes", 1, 1_000_000), (int) r.integer("maxUpdatesPageItems", 1, 1_000_000),
                r.integer("maxUsbFileBytes", 1, max), r.integer("sessionTtlSeconds", 1, max),
                (int) r.integer("partialUploadTtlDays", 1, 100_000), r.integer("clockSkewToleranceSeconds", 0, max),
                (int) r.integer("maxEpochOpensPer30Days", 1, 1_000_000), rl);
        r.end();
        return l;
    }
}
