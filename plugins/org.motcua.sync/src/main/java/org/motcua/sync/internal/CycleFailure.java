package org.motcua.sync.internal;

import java.time.Duration;
import java.util.Optional;
import org.motcua.sync.SyncProblem;

/**
 * Ends a sync cycle: why, and when to try again. {@link #countsAsFailure()} says whether the back-off doubles and the
 * batch size halves (a lost link does; a server asking us to wait a given time does not).
 */
public final class CycleFailure extends Exception {

    private static final long serialVersionUID = 1L;

    private final SyncProblem problem;
    private final String detail;
    private final Optional<Duration> retryAfter;
    private final boolean countsAsFailure;
    private final boolean madeProgress;

    public CycleFailure(SyncProblem problem, String detail, Optional<Duration> retryAfter, boolean countsAsFailure) {
        this(problem, detail, retryAfter, countsAsFailure, false);
    }

    private CycleFailure(SyncProblem problem, String detail, Optional<Duration> retryAfter, boolean countsAsFailure,
            boolean madeProgress) {
        super(problem + ": " + detail, null, false, false);
        this.madeProgress = madeProgress;
        this.problem = problem;
        this.detail = detail;
        this.retryAfter = retryAfter;
        this.countsAsFailure = countsAsFailure;
    }

    /**
     * The link dropped after the attempt moved an upload on: not a failure (the back-off starts again from its first
     * step), and the next attempt follows after {@code resumeAfter}.
     */
    public static CycleFailure droppedAfterProgress(String detail, Duration resumeAfter) {
        return new CycleFailure(SyncProblem.OFFLINE, detail, Optional.of(resumeAfter), false, true);
    }

    public static CycleFailure offline(String detail) {
        return new CycleFailure(SyncProblem.OFFLINE, detail, Optional.empty(), true);
    }

    /**
     * No usable answer: a refused or cut connection, a timeout (offline), or a TLS failure — a certificate not from the
     * pinned CA or not naming the host (possible interception).
     */
    public static CycleFailure io(java.io.IOException e) {
        String detail = e.getClass().getSimpleName() + ": " + e.getMessage();
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof javax.net.ssl.SSLHandshakeException || t instanceof javax.net.ssl.SSLPeerUnverifiedException) {
                return new CycleFailure(SyncProblem.TLS_UNTRUSTED, detail, Optional.empty(), true);
            }
        }
        return offline(detail);
    }

    public static CycleFailure of(SyncProblem problem, String detail) {
        return new CycleFailure(problem, detail, Optional.empty(), true);
    }

    public SyncProblem problem() {
        return problem;
    }

    public String detail() {
        return detail;
    }

    public Optional<Duration> retryAfter() {
        return retryAfter;
    }

    public boolean countsAsFailure() {
        return countsAsFailure;
    }

    public boolean madeProgress() {
        return madeProgress;
    }
}
