package org.motcua.sync.faults;

import java.util.concurrent.TimeUnit;

/** A link's bandwidth in one direction, shared by every connection: each byte takes 1/rate seconds of the link. */
final class Throttle {

    private final long bytesPerSecond;
    private long nextFreeNanos;

    Throttle(long bytesPerSecond) {
        this.bytesPerSecond = bytesPerSecond;
    }

    void acquire(int bytes) throws InterruptedException {
        if (bytesPerSecond <= 0) {
            return;
        }
        long until;
        synchronized (this) {
            long now = System.nanoTime();
            long start = Math.max(now, nextFreeNanos);
            nextFreeNanos = start + bytes * 1_000_000_000L / bytesPerSecond;
            until = nextFreeNanos;
        }
        long wait = until - System.nanoTime();
        if (wait > 0) {
            TimeUnit.NANOSECONDS.sleep(wait);
        }
    }
}
