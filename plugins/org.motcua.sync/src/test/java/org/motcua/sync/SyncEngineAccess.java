package org.motcua.sync;

import java.time.Duration;

/** Reaches the engine's package-private back-off formula for its test. */
final class SyncEngineAccess {

    private SyncEngineAccess() {
    }

    static Duration backoff(int failures) {
        return SyncEngine.backoff(failures);
    }
}
