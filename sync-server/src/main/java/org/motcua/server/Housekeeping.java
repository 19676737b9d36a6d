package org.motcua.server;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Daily clean-up of one running instance: partial uploads untouched for {@code partialUploadTtlDays} (§6.7) and
 * sessions a day past their expiry,
 * officers' web sessions and login counts that are over. Safe with several instances: each deletion is idempotent.
 */
final class Housekeeping implements AutoCloseable {

    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "motcua-housekeeping");
        t.setDaemon(true);
        return t;
    });

    Housekeeping(ServerServices services) {
        timer.scheduleWithFixedDelay(() -> {
            try {
                int uploads = services.blobs.deleteAbandoned();
                int sessions = services.sessions.purgeExpired();
                int officers = services.officerSessions.purgeExpired();
                services.lookupThrottle.purge();
                if (uploads + sessions + officers > 0) {
                    System.out.println("housekeeping: deleted " + uploads + " abandoned upload(s), " + sessions + " expired session(s), "
                            + officers + " expired officer session(s) and login counts");
                }
            } catch (Rejection | RuntimeException e) {
                System.err.println("housekeeping failed: " + e.getClass().getName());
            }
        }, 10, 24 * 60, TimeUnit.MINUTES);
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
