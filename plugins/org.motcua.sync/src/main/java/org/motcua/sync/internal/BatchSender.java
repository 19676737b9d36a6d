package org.motcua.sync.internal;

import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.io.Gzip;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.SyncProblem;
import org.motcua.sync.SyncStatus;

/**
 * Sends one frozen batch and reacts to the answer as §8.3 says. The bytes sent are always the frozen bytes (gzip on the
 * wire, the signature over the canonical bytes); only a verified receipt acknowledges anything. After a cut or a 5xx
 * the next attempt first asks a signed, nonce-bound {@code state}, and fetches the stored receipt when the server
 * already committed the batch, so no event is sent twice.
 */
public final class BatchSender {

    /** What became of the batch: acknowledged, or something changed (abandoned, new epoch) and the cycle goes on. */
    public enum Result {
        ACKED,
        CONTINUE
    }

    private static final System.Logger LOG = System.getLogger(BatchSender.class.getName());
    /** Answers after which the next attempt confirms with a state before resending. */
    private static final Set<String> UNCERTAIN = Set.of("network", "server-error", "receipt-invalid");
    /** Attempts at one size before the abandon rule may re-freeze a batch smaller. */
    static final int ABANDON_AFTER = 3;

    private final SyncContext ctx;
    private final BlobUploader blobs;
    private final TargetSize target;
    private String lostData;
    private Optional<FeedCursor> feedHead = Optional.empty();
    private final UploadPace pace = new UploadPace();

    public BatchSender(SyncContext ctx, BlobUploader blobs, TargetSize target) {
        this.ctx = ctx;
        this.blobs = blobs;
        this.target = target;
    }

    public Result send(FrozenBatch batch) throws CycleFailure {
        FrozenBatch b = resignIfNeeded(batch);
        try {
            if (b.attempts() > 0 && b.lastProblem().map(UNCERTAIN::contains).orElse(false) || keepsBeingCut(b)) {
                Optional<Result> settled = resumeAfterUncertainAnswer(b);
                if (settled.isPresent()) {
                    return settled.get();
                }
            }
            blobs.ensurePresent(blobsOf(b));
            return post(b, 0);
        } catch (IOException e) {
            // a body that never left whole cannot have been committed: the next attempt need not ask first
            ctx.outbox.recordAttempt(b.batchId(), ctx.deskNow(), e instanceof BodyNotSent ? "network-unsent" : "network");
            throw CycleFailure.io(e instanceof BodyNotSent n ? (IOException) n.getCause() : e);
        } finally {
            ctx.progress.done();
        }
    }

    /**
     * After a new device key from re-enrolment, frozen bodies are re-signed just before they are next sent (a rekey
     * re-signs them in its own key-switch transaction; this also catches any it could have missed). The bytes, and so
     * idempotency, stay the same.
     */
    private FrozenBatch resignIfNeeded(FrozenBatch b) throws CycleFailure {
        DeviceKeyring keys = ctx.keyring();
        if (b.signerSerial().equals(keys.serial())) {
            return b;
        }
        ctx.outbox.resign(b.batchId(), keys.sign(b.body()), keys.serial());
        return ctx.outbox.batch(b.batchId()).orElseThrow();
    }

    /**
     * A batch cut again and again before its body could have arrived is too big for the link: after {@link
     * #ABANDON_AFTER} such attempts it also goes through the state, so the abandon rule can freeze it again smaller.
     */
    private static boolean keepsBeingCut(FrozenBatch b) {
        return b.attempts() >= ABANDON_AFTER && b.eventCount() > 1 && b.lastProblem().filter("network-unsent"::equals).isPresent();
    }

    private List<String> blobsOf(FrozenBatch b) {
        Set<String> all = new TreeSet<>();
        for (OutboxEvent e : ctx.outbox.events(b.epoch(), b.fromSeq(), b.toSeq())) {
            all.addAll(e.blobs());
        }
        return List.copyOf(all);
    }

