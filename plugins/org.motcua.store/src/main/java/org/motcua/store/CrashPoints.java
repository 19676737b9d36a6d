package org.motcua.store;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash points for the reliability suite, off unless the JVM is started with {@code -Dmotcua.crashPoint=NAME:N}: the
 * N-th time this process reaches the point NAME it halts at once (no shutdown hook, no close of the store), as a
 * SIGKILL would end it, but at an exact place of {@link Store#write}. Nothing in the product sets the property.
 */
final class CrashPoints {

    /** A write transaction's statements done, its commit not yet. */
    static final String BEFORE_COMMIT = "store-before-commit";
    /** Committed, not yet forced to disk ({@code CHECKPOINT SYNC}). */
    static final String BEFORE_SYNC = "store-before-sync";
    /** Forced to disk, not yet returned to the caller (who acknowledges it to the officer). */
    static final String AFTER_SYNC = "store-after-sync";

    private static final String ARMED = System.getProperty("motcua.crashPoint", "");
    private static final AtomicLong REACHED = new AtomicLong();

    private CrashPoints() {
    }

    /** Halts the process if {@code point} is the armed one and this is its armed occurrence. */
    static void reach(String point) {
        if (!ARMED.isEmpty() && ARMED.startsWith(point + ":")
                && REACHED.incrementAndGet() == Long.parseLong(ARMED.substring(point.length() + 1))) {
            System.out.println("MOTCUA-CRASH-POINT " + ARMED);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
