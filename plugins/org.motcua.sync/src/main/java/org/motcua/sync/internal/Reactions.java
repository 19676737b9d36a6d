package org.motcua.sync.internal;

import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import org.motcua.sync.SyncProblem;

/**
 * The rows of §8.3 that do not depend on the request: what a problem answer means for the cycle. Batch-specific
 * answers (sequence-gap, chain-fork, epoch-closed, blobs-missing, batch-too-large) are handled by the sender first.
 */
public final class Reactions {

    /** 400/422 answers that mean this program sent something malformed: stop, keep the bytes, alert support. */
    static final Set<String> CLIENT_DEFECTS = Set.of("json-invalid", "not-canonical", "schema-invalid", "path-body-mismatch",
            "idempotency-key-missing", "idempotency-key-invalid", "content-encoding-invalid", "idempotency-key-reused",
            "chain-invalid", "nonce-reused", "csr-invalid", "length-required", "unsupported-media-type",
            "signature-header-too-large", "bad-request", "request-too-large", "chunk-digest-missing");

    private Reactions() {
    }

    public static CycleFailure of(ServerProblem p) {
        Optional<Duration> wait = p.retryAfterSeconds().map(Duration::ofSeconds);
        return switch (p.name()) {
            case "request-in-progress", "rate-limited", "unavailable" ->
                new CycleFailure(SyncProblem.SERVER_BUSY, p.toString(), wait.or(() -> Optional.of(Duration.ofSeconds(5))), false);
            case "unknown-device", "signature-invalid", "signature-missing" ->
                new CycleFailure(SyncProblem.DEVICE_UNKNOWN, p.toString(), Optional.empty(), false);
            case "device-revoked" -> new CycleFailure(SyncProblem.DEVICE_REVOKED, p.toString(), Optional.empty(), false);
            case "unsupported-protocol", "protocol-retired" -> CycleFailure.of(SyncProblem.INCOMPATIBLE, p.toString());
            case "unsupported-event-type" ->
                new CycleFailure(SyncProblem.SERVER_UPGRADE_NEEDED, p.toString(), Optional.of(Duration.ofDays(1)), false);
            case "epoch-limit-exceeded" -> CycleFailure.of(SyncProblem.EPOCH_LIMIT, p.toString());
            default -> {
                if (CLIENT_DEFECTS.contains(p.name())) {
                    yield new CycleFailure(SyncProblem.CLIENT_DEFECT, p.toString(), Optional.empty(), false);
                }
                if (p.status() == 503 || p.status() == 429) {
                    yield new CycleFailure(SyncProblem.SERVER_BUSY, p.toString(), wait, false);
                }
                if (p.status() >= 500) {
                    yield CycleFailure.of(SyncProblem.SERVER_ERROR, p.toString());
                }
                yield CycleFailure.of(SyncProblem.BAD_RESPONSE, p.toString());
            }
        };
    }

    /** An answer that failed verification: nothing changes; logged; tried again later. */
    public static CycleFailure rejected(String what, ServerDocs.Rejected e) {
        System.getLogger(Reactions.class.getName()).log(System.Logger.Level.WARNING,
                what + " refused, nothing changed: " + e.getMessage());
        return CycleFailure.of(SyncProblem.BAD_RESPONSE, what + " refused (" + e.check() + ")");
    }
}
