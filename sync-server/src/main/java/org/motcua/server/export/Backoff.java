package org.motcua.server.export;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * Exponential back-off with jitter: the n-th failure in a row waits a random time between half and all of
 * {@code base × 2^(n-1)}, capped at {@code max}. The jitter spreads the retries of several instances (and of many
 * records that failed together while the portal was down) instead of sending them all again at the same instant.
 */
public record Backoff(Duration base, Duration max, DoubleSupplier random) {

    public static Backoff standard() {
        return new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30), Math::random);
    }

    /** The wait after {@code failures} failures in a row (at least 1). */
    public Duration after(int failures) {
        int doublings = Math.min(Math.max(failures, 1) - 1, 30);
        long ceiling = Math.min(max.toMillis(), base.toMillis() << doublings);
        long wait = ceiling / 2 + (long) (random.getAsDouble() * (ceiling - ceiling / 2));
        return Duration.ofMillis(Math.min(wait, max.toMillis()));
    }
}
