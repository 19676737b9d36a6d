package org.motcua.server.api;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;

/**
 * Fixed-window counters per key (a device, a client address), in memory and per instance: with several instances a
 * client can get up to N times the limit, which is acceptable for abuse protection; nothing about correctness depends
 * on it. A full window answers 429 {@code rate-limited} with the seconds until it ends.
 */
public final class RateLimiter {

    private final String name;
    private final int limit;
    private final Duration window;
    private final Clock clock;
    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    private static final class Window {
        long start;
        int count;
    }

    public RateLimiter(String name, int limit, Duration window, Clock clock) {
        this.name = name;
        this.limit = limit;
        this.window = window;
        this.clock = clock;
    }

    /** Counts one request of {@code key}; throws when the key's window is full. */
    public void acquire(String key) throws Rejection {
        long now = clock.millis();
        long windowMs = window.toMillis();
        if (windows.size() > 100_000) {
            windows.values().removeIf(w -> now - w.start >= windowMs);
        }
        Window w = windows.computeIfAbsent(key, k -> new Window());
        long retryAfterMs;
        synchronized (w) {
            if (now - w.start >= windowMs) {
                w.start = now;
                w.count = 0;
            }
            if (w.count < limit) {
                w.count++;
                return;
            }
            retryAfterMs = w.start + windowMs - now;
        }
        throw Rejection.of(ProblemType.RATE_LIMITED, "Rate limited", "More than " + limit + " " + name + " per "
                + window.toSeconds() + " s; wait and send the same bytes again.").retryAfter((retryAfterMs + 999) / 1000);
    }
}