    /**
     * §8.3 first row: the last answer was lost or a 5xx. Ask a verified state; when the server holds the whole batch,
     * fetch its stored receipt (200 → acknowledge, 404 → resend the same bytes); when it holds none of it and the
     * batch keeps failing at its size, abandon it so it is frozen again smaller.
     */
    private Optional<Result> resumeAfterUncertainAnswer(FrozenBatch b) throws IOException, CycleFailure {
        Optional<ServerDocs.Verified<DeviceState>> state = DeviceStates.fetch(ctx, Optional.of(b.epoch()));
        if (state.isEmpty()) {
            return Optional.empty();
        }
        DeviceStates.Verdict verdict = DeviceStates.apply(ctx, state.get());
        if (verdict == DeviceStates.Verdict.NEW_EPOCH) {
            return Optional.of(Result.CONTINUE);
        }
        DeviceState s = state.get().doc();
        boolean sameEpoch = s.epoch().map(e -> e.equals(b.epoch().toString())).orElse(false);
        if (sameEpoch && verdict == DeviceStates.Verdict.CONSISTENT && s.ackedSeq() >= b.toSeq()) {
            Http.Response r = ctx.bearerGet(ctx.devicePath() + "/receipts/" + b.batchId());
            if (r.status() == 200) {
                return Optional.of(acknowledge(b, r));
            }
            if (r.status() != 404) {
                throw Reactions.of(ServerProblem.of(r));
            }
        } else if (s.ackedSeq() < b.fromSeq() && b.attempts() >= ABANDON_AFTER && b.eventCount() > 1) {
            ctx.outbox.abandon(b.batchId());
            return Optional.of(Result.CONTINUE);
        }
        return Optional.empty();
    }

