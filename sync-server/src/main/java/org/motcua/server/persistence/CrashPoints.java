package org.motcua.server.persistence;

import java.util.concurrent.atomic.AtomicLong;

/**
 * Crash points for the reliability suite, off unless the JVM is started with {@code -Dmotcua.crashPoint=NAME:N}: the
 * N-th time this process reaches the point NAME it halts at once, with no shutdown hook and no orderly close of its
 * database, as a SIGKILL or the OOM killer would end it, but at an exact place rather than a random moment. The suite
 * then restarts the server on the same data and checks that nothing acknowledged was lost and nothing half-written
 * stays. No setting, file or command line of the product names them; a server started without the property never
 * halts here.
 */
public final class CrashPoints {

    /** Every write of a batch's ingest transaction done, its commit not yet. */
    public static final String INGEST_BEFORE_COMMIT = "ingest-before-commit";
    /** A batch's ingest committed, its receipt not yet answered. */
    public static final String INGEST_AFTER_COMMIT = "ingest-after-commit";

    private static final String ARMED = System.getProperty("motcua.crashPoint", "");
    private static final AtomicLong REACHED = new AtomicLong();

    private CrashPoints() {
    }

    /** Halts the process if {@code point} is the armed one and this is its armed occurrence. */
    public static void reach(String point) {
        if (ARMED.isEmpty() || !ARMED.startsWith(point + ":")) {
            return;
        }
        if (REACHED.incrementAndGet() == Long.parseLong(ARMED.substring(point.length() + 1))) {
            System.out.println("MOTCUA-CRASH-POINT " + ARMED);
            System.out.flush();
            Runtime.getRuntime().halt(137);
        }
    }
}
