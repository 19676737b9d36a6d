package org.motcua.sync.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.Store;
import org.motcua.store.sync.SyncLedger;
import org.motcua.sync.SyncListener;
import org.motcua.sync.SyncProblem;
import org.motcua.sync.SyncStatus;

/**
 * The engine's published state: the last {@link SyncStatus} snapshot, the upload in progress and the listeners. A
 * snapshot reads the store (waiting events, settings); progress alone only swaps the attempt into the last snapshot,
 * at most five times a second, so a progress bar costs no database reads.
 */
public final class StatusBoard implements SyncContext.Progress {

    private static final System.Logger LOG = System.getLogger(StatusBoard.class.getName());
    private static final long PROGRESS_EVERY_NANOS = 200_000_000L;

    private final Store store;
    private final List<SyncListener> listeners = new CopyOnWriteArrayList<>();
    private SyncContext ctx;
    private volatile SyncStatus.Attempt attempt;
    private volatile SyncStatus status;
    private long lastProgress;

    public StatusBoard(Store store) {
        this.store = store;
    }

    /** Binds the context the snapshots are read from (made after the board, which it reports progress to). */
    public void bind(SyncContext context) {
        this.ctx = context;
        this.status = snapshot();
    }

    public SyncStatus status() {
        return status;
    }

    public void addListener(SyncListener l) {
        listeners.add(l);
    }

    public void removeListener(SyncListener l) {
        listeners.remove(l);
    }

    @Override
    public void uploading(SyncStatus.Attempt.Kind kind, long sent, long total) {
        attempt = new SyncStatus.Attempt(kind, sent, total);
        long now = System.nanoTime();
        if (now - lastProgress < PROGRESS_EVERY_NANOS) {
            return;
        }
        lastProgress = now;
        SyncStatus s = status;
        tell(new SyncStatus(s.enrolled(), s.unitCode(), s.unitName(), s.deviceNumber(), s.lastSuccess(), s.eventsWaiting(),
                s.rejectedEvents(), Optional.ofNullable(attempt), s.nextAttempt(), s.problem(), s.problemDetail(), s.clockSkew(),
                s.clockWarning(), s.restoredFromOlderCopy()));
    }

    @Override
    public void done() {
        attempt = null;
    }

    /** A new snapshot from the store, told to every listener. */
    public void publish() {
        tell(snapshot());
    }

    private void tell(SyncStatus s) {
        status = s;
        for (SyncListener l : listeners) {
            try {
                l.changed(s);
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a sync listener failed", e);
            }
        }
    }

    private SyncStatus snapshot() {
        DeviceIdentity d = store.device();
        Optional<String> problem = ctx.ledger.get(SyncLedger.Key.LAST_PROBLEM);
        Optional<SyncProblem> p = problem.map(v -> SyncProblem.valueOf(v.substring(0, v.indexOf('|'))));
        String detail = problem.map(v -> v.substring(v.indexOf('|') + 1)).orElse("");
        if (!ctx.enrolled()) {
            p = Optional.of(SyncProblem.NOT_ENROLLED);
        }
        Optional<Duration> skew = ctx.ledger.get(SyncLedger.Key.CLOCK_SKEW_MILLIS).map(Long::parseLong).map(Duration::ofMillis);
        long tolerance = ctx.limits().clockSkewToleranceSeconds();
        boolean warn = skew.map(s -> Math.abs(s.toSeconds()) > tolerance).orElse(false);
        return new SyncStatus(ctx.enrolled(), d.unitCode(), d.unitName(), d.deviceNumber(),
                ctx.ledger.get(SyncLedger.Key.LAST_SUCCESS_AT).map(Instant::parse), ctx.outbox.waiting(),
                ctx.outbox.rejectedCount(), Optional.ofNullable(attempt),
                ctx.ledger.get(SyncLedger.Key.NEXT_ATTEMPT_AT).map(Instant::parse), p, detail, skew, warn,
                store.restoredFromOlderCopy());
    }
}
