package org.motcua.sync;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * An immutable snapshot of the desk's sync state for the UI ({@link SyncService#status()}, and with every change to a
 * {@link SyncListener}).
 *
 * @param enrolled          whether the device holds a certificate from the province
 * @param unitCode          the unit (commune) code, e.g. {@code 000.17.22.H56}
 * @param unitName          the unit's name as the server gave it at enrolment (or as set up before)
 * @param deviceNumber      1..9 within the unit (decides the dossier number range)
 * @param lastSuccess       when the last sync completed without a problem
 * @param eventsWaiting     events the province does not have yet (not covered by a verified receipt)
 * @param rejectedEvents    events the province rejected for good: the operator must see them
 * @param attempt           the upload in progress, for a progress bar
 * @param nextAttempt       when the next attempt is due (after a failure: the back-off time)
 * @param problem           the last problem, if the last attempt did not succeed; {@link SyncProblem#retries()} says
 *                          whether the engine keeps trying
 * @param problemDetail     a short technical detail for support (a problem name the server gave, an unknown reason);
 *                          never a secret
 * @param clockSkew         the desk's clock minus the server's, from the last verified document
 * @param clockWarning      true when that skew exceeds the server's tolerance: the operator should fix the clock
 * @param restoredFromOlderCopy true when the database was found restored from an older copy at start (new epoch)
 */
public record SyncStatus(boolean enrolled, String unitCode, String unitName, int deviceNumber,
        Optional<Instant> lastSuccess, long eventsWaiting, long rejectedEvents, Optional<Attempt> attempt,
        Optional<Instant> nextAttempt, Optional<SyncProblem> problem, String problemDetail, Optional<Duration> clockSkew,
        boolean clockWarning, boolean restoredFromOlderCopy) {

    /** An upload in progress: what is being sent and how far it got. */
    public record Attempt(Kind kind, long bytesSent, long bytesTotal) {
        public enum Kind {
            /** A batch of events. */
            BATCH,
            /** An attachment, chunk by chunk. */
            BLOB
        }
    }

    /** True when syncing waits for an operator (revoked, unknown device, identity in use, client defect). */
    public boolean stopped() {
        return problem.map(p -> !p.retries()).orElse(false);
    }
}
