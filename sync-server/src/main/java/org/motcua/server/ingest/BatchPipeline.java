package org.motcua.server.ingest;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;
import org.motcua.server.blobs.BlobStore;
import org.motcua.server.feed.Feed;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.CrashPoints;
import org.motcua.server.projection.AdminAlerts;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceLock;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.wire.DeviceSignatures;

/**
 * §7 from step 5, in exactly the contract's order, for HTTP and USB alike: decode, verify, idempotency, parse, chain,
 * types; then under the per-device lock: idempotency again, epoch, tail, blobs, classification, and one durable
 * transaction that stores positions, applies accepted events, advances the tail and keeps the signed receipt under
 * the batch's key. A batch rejected as a whole stores nothing.
 */
public final class BatchPipeline {

    /** A committed batch's answer: the receipt bytes and the server's signature over them. */
    public record Committed(byte[] receipt, byte[] signature, boolean replay, String summary) {
    }

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Limits limits;
    private final Clock clock;
    private final BatchDecoder decoder;

    public BatchPipeline(ServerDatabase db, ServerKeys keys, Limits limits, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.limits = limits;
        this.clock = clock;
        this.decoder = new BatchDecoder(limits);
    }

    public Limits limits() {
        return limits;
    }

    /**
     * Steps 5–16 for a batch whose registry entry and headers passed steps 2–4.
     *
     * @param device    the registry row read in step 3 (its pinned certificate checks the signature)
     * @param batchKey  the Idempotency-Key (a uuid)
     * @param signature the DER bytes of {@code MotCua-Signature}
     * @param wire      the body as received; {@code gzip} tells its Content-Encoding
     */
    public Committed process(DeviceRecord device, String batchKey, byte[] signature, byte[] wire, boolean gzip) throws Rejection {
        String deviceId = device.deviceId();
        byte[] message = decoder.decode(wire, gzip);
        DeviceSignatures.verify(signature, message, device.pinnedCertificate());
        String bodySha256 = Sha256.hex(message);
        Optional<Committed> earlier = idempotent(Tx.read(db, c -> ChainStore.batch(c, deviceId, batchKey)), bodySha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        DecodedBatch decoded = decoder.parse(message, deviceId, batchKey);
        Committed committed;
        try {
            committed = Tx.durable(db, c -> {
                Committed written = commit(c, decoded, bodySha256);
                CrashPoints.reach(CrashPoints.INGEST_BEFORE_COMMIT);
                return written;
            });
        } catch (Rejection r) {
            if (r.type() == ProblemType.EPOCH_CLOSED) {
                identityInUse(deviceId, decoded.batch().epoch(), r);
            }
            throw r;
        }
        CrashPoints.reach(CrashPoints.INGEST_AFTER_COMMIT);
        return committed;
    }

    /**
     * A batch for an epoch the device itself closed when it opened a newer one: a desk restored from a backup never
     * does that (it opens a new epoch and keeps to it), so two machines are using one device identity, a copied
     * database or keystore (§8.3: the desk stops and tells its officer). The administrator is alerted in a transaction
     * of its own: the batch's was rolled back.
     */
    private void identityInUse(String deviceId, String epoch, Rejection r) throws Rejection {
        String current = r.problem().extensions() == null ? "none" : r.problem().extensions().path("currentEpoch").asText("none");
        Tx.durable(db, c -> {
            AdminAlerts.raise(c, AdminAlerts.DEVICE_IDENTITY_IN_USE, deviceId, null, "A batch arrived for epoch " + epoch
                    + ", closed since this device opened epoch " + current + ": two machines may be using this device's "
                    + "identity (a copied desk or keystore). Their batches are refused; find the copy, then revoke the device "
                    + "and re-enrol the right PC.", clock.instant());
            return null;
        });
    }

    /** Step 7: the stored receipt for the same bytes, 422 for other bytes under the same key. */
    private static Optional<Committed> idempotent(Optional<ChainStore.StoredBatch> stored, String bodySha256) throws Rejection {
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        if (!stored.get().bodySha256().equals(bodySha256)) {
            throw Rejection.of(ProblemType.IDEMPOTENCY_KEY_REUSED, "Idempotency-Key reused",
                    "A different batch was committed under this Idempotency-Key; frozen bytes never change.");
        }
        return Optional.of(new Committed(stored.get().receipt(), stored.get().signature(), true, "replay of a committed batch"));
    }

    private Committed commit(Connection c, DecodedBatch decoded, String bodySha256) throws SQLException, Rejection {
        Batch batch = decoded.batch();
        DeviceRecord device = DeviceLock.take(c, batch.deviceId());
        Optional<Committed> earlier = idempotent(ChainStore.batch(c, batch.deviceId(), batch.batchId()), bodySha256);
        if (earlier.isPresent()) {
            return earlier.get();
        }
        Instant now = clock.instant();
        EpochRow tail = epoch(c, device, batch, now);
        Map<Long, ChainStore.Position> overlap = overlap(c, batch, tail);
        List<WireEvent> fresh = batch.events().stream().filter(e -> e.seq() > tail.ackedSeq()).toList();
        requireBlobs(c, device, fresh);

        if (tail.status() == null) {
            ChainStore.openEpoch(c, device.deviceId(), batch.epoch(), batch.batchId(), now);
        }
        EventClassifier classifier = new EventClassifier(device, batch.epoch(), now, limits.clockSkewToleranceSeconds());
        String previousCreatedAt = batch.fromSeq() > tail.ackedSeq() ? tail.tailCreatedAt()
                : overlap.get(tail.ackedSeq()) == null ? null : overlap.get(tail.ackedSeq()).createdAt();
        List<EventClassifier.Outcome> outcomes = classifier.classify(c, fresh, previousCreatedAt);
        ChainWriter.write(c, device, decoded, outcomes, classifier.collisions(), now);

        List<Receipt.Result> results = new ArrayList<>();
        for (WireEvent e : batch.events()) {
            if (e.seq() <= tail.ackedSeq()) {
                results.add(Receipt.Result.duplicate(e.seq(), overlap.get(e.seq()).original()));
            }
        }
        outcomes.forEach(o -> results.add(o.result()));
        long ackedSeq = tail.ackedSeq();
        String ackedHash = tail.ackedHash();
        if (!fresh.isEmpty()) {
            WireEvent last = fresh.get(fresh.size() - 1);
            ackedSeq = last.seq();
            ackedHash = last.hash();
            ChainStore.advanceTail(c, device.deviceId(), batch.epoch(), ackedSeq, ackedHash, last.createdAt(), batch.batchId());
        }
        byte[] receipt = new Receipt(ackedHash, ackedSeq, batch.batchId(), bodySha256, batch.deviceId(), batch.epoch(),
                Optional.of(Feed.headFor(c, device.deviceId(), device.unitCode())), batch.fromSeq(), results,
                WireFormats.serverTime(now), batch.toSeq()).canonical();
        byte[] signature = keys.sign(receipt);
        ChainStore.storeBatch(c, batch.deviceId(), batch.batchId(), batch.epoch(), batch.fromSeq(), batch.toSeq(), bodySha256,
                receipt, signature, now);
        Devices.recordSync(c, batch.deviceId(), now);
        return new Committed(receipt, signature, false, "committed seq " + batch.fromSeq() + "-" + batch.toSeq() + " of epoch "
                + batch.epoch().substring(0, 8) + " (" + batch.events().size() + " events)");
    }

    /** Step 12: the batch's epoch, or the tail of an epoch this batch will open. */
    private EpochRow epoch(Connection c, DeviceRecord device, Batch batch, Instant now) throws SQLException, Rejection {
        Optional<EpochRow> known = ChainStore.epoch(c, device.deviceId(), batch.epoch());
        if (known.isEmpty()) {
            if (batch.fromSeq() != 1) {
                throw gap(1, EpochRow.unknown(device.deviceId(), batch.epoch()), batch);
            }
            boolean lifted = device.epochLimitLiftedUntil() != null && device.epochLimitLiftedUntil().isAfter(now);
            if (!lifted && ChainStore.openingsSince(c, device.deviceId(), now.minus(ChainStore.EPOCH_LIMIT_WINDOW))
                    >= limits.maxEpochOpensPer30Days()) {
                throw Rejection.of(ProblemType.EPOCH_LIMIT_EXCEEDED, "Too many new epochs",
                        "This device opened " + limits.maxEpochOpensPer30Days() + " epochs in 30 days; the administrator "
                                + "must look at it (a cloned database?) and lift the limit.");
            }
            return EpochRow.unknown(device.deviceId(), batch.epoch());
        }
        if (!known.get().open()) {
            Rejection closed = Rejection.of(ProblemType.EPOCH_CLOSED, "Epoch closed",
                    "Epoch " + batch.epoch() + " was closed when this device opened a newer one.");
            Optional<EpochRow> current = ChainStore.openEpoch(c, device.deviceId());
            throw current.isPresent() ? closed.with("currentEpoch", current.get().epochId()) : closed;
        }
        return known.get();
    }

    /** Step 13: the batch continues the stored chain, or overlaps it with identical links. */
    private static Map<Long, ChainStore.Position> overlap(Connection c, Batch batch, EpochRow tail) throws SQLException, Rejection {
        if (batch.fromSeq() > tail.ackedSeq() + 1) {
            throw gap(tail.ackedSeq() + 1, tail, batch);
        }
        Map<Long, ChainStore.Position> stored = ChainStore.positions(c, batch.deviceId(), batch.epoch(), batch.fromSeq(),
                Math.min(batch.toSeq(), tail.ackedSeq()));
        for (WireEvent e : batch.events()) {
            if (e.seq() <= tail.ackedSeq()) {
                ChainStore.Position p = stored.get(e.seq());
                if (p == null || !p.hash().equals(e.hash())) {
                    throw fork(e.seq(), tail);
                }
            }
        }
        if (batch.fromSeq() == tail.ackedSeq() + 1 && !batch.events().get(0).prevHash().equals(tail.ackedHash())) {
            throw fork(batch.fromSeq(), tail);
        }
        return stored;
    }

    /** Step 14: every blob of every new event is present for the device's unit. */
    private static void requireBlobs(Connection c, DeviceRecord device, List<WireEvent> fresh) throws SQLException, Rejection {
        TreeSet<String> wanted = new TreeSet<>();
        fresh.forEach(e -> wanted.addAll(e.blobs()));
        if (wanted.isEmpty()) {
            return;
        }
        TreeSet<String> missing = new TreeSet<>(wanted);
        missing.removeAll(BlobStore.present(c, device.unitCode(), wanted));
        if (!missing.isEmpty()) {
            ArrayNode list = StrictJson.nodes().arrayNode();
            missing.forEach(list::add);
            throw Rejection.of(ProblemType.BLOBS_MISSING, "Blobs missing",
                    missing.size() + " attachment(s) of this batch are not uploaded yet; upload them, then send the same bytes.")
                    .with("missingBlobs", list);
        }
    }

    private static Rejection gap(long expected, EpochRow tail, Batch batch) {
        return Rejection.of(ProblemType.SEQUENCE_GAP, "Batch does not continue the stored chain",
                "Epoch " + batch.epoch() + " ends at seq " + tail.ackedSeq() + "; this batch starts at seq " + batch.fromSeq() + ".")
                .with("expectedSeq", expected).with("ackedSeq", tail.ackedSeq()).with("ackedHash", tail.ackedHash());
    }

    private static Rejection fork(long seq, EpochRow tail) {
        return Rejection.of(ProblemType.CHAIN_FORK, "Batch forks from the stored chain",
                "At seq " + seq + " this batch differs from what the server holds.").with("forkSeq", seq)
                .with("ackedSeq", tail.ackedSeq()).with("ackedHash", tail.ackedHash());
    }
}
