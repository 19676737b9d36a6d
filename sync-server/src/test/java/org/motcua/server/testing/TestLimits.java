package org.motcua.server.testing;

import org.motcua.protocol.doc.Limits;

/** The contract's limits with one thing changed, for tests that need a short session or other rate limits. */
public final class TestLimits {

    private TestLimits() {
    }

    public static Limits sessionTtl(long seconds) {
        Limits l = Limits.DEFAULTS;
        return new Limits(l.maxBatchWireBytes(), l.maxBatchBytes(), l.maxBatchEvents(), l.maxEventPayloadBytes(), l.maxInflateRatio(),
                l.maxSignatureHeaderBytes(), l.maxRequestBytes(), l.maxBlobBytes(), l.maxChunkBytes(), l.recommendedChunkBytes(),
                l.recommendedBatchWireBytes(), l.maxMissingQueryHashes(), l.maxUpdatesPageItems(), l.maxUsbFileBytes(), seconds,
                l.partialUploadTtlDays(), l.clockSkewToleranceSeconds(), l.maxEpochOpensPer30Days(), l.rateLimits());
    }

    public static Limits rates(Limits.RateLimits rates) {
        Limits l = Limits.DEFAULTS;
        return new Limits(l.maxBatchWireBytes(), l.maxBatchBytes(), l.maxBatchEvents(), l.maxEventPayloadBytes(), l.maxInflateRatio(),
                l.maxSignatureHeaderBytes(), l.maxRequestBytes(), l.maxBlobBytes(), l.maxChunkBytes(), l.recommendedChunkBytes(),
                l.recommendedBatchWireBytes(), l.maxMissingQueryHashes(), l.maxUpdatesPageItems(), l.maxUsbFileBytes(),
                l.sessionTtlSeconds(), l.partialUploadTtlDays(), l.clockSkewToleranceSeconds(), l.maxEpochOpensPer30Days(), rates);
    }
}
