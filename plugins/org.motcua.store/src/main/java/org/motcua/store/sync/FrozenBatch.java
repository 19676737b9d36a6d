package org.motcua.store.sync;

import java.util.Optional;
import java.util.UUID;

/**
 * A batch frozen for sending (§8.1): its canonical bytes, their SHA-256 and the device's signature are written once and
 * sent byte-identical on every retry, over HTTP or on USB. {@code state} is {@code FROZEN}, {@code ACKED} or
 * {@code ABANDONED}; attempts and the last problem are informational.
 */
public record FrozenBatch(UUID batchId, UUID epoch, long fromSeq, long toSeq, byte[] body, String bodySha256,
        int wireBytes, byte[] signature, String signerSerial, String state, boolean exported, int attempts,
        Optional<String> lastProblem, Optional<byte[]> receipt, Optional<byte[]> receiptSignature) {

    public static final String FROZEN = "FROZEN";
    public static final String ACKED = "ACKED";
    public static final String ABANDONED = "ABANDONED";

    public long eventCount() {
        return toSeq - fromSeq + 1;
    }

    /** What {@link SyncOutbox#freeze} stores. */
    public record New(UUID batchId, UUID epoch, long fromSeq, long toSeq, byte[] body, String bodySha256, int wireBytes,
            byte[] signature, String signerSerial) {
    }
}