    private Result post(FrozenBatch b, int blobRetries) throws IOException, CycleFailure {
        byte[] gzip = Gzip.compress(b.body());
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Encoding", "gzip");
        headers.put(Protocol.IDEMPOTENCY_KEY_HEADER, "\"" + b.batchId() + "\"");
        headers.put(Protocol.SIGNATURE_HEADER, B64u.encode(b.signature()));
        ctx.progress.uploading(SyncStatus.Attempt.Kind.BATCH, 0, gzip.length);
        long[] written = {0};
        Http.Response r;
        long began = System.nanoTime();
        try {
            r = ctx.http().exchange("POST", ctx.devicePath() + "/batches", headers, gzip, "application/json", sent -> {
                written[0] = sent;
                ctx.progress.uploading(SyncStatus.Attempt.Kind.BATCH, sent, gzip.length);
            });
        } catch (IOException e) {
            if (written[0] < gzip.length) {
                throw new BodyNotSent(e);
            }
            if (pace.cannotHaveArrived(gzip.length, System.nanoTime() - began)) {
                LOG.log(System.Logger.Level.INFO, "batch " + b.batchId() + " (" + gzip.length + " bytes) cut "
                        + (System.nanoTime() - began) / 1_000_000 + " ms after it began: too soon to have arrived, "
                        + "sent again without asking state");
                throw new BodyNotSent(e);
            }
            throw e;
        }
        if (r.status() == 200) {
            Result acked = acknowledge(b, r);
            pace.acknowledged(gzip.length, System.nanoTime() - began);
            return acked;
        }
        ServerProblem p = ServerProblem.of(r);
        ctx.outbox.recordAttempt(b.batchId(), ctx.deskNow(), p.status() >= 500 ? "server-error" : p.name());
        return switch (p.name()) {
            case "blobs-missing" -> {
                if (blobRetries >= 2) {
                    throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "blobs still missing after upload");
                }
                for (String h : p.strings("missingBlobs")) {
                    blobs.upload(h);
                }
                yield post(b, blobRetries + 1);
            }
            case "sequence-gap" -> sequenceGap(b);
            case "chain-fork" -> chainFork(b, p);
            case "epoch-closed" -> throw new CycleFailure(SyncProblem.IDENTITY_IN_USE,
                    "epoch " + b.epoch() + " closed; the server's current epoch is "
                            + p.member("currentEpoch").map(n -> n.asText()).orElse("?"), Optional.empty(), false);
            case "batch-too-large", "inflate-limit-exceeded" -> tooLarge(b, p);
            default -> throw Reactions.of(p);
        };
    }

    private Result acknowledge(FrozenBatch b, Http.Response r) throws CycleFailure {
        try {
            ReceiptCheck.Outcome outcome = ReceiptCheck.acknowledge(ctx, b, r.body(),
                    ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)));
            if (outcome.serverAhead()) {
                ctx.outbox.startNewEpoch("server-ahead");
            }
            if (outcome.feedHead().isPresent()) {
                feedHead = outcome.feedHead();
            }
            return Result.ACKED;
        } catch (ServerDocs.Rejected e) {
            ctx.outbox.recordAttempt(b.batchId(), ctx.deskNow(), "receipt-invalid");
            throw Reactions.rejected("receipt of batch " + b.batchId(), e);
        }
    }

    /**
     * §8.3 sequence-gap: confirm with a state. A different hash at the server's tail is a fork (new epoch). When the
     * server's tail is below this batch's start, it lost events this desk holds (acknowledged or not): they are frozen
     * again from the server's tail and sent first (alerting the operator); their local state stays as it is.
     */
    private Result sequenceGap(FrozenBatch b) throws IOException, CycleFailure {
        Optional<ServerDocs.Verified<DeviceState>> state = DeviceStates.fetch(ctx, Optional.of(b.epoch()));
        if (state.isEmpty()) {
            throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "sequence-gap not confirmed by a state");
        }
        DeviceStates.Verdict verdict = DeviceStates.apply(ctx, state.get());
        if (verdict == DeviceStates.Verdict.NEW_EPOCH) {
            return Result.CONTINUE;
        }
        long serverTail = state.get().doc().ackedSeq();
        if (serverTail + 1 < b.fromSeq()) {
            boolean alreadyQueued = ctx.outbox.unacknowledged().stream()
                    .anyMatch(f -> f.epoch().equals(b.epoch()) && f.fromSeq() == serverTail + 1);
            if (!alreadyQueued) {
                FrozenBatch resend = BatchFreezer.freezeResend(ctx, serverTail + 1, b.fromSeq() - 1, target.get());
                lostData = "the server lost seq " + (serverTail + 1) + ".." + (b.fromSeq() - 1) + "; sent again";
                LOG.log(System.Logger.Level.WARNING, lostData + " as batch "
                        + resend.batchId());
            }
        }
        return Result.CONTINUE;  // the lowest frozen batch goes next: the resend, or this one again unchanged
    }

    /** Set when this attempt had to resend events the server lost: the operator is told even if all went well. */
    public Optional<String> serverLostData() {
        return Optional.ofNullable(lostData);
    }

    /** The feed head named by the latest receipt acknowledged since {@link #beginAttempt()}, if its server names one. */
    public Optional<FeedCursor> feedHead() {
        return feedHead;
    }

    public void beginAttempt() {
        feedHead = Optional.empty();
        lostData = null;
    }

    /** §8.3 chain-fork: only a verified state confirming the divergence starts a new epoch. */
    private Result chainFork(FrozenBatch b, ServerProblem p) throws IOException, CycleFailure {
        Optional<ServerDocs.Verified<DeviceState>> state = DeviceStates.fetch(ctx, Optional.of(b.epoch()));
        if (state.isPresent() && DeviceStates.apply(ctx, state.get()) == DeviceStates.Verdict.NEW_EPOCH) {
            return Result.CONTINUE;
        }
        throw CycleFailure.of(SyncProblem.BAD_RESPONSE, p + " not confirmed by a signed state");
    }

    /**
     * 413: the batch is too big for the server. It is abandoned and frozen again smaller only after a verified state
     * proves nothing of it was committed (§8.3 abandon rule); if the server holds part of it, it is resent unchanged.
     */
    private Result tooLarge(FrozenBatch b, ServerProblem p) throws IOException, CycleFailure {
        target.failed();
        Optional<ServerDocs.Verified<DeviceState>> state = DeviceStates.fetch(ctx, Optional.of(b.epoch()));
        if (state.isEmpty()) {
            throw CycleFailure.of(SyncProblem.BAD_RESPONSE, p + " not confirmed by a signed state");
        }
        if (DeviceStates.apply(ctx, state.get()) == DeviceStates.Verdict.NEW_EPOCH) {
            return Result.CONTINUE;
        }
        if (state.get().doc().ackedSeq() < b.fromSeq() && b.eventCount() > 1) {
            ctx.outbox.abandon(b.batchId());
            return Result.CONTINUE;
        }
        throw CycleFailure.of(SyncProblem.CLIENT_DEFECT, p + " for a batch of " + b.eventCount() + " event(s)");
    }

    /**
     * The link failed before the whole body was handed to the socket, or too soon after for it to have crossed the link
     * ({@link UploadPace}): the server cannot hold this batch.
     */
    private static final class BodyNotSent extends IOException {
        BodyNotSent(IOException cause) {
            super(cause.getMessage(), cause);
        }
    }
}
