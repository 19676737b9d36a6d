package org.motcua.protocol.chain;

import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.WireEvent;

/**
 * §7 step 9: a batch must be internally consistent before anything else is decided about it. Checks seqs,
 * payload hashes, link hashes, each prevHash against the previous event and the zero genesis of seq 1, and names the
 * first failure as {@code chain-invalid} does ({@code seq}, {@code check}).
 */
public final class BatchChain {

    /** The first inconsistency: the event's seq and one of {@code seq, payload-hash, link-hash, prev-hash, genesis}. */
    public record Failure(long seq, String check) {
    }

    private BatchChain() {
    }

    public static Optional<Failure> firstFailure(Batch batch) {
        return firstFailure(batch, batch.events().stream().map(WireEvent::payloadBytes).toList());
    }

    /**
     * The same check with each event's canonical payload bytes already at hand ({@code payloads.get(i)} belongs to
     * {@code batch.events().get(i)}), so a receiver that needs those bytes anyway writes them only once.
     */
    public static Optional<Failure> firstFailure(Batch batch, List<byte[]> payloads) {
        WireEvent previous = null;
        long expected = batch.fromSeq();
        for (int i = 0; i < batch.events().size(); i++) {
            WireEvent e = batch.events().get(i);
            if (e.seq() != expected) {
                return Optional.of(new Failure(e.seq(), "seq"));
            }
            if (!LinkHash.payloadHash(payloads.get(i)).equals(e.payloadHash())) {
                return Optional.of(new Failure(e.seq(), "payload-hash"));
            }
            if (previous == null && e.seq() == 1 && !Sha256.ZEROS.equals(e.prevHash())) {
                return Optional.of(new Failure(e.seq(), "genesis"));
            }
            if (previous != null && !previous.hash().equals(e.prevHash())) {
                return Optional.of(new Failure(e.seq(), "prev-hash"));
            }
            if (!envelope(batch, e).hash().equals(e.hash())) {
                return Optional.of(new Failure(e.seq(), "link-hash"));
            }
            previous = e;
            expected++;
        }
        return Optional.empty();
    }

    /** The envelope of {@code e} in {@code batch}'s chain. */
    public static LinkHash.Envelope envelope(Batch batch, WireEvent e) {
        return new LinkHash.Envelope(e.aggregateId(), e.blobs(), e.createdAt(), batch.deviceId(), batch.epoch(),
                e.eventId(), e.payloadHash(), e.prevHash(), e.seq(), e.type());
    }
}
