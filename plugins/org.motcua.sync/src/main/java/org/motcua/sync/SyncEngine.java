package org.motcua.sync;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.Store;
import org.motcua.store.sync.SyncLedger;
import org.motcua.sync.internal.CycleFailure;
import org.motcua.sync.internal.Enroller;
import org.motcua.sync.internal.HttpTransport;
import org.motcua.sync.internal.ProvinceRestore;
import org.motcua.sync.internal.Rekeyer;
import org.motcua.sync.internal.StatusBoard;
import org.motcua.sync.internal.SyncContext;
import org.motcua.sync.internal.SyncCycle;
import org.motcua.sync.internal.UsbExporter;
import org.motcua.sync.internal.UsbReplyImporter;

/**
 * The desk's sync engine ({@link SyncService}): one per opened store, with ONE background thread that does every
 * network and file step in turn — so there are never two uploads at once, and a caller is never blocked.
 *
 * <p>It syncs shortly after each new event (debounced; once started it hears of every committed event from the store
 * itself), on a fixed interval, and at once on {@link #syncNow()}. A
 * failed attempt is retried after a back-off of 1 s doubling to 5 min with ±20 % jitter, whose schedule is kept in the
 * database and so survives a restart; a server's {@code Retry-After} is honoured as given. Problems that need a person
 * (revoked or unknown device, identity in use elsewhere, a client defect) stop syncing until re-enrolment; all data
 * stays. Several engines (several desks, each with its own store) can run in one JVM.
 */
public final class SyncEngine implements SyncService {

