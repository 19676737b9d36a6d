package org.motcua.sync.internal;

import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Health;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.SyncLedger;
import org.motcua.sync.SyncProblem;

/**
 * One sync attempt: a cheap {@code health} probe, then batch after batch — the current epoch's unacknowledged frozen
 * batch if there is one, else a new one frozen from the pending events — until nothing is pending; then the updates
 * feed (§6.8, {@link FeedPages}) when {@link FeedSchedule} says there is something to fetch, so the province's catalogue
 * and calendar come down without a request per dossier; last, the limits when the stored ones are a day old. One batch
 * in flight at a time; anything that ends the attempt is a {@link CycleFailure}.
 */
public final class SyncCycle {

    private static final System.Logger LOG = System.getLogger(SyncCycle.class.getName());
    private static final Duration LIMITS_MAX_AGE = Duration.ofDays(1);
    /** A batch that keeps coming back without an acknowledgement ends the attempt instead of looping. */
    private static final int MAX_ROUNDS_PER_BATCH = 4;

    /** How long a successful health probe stands for the attempts that follow. */
    private static final Duration PROBE_VALID = Duration.ofMinutes(2);

    private final SyncContext ctx;
    private Instant probedAt;
    private final FeedSchedule feedSchedule = new FeedSchedule();
    private final TargetSize target;
    private final BatchSender sender;
    private final Rekeyer rekeyer;
    private ProductUpdater updater;
    private boolean updateUnfinished;

    public SyncCycle(SyncContext ctx) {
        this.ctx = ctx;
        this.target = new TargetSize(ctx);
        this.sender = new BatchSender(ctx, new BlobUploader(ctx), target);
        this.rekeyer = new Rekeyer(ctx);
    }

    public TargetSize target() {
        return target;
    }

    /** What this attempt had to report although it succeeded (the server lost data it had acknowledged). */
    public java.util.Optional<String> alert() {
        return sender.serverLostData();
    }

