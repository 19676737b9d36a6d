package org.motcua.sync.internal;

/**
 * How fast the link carried this desk's last acknowledged batches, so that after a drop the sender can tell whether a
 * batch's body can have reached the server at all. The socket takes a whole batch into its buffers at once, so "all
 * bytes written" says nothing on a slow link; time does: a body of 32 KB cannot have crossed a 4 KB/s link 1.6 s after
 * the request began, so the server cannot hold it, and asking {@code state} first (a session and a state: two round
 * trips, 4 s on a commune link) would only confirm it. The rate is measured over whole requests (round trip included,
 * so it errs low) and the body counts as possibly arrived as soon as the link would have needed to be {@link #MARGIN}
 * times faster. A wrong guess costs bytes, never data: the same bytes go again under the same idempotency key, and a
 * server that committed them answers with the stored receipt.
 */
final class UploadPace {

    /** How many times faster than measured the link must not be able to go between two batches (2–8 KB/s links). */
    static final double MARGIN = 4;
    /** A request shorter than this is mostly its round trip and says little about the link's rate. */
    private static final long MIN_SAMPLE_NANOS = 2_000_000_000L;

    private double bytesPerSecond = -1;

    /** A batch of {@code bytes} on the wire was acknowledged {@code nanos} after its request began. */
    void acknowledged(long bytes, long nanos) {
        if (nanos < MIN_SAMPLE_NANOS) {
            return;
        }
        double rate = bytes / (nanos / 1e9);
        bytesPerSecond = bytesPerSecond < 0 ? rate : 0.5 * bytesPerSecond + 0.5 * rate;
    }

    /** Whether a body of {@code bytes} whose request began {@code nanos} ago cannot all be at the server yet. */
    boolean cannotHaveArrived(long bytes, long nanos) {
        return bytesPerSecond > 0 && nanos / 1e9 < bytes / (MARGIN * bytesPerSecond);
    }
}