    private static final System.Logger LOG = System.getLogger(SyncEngine.class.getName());
    static final Duration BACKOFF_FIRST = Duration.ofSeconds(1);
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);
    /** Dossiers per page of a restore: a page and its scans are held in memory until stored. */
    static final int RESTORE_PAGE_DOSSIERS = 20;

    private final Store store;
    private final SyncConfig config;
    private final ScheduledExecutorService thread;
    private final SyncContext ctx;
    /** The pause between two slices of a product update's download ({@code ProductUpdater}). */
    static final java.time.Duration UPDATE_PAUSE = java.time.Duration.ofSeconds(2);
    private final SyncCycle[] cycle = new SyncCycle[1];
    private final Enroller enroller;
    private final StatusBoard board;
    private ScheduledFuture<?> planned;
    private Instant plannedAt;
    private volatile Enroller.Offer offer;
    private volatile boolean closed;
    /** Attempts are planned (debounce, interval, back-off) only once started; before that only explicit calls run. */
    private volatile boolean started;
    /** Work the officer started that has not ended: {@link #close} fails what it drops, so no caller waits forever. */
    private final java.util.Set<CompletableFuture<?>> calls = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** The officer's work running on the engine's thread now, if any: closing lets it finish. */
    private volatile CompletableFuture<?> running;
    /** The store tells of every committed event; syncing follows after the debounce. */
    private final Runnable onNewEvents = this::eventsChanged;

    public SyncEngine(Store store, SyncConfig config) {
        this.store = store;
        this.config = config;
        java.util.concurrent.ScheduledThreadPoolExecutor executor = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "motcua-sync-" + store.device().deviceId().toString().substring(0, 8));
            t.setDaemon(true);
            return t;
        });
        // close() shuts the thread down without interrupting it: the next scheduled attempt must not keep it alive
        executor.setExecuteExistingDelayedTasksAfterShutdownPolicy(false);
        executor.setContinueExistingPeriodicTasksAfterShutdownPolicy(false);
        this.thread = executor;
        this.board = new StatusBoard(store);
        this.ctx = new SyncContext(store, config.clock(),
                new HttpTransport.Timeouts(config.connectTimeout(), config.responseTimeout()), board);
        board.bind(ctx);
        this.enroller = new Enroller(ctx, config.clientVersion(), config.hostname());
    }

    /** Starts the background work: the first attempt when the stored back-off allows. */
    public SyncEngine start() {
        started = true;
        store.addChainListener(onNewEvents);
        submit(() -> plan(nextAttemptAt().orElse(ctx.now())));
        return this;
    }

    // --- SyncService -----------------------------------------------------------------------------------------

    @Override
    public SyncStatus status() {
        return board.status();
    }

    @Override
    public void addListener(SyncListener listener) {
        board.addListener(listener);
    }

    @Override
    public void removeListener(SyncListener listener) {
        board.removeListener(listener);
    }

    @Override
    public void syncNow() {
        submit(() -> cycle(true));
    }

    @Override
    public void eventsChanged() {
        submit(() -> {
            publish();
            Instant soon = ctx.now().plus(config.debounce());
            Instant allowed = nextAttemptAt().filter(t -> t.isAfter(soon)).orElse(soon);
            plan(allowed);
        });
    }

    @Override
    public boolean reachedProvince(UUID dossierId) {
        return ctx.outbox.reachedProvince(dossierId);
    }

    @Override
    public CompletableFuture<EnrolmentOffer> beginEnrolment(URI server, String code) {
        return call(() -> {
            Enroller.Offer o = enroller.begin(server, code);
            offer = o;
            return o.view();
        });
    }

    @Override
    public CompletableFuture<Void> confirmEnrolment(EnrolmentOffer view) {
        return call(() -> {
            Enroller.Offer o = offer;
            if (o == null || !o.view().equals(view)) {
                throw new SyncFailure(SyncFailure.Reason.RESPONSE_INVALID, "no verified enrolment answer matches this offer");
            }
            enroller.confirm(o);
            offer = null;
            cycle[0] = null;
            plan(ctx.now());
            return null;
        });
    }

    @Override
    public CompletableFuture<Void> cancelEnrolment(EnrolmentOffer view) {
        return call(() -> {
            offer = null;
            enroller.cancel();
            return null;
        });
    }

    @Override
    public CompletableFuture<Path> writeEnrolmentRequest(URI server, String code, Path directory) {
        return call(() -> enroller.writeRequestFile(server, code, directory));
    }

    @Override
    public CompletableFuture<EnrolmentOffer> readEnrolmentResponse(Path file) {
        return call(() -> {
            Enroller.Offer o = enroller.readResponseFile(file);
            offer = o;
            return o.view();
        });
    }

    @Override
    public CompletableFuture<UsbResult.Export> exportToUsb(Path directory) {
        return call(() -> new UsbExporter(ctx).export(directory));
    }

    @Override
    public CompletableFuture<UsbResult.Import> importFromUsb(Path replyFile) {
        return call(() -> new UsbReplyImporter(ctx).importReply(replyFile));
    }

    @Override
    public CompletableFuture<RekeyResult> rekey(String actor, Role role) {
        return call(() -> {
            try {
                RekeyResult renewed = new Rekeyer(ctx).renew(actor, role);
                plan(ctx.now());   // the batches re-signed with the new key go up now
                return renewed;
            } catch (CycleFailure f) {
                failed(currentCycle(), f);   // §8.3: stop, or plan the attempt that sends the kept request again
                throw Rekeyer.failure(f);
            }
        });
    }

    @Override
    public CompletableFuture<RestoreResult> restoreFromProvince(boolean all, String actor, Role role) {
        return restoreFromProvince(all, actor, role, RESTORE_PAGE_DOSSIERS);
    }

    /** For tests: with {@code pageSize} dossiers per page, so a few dossiers make several pages. */
    public CompletableFuture<RestoreResult> restoreFromProvince(boolean all, String actor, Role role, int pageSize) {
        return call(() -> {
            try {
                return new ProvinceRestore(ctx, pageSize).restore(all, actor, role);
            } catch (java.io.IOException e) {
                throw new SyncFailure(SyncFailure.Reason.OFFLINE, "the restore was cut off; it goes on from there next time: " + e, e);
            } catch (CycleFailure f) {
                throw Rekeyer.failure(f, "nothing more was restored");
            }
        });
    }

    @Override
    public void close() {
        closed = true;
        store.removeChainListener(onNewEvents);
        // Work still queued will not run (call() checks closed), and no caller may wait for it forever.
        for (CompletableFuture<?> f : java.util.List.copyOf(calls)) {
            if (f != running) {
                f.completeExceptionally(new SyncFailure(SyncFailure.Reason.IO, "the sync engine was closed before this ran"));
            }
        }
        // The step in progress ends first. Its request is cut (the cycle takes that as a dropped link), but the thread
        // is never interrupted: an interrupt inside an H2 write closes the store's file channel, and closing the store
        // afterwards spun forever inside H2 (found by the fault harness, FaultsBenchmark).
        ctx.abortTransfers();
        thread.shutdown();
        try {
            if (!thread.awaitTermination(30, TimeUnit.SECONDS)) {
                LOG.log(System.Logger.Level.WARNING, "the sync step in progress did not end within 30 s of closing");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        for (CompletableFuture<?> f : java.util.List.copyOf(calls)) {
            f.completeExceptionally(new SyncFailure(SyncFailure.Reason.IO, "the sync engine was closed while this ran"));
        }
        ctx.close();
    }

    /** For tests and tools: runs one attempt now on the engine's thread and waits for it; returns the new status. */
    public SyncStatus syncAndWait() {
        return call(() -> {
            cycle(true);
            return board.status();
        }).join();
    }

    /** For tools and tests that need the engine's parts (e.g. the feed, part 2): runs {@code work} on its thread. */
    public <T> CompletableFuture<T> onEngineThread(java.util.function.Function<SyncContext, T> work) {
        return call(() -> work.apply(ctx));
    }

    // --- the work ----------------------------------------------------------------------------------------------

    private void cycle(boolean forced) {
        if (closed) {
            return;
        }
        if (!ctx.enrolled() || store.device() == null) {
            publish();
            return;
        }
        if (ctx.ledger.get(SyncLedger.Key.STOPPED).isPresent()) {
            publish();
            return;
        }
        Optional<Instant> wait = nextAttemptAt();
        if (!forced && wait.isPresent() && wait.get().isAfter(ctx.now())) {
            plan(wait.get());
            return;
        }
        SyncCycle c = currentCycle();
        try {
            c.run(forced);
            ctx.ledger.remove(SyncLedger.Key.FAILURES);
            ctx.ledger.remove(SyncLedger.Key.NEXT_ATTEMPT_AT);
            Optional<String> alert = c.alert();
            if (alert.isPresent()) {
                ctx.ledger.put(SyncLedger.Key.LAST_PROBLEM, SyncProblem.SERVER_LOST_DATA.name() + "|" + alert.get());
            } else {
                ctx.ledger.remove(SyncLedger.Key.LAST_PROBLEM);
            }
            ctx.ledger.put(SyncLedger.Key.LAST_SUCCESS_AT, ctx.now().toString());
            // a product update half downloaded goes on a moment later, after whatever the officers did meanwhile
            plan(ctx.now().plus(c.updateUnfinished() ? UPDATE_PAUSE : config.interval()));
        } catch (CycleFailure f) {
            failed(c, f);
        } catch (RuntimeException e) {
            if (!closed) {  // closing cuts the client under the attempt: the next request fails, nothing is wrong
                LOG.log(System.Logger.Level.ERROR, "sync attempt failed inside this desk", e);
            }
            failed(c, CycleFailure.of(SyncProblem.LOCAL_ERROR, e.getClass().getSimpleName()));
        } finally {
            board.done();
            publish();
        }
    }

    private SyncCycle currentCycle() {
        return cycle[0] == null ? (cycle[0] = new SyncCycle(ctx)) : cycle[0];
    }

    private void failed(SyncCycle c, CycleFailure f) {
        if (closed) {
            // the desk is closing and cut this attempt itself: nothing to tell the officer, no back-off to keep
            LOG.log(System.Logger.Level.INFO, "sync attempt ended by closing the desk: " + f.getMessage());
            return;
        }
        LOG.log(System.Logger.Level.INFO, "sync attempt ended: " + f.getMessage());
        ctx.ledger.put(SyncLedger.Key.LAST_PROBLEM, f.problem().name() + "|" + f.detail());
        if (!f.problem().retries()) {
            if (f.problem() != SyncProblem.NOT_ENROLLED) {
                ctx.ledger.put(SyncLedger.Key.STOPPED, f.problem().name());
            }
            return;
        }
        if (f.madeProgress()) {
            ctx.ledger.remove(SyncLedger.Key.FAILURES);
        }
        int failures = ctx.ledger.get(SyncLedger.Key.FAILURES).map(Integer::parseInt).orElse(0);
        if (f.countsAsFailure()) {
            failures++;
            ctx.ledger.put(SyncLedger.Key.FAILURES, Integer.toString(failures));
            c.target().failed();
        }
        Duration delay = f.retryAfter().orElse(backoff(Math.max(1, failures)));
        Instant next = ctx.now().plus(delay);
        ctx.ledger.put(SyncLedger.Key.NEXT_ATTEMPT_AT, next.toString());
        plan(next);
    }

    /** 1 s doubling to 5 min, ±20 % jitter. */
    static Duration backoff(int failures) {
        long base = BACKOFF_FIRST.toMillis() << Math.min(failures - 1, 20);
        long capped = Math.min(base, BACKOFF_MAX.toMillis());
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) (capped * jitter));
    }

    private Optional<Instant> nextAttemptAt() {
        return ctx.ledger.get(SyncLedger.Key.NEXT_ATTEMPT_AT).map(Instant::parse);
    }

    /**
     * A planned attempt forgets that it was planned before it runs: the attempt plans its successor (the retry after a
     * failure, the next interval after a success), and a plan still "pending" would make plan() skip that as later.
     */
    private void plannedCycle() {
        planned = null;
        plannedAt = null;
        cycle(false);
    }

    /** Plans the next attempt at {@code when}, unless one is already planned earlier. Engine thread only. */
    private void plan(Instant when) {
        if (closed || !started) {
            return;
        }
        if (planned != null && !planned.isDone() && plannedAt != null && !plannedAt.isAfter(when)) {
            return;
        }
        if (planned != null) {
            planned.cancel(false);
        }
        long delay = Math.max(0, Duration.between(ctx.now(), when).toMillis());
        plannedAt = when;
        planned = thread.schedule(this::plannedCycle, delay, TimeUnit.MILLISECONDS);
    }

    private void submit(Runnable r) {
        if (!closed) {
            try {
                thread.execute(r);
            } catch (java.util.concurrent.RejectedExecutionException e) {
                // closing
            }
        }
    }

    /** Work the officer started; failures come back as {@link SyncFailure}. */
    private <T> CompletableFuture<T> call(Work<T> work) {
        CompletableFuture<T> f = new CompletableFuture<>();
        calls.add(f);
        f.whenComplete((r, t) -> calls.remove(f));
        try {
            thread.execute(() -> {
                if (closed) {
                    f.completeExceptionally(new SyncFailure(SyncFailure.Reason.IO, "the sync engine was closed before this ran"));
                    return;
                }
                T result = null;
                Throwable failure = null;
                running = f;
                try {
                    result = work.run();
                } catch (Throwable t) {
                    failure = t;
                } finally {
                    running = null;
                }
                publish();  // before completing: a caller that joins sees the new status
                if (failure == null) {
                    f.complete(result);
                } else {
                    f.completeExceptionally(failure);
                }
            });
        } catch (java.util.concurrent.RejectedExecutionException e) {
            f.completeExceptionally(new SyncFailure(SyncFailure.Reason.IO, "the sync engine is closed"));
        }
        return f;
    }

    @FunctionalInterface
    private interface Work<T> {
        T run() throws Exception;
    }

    private void publish() {
        board.publish();
    }

}