    /**
     * Runs the attempt to its end; returns how many batches were acknowledged.
     *
     * @param forced an officer asked for it ("Đồng bộ ngay"), not the schedule
     */
    public int run(boolean forced) throws CycleFailure {
        sender.beginAttempt();
        ctx.keyring();
        // On a link with a 1.5 s round trip every request counts: a server that answered health a moment ago is not
        // asked again when an attempt is retried after a drop; the batch request itself finds out whether it is there.
        if (probedAt == null || probedAt.plus(PROBE_VALID).isBefore(ctx.now())) {
            probe();
            probedAt = ctx.now();
        }
        finishRekey();
        try {
            int acked = sendAll();
            if (feedSchedule.due(forced, acked, sender.feedHead(), ctx.feed.cursor(), ctx.now())) {
                pullFeed();
                feedSchedule.pulled(ctx.now());
            }
            refreshLimitsIfStale();
            updateProduct();
            return acked;
        } catch (CycleFailure f) {
            if (f.problem() == SyncProblem.DEVICE_UNKNOWN && ctx.rekeys.pending().isPresent()) {
                // the server may have pinned the new key while its answer has not verified yet: retry, do not stop
                throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "the current key was refused while a key renewal waits "
                        + "for a valid answer (" + f.detail() + ")");
            }
            throw f;
        }
    }

    /** Whether the last attempt left a product update half downloaded, so the next should follow soon. */
    public boolean updateUnfinished() {
        return updateUnfinished;
    }

    /**
     * A slice of the product's self-update, once the data is up ({@link ProductUpdater}); only for a desk started by the
     * product's boot. An update that cannot go on now is not a failed sync: the officers' data was acknowledged.
     */
    private void updateProduct() {
        updateUnfinished = false;
        Optional<org.motcua.boot.Installation> installation = org.motcua.boot.Installation.running();
        if (installation.isEmpty()) {
            return;
        }
        if (updater == null || !updater.installation().equals(installation.get().dir())) {
            updater = new ProductUpdater(ctx, installation.get(), ProductUpdater.currentPlatform());
        }
        try {
            updateUnfinished = updater.run() == ProductUpdater.Outcome.UNFINISHED;
        } catch (CycleFailure f) {
            LOG.log(System.Logger.Level.WARNING, "product update not downloaded now: " + f.getMessage());
        }
    }

    /**
     * A key renewal whose answer was lost is finished before anything is sent (§6.2): the server may already refuse the
     * old key. An answer that fails verification, or a refusal for good, leaves the current key in use.
     */
    private void finishRekey() throws CycleFailure {
        try {
            rekeyer.finishPending();
        } catch (Rekeyer.AnswerRefused | Rekeyer.RequestRefused e) {
            LOG.log(System.Logger.Level.WARNING, "key renewal not finished, the current key goes on: " + e.getMessage());
        }
    }

    private int sendAll() throws CycleFailure {
        int acked = 0;
        Map<UUID, Integer> rounds = new HashMap<>();
        while (true) {
            UUID epoch = ctx.outbox.currentEpoch();
            Optional<FrozenBatch> next = ctx.outbox.unacknowledged().stream().filter(b -> b.epoch().equals(epoch)).findFirst();
            if (next.isEmpty()) {
                next = BatchFreezer.freezeNext(ctx, target.get());
            }
            if (next.isEmpty()) {
                return acked;
            }
            FrozenBatch b = next.get();
            if (rounds.merge(b.batchId(), 1, Integer::sum) > MAX_ROUNDS_PER_BATCH) {
                throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "batch " + b.batchId() + " was not acknowledged after "
                        + MAX_ROUNDS_PER_BATCH + " rounds");
            }
            if (sender.send(b) == BatchSender.Result.ACKED) {
                acked++;
                target.succeeded();
            }
        }
    }

    /** Every page of the feed after the stored cursor, each applied with its cursor in one local transaction (§10). */
    private void pullFeed() throws CycleFailure {
        try {
            new FeedPages(ctx).pull();
        } catch (IOException e) {
            throw CycleFailure.io(e);
        }
    }

    /** {@code GET health}: the server is there and speaks this protocol. */
    private void probe() throws CycleFailure {
        try {
            Http.Response r = ctx.http().exchange("GET", Protocol.BASE_PATH + "/health", Map.of(), null, null, null);
            if (r.status() != 200) {
                throw Reactions.of(ServerProblem.of(r));
            }
            Health h = Health.read(StrictJson.parse(r.body()));
            if (!h.supportedProtocols().contains(Protocol.VERSION)) {
                throw CycleFailure.of(SyncProblem.INCOMPATIBLE, "server protocols " + h.supportedProtocols());
            }
        } catch (IOException e) {
            throw CycleFailure.io(e);
        } catch (JsonRejected | SchemaInvalid e) {
            throw CycleFailure.of(SyncProblem.BAD_RESPONSE, "health unreadable: " + e.getMessage());
        }
    }

    /**
     * {@code GET limits} when the stored ones are older than a day, after the data went up, not before: a server may
     * not go below the contract's defaults (§5.7), so the desk sends safely with the defaults (or the stored limits)
     * and spends this round trip — 1.5 s on a commune link — only once nothing waits. Losing it is not a failed sync:
     * the data is acknowledged, and the next attempt asks again.
     */
    private void refreshLimitsIfStale() throws CycleFailure {
        Optional<Instant> read = ctx.ledger.get(SyncLedger.Key.LIMITS_READ_AT).map(Instant::parse);
        if (read.isPresent() && !read.get().plus(LIMITS_MAX_AGE).isBefore(ctx.now())) {
            return;
        }
        try {
            Http.Response l = ctx.http().exchange("GET", Protocol.BASE_PATH + "/limits", Map.of(), null, null, null);
            if (l.status() == 200) {
                Limits limits = Limits.read(StrictJson.parse(l.body()));
                ctx.limits(limits, limits.canonical());
            } else {
                LOG.log(System.Logger.Level.INFO, "limits not refreshed: HTTP " + l.status());
            }
        } catch (IOException | JsonRejected | SchemaInvalid e) {
            LOG.log(System.Logger.Level.INFO, "limits not refreshed, the stored ones stay: " + e.getMessage());
        }
    }
}
