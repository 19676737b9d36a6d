package org.motcua.sync.internal;

/**
 * Sizes blob chunks (§8.2 step 2: start at {@code recommendedChunkBytes}, adapt) for a link that drops. A chunk cut
 * mid-way is lost whole (§6.7), and every chunk costs a round trip for its answer, so small chunks waste round trips and
 * large ones waste what a drop cuts off. The planner learns four things from the uploads themselves:
 * <ul>
 * <li>the link's throughput (bytes of stored chunks over their time less a round trip);
 * <li>the round trip (from {@code HEAD}s);
 * <li>how long the link tends to stay up after it comes back (from the first request after a drop to the next drop,
 * averaged; raised whenever the link outlives it);
 * <li>the time between drops: a link cut on a clock is cut on time however late the desk came back, so a desk slowed
 * by a busy PC plans by whichever of the two ends sooner.
 * </ul>
 * Until the first drop the size doubles after each stored chunk and halves after a failure, like the batch size. Once
 * a drop was seen, each chunk is sized so that its body reaches the server just before the link is expected to drop
 * again. Its answer may then be lost with the link: that costs nothing, since every cut is followed by a {@code HEAD}
 * (§8.2), which tells whether the chunk arrived ({@link #cutChunk}). When too little time is left for that, a
 * full-size chunk goes anyway (the link may stay up longer, and a cut then wastes no more time than waiting would).
 */
final class ChunkPlanner {

    static final long MIN_CHUNK = 1024;
    /**
     * Plan to finish within this share of the expected up-time, so an up-time a little shorter than usual does not cut
     * the chunk; lowered whenever a drop cuts a chunk planned to fit before the chunk arrived, raised a little after each
     * one that arrived. A drop costs the cut chunk whole, so the margin falls ten times faster than it rises.
     */
    private double margin = 0.9;
    private static final double MAX_MARGIN = 0.97;
    /**
     * A chunk whose transfer took less than this tells little about the throughput: its time is mostly the round trip,
     * and an error in that estimate would make it look many times faster than the link (then the next planned chunk is
     * too large, and the drop takes it whole).
     */
    private static final double MIN_SAMPLE_SECONDS = 2;
    /** The longest first interval between two drops taken as the link's period (longer: the upload was idle between). */
    private static final double MAX_PERIOD_SECONDS = 300;

    private final long max;
    private long chunk;
    private double bytesPerSecond;
    private double roundTripSeconds = -1;
    private double upSeconds = -1;
    private long upSinceNanos;
    /** The last drop seen, and the time between drops seen one after another (averaged). */
    private long lastDropNanos = -1;
    private double periodSeconds = -1;
    private boolean linkFresh = true;
    private boolean planned;
    /** A drop cut a planned chunk; whether its body had arrived is known after the next {@code HEAD}. */
    private boolean cutUnresolved;

    ChunkPlanner(long recommended, long max) {
        this.max = max;
        this.chunk = Math.min(Math.max(MIN_CHUNK, recommended), max);
    }

    /**
     * The link has been up since {@code upSinceNanos}: the start of the first request after the last drop, whichever
     * request it was (a limits or health look-up may come before the blob's own requests, and the link's up-time runs
     * from it). A later start than the one known means a drop this planner did not see (a batch's request was cut).
     */
    void linkInUse(long upSinceNanos) {
        if (linkFresh || upSinceNanos > this.upSinceNanos) {
            this.upSinceNanos = upSinceNanos;
            linkFresh = false;
        }
    }

    /** A request without a body (a {@code HEAD}) took {@code nanos}: one round trip. */
    void roundTrip(long nanos) {
        double s = nanos / 1e9;
        roundTripSeconds = roundTripSeconds < 0 ? s : 0.5 * roundTripSeconds + 0.5 * s;
    }

    /** The size of the next chunk at {@code nowNanos}. */
    long next(long nowNanos) {
        if (upSeconds < 0 || bytesPerSecond <= 0) {
            return chunk;
        }
        double oneWay = Math.max(0, roundTripSeconds) / 2;   // the body must arrive; its answer may be lost
        double left = upSeconds * margin - (nowNanos - upSinceNanos) / 1e9;
        if (periodSeconds > 0) {
            left = Math.min(left, periodSeconds * margin - (nowNanos - lastDropNanos) / 1e9);
        }
        left -= oneWay;
        long fits = (long) (left * bytesPerSecond);
        planned = fits >= chunk / 4;
        if (!planned) {
            return chunk;   // too little time left for a useful chunk: try a normal one, the link may hold
        }
        return Math.min(max, Math.max(MIN_CHUNK, fits));
    }

    /** A chunk of {@code bytes} was stored; its request took {@code nanos}, at {@code nowNanos}. */
    void stored(long bytes, long nanos, long nowNanos) {
        double seconds = nanos / 1e9 - Math.max(0, roundTripSeconds);
        if (seconds >= MIN_SAMPLE_SECONDS || bytesPerSecond <= 0) {
            double rate = bytes / Math.max(0.05, seconds);
            bytesPerSecond = bytesPerSecond <= 0 ? rate : 0.5 * bytesPerSecond + 0.5 * rate;
        }
        double up = (nowNanos - upSinceNanos) / 1e9;
        if (upSeconds >= 0 && up > upSeconds) {
            upSeconds = up;   // the link held longer than it used to
        }
        if (upSeconds < 0) {
            chunk = Math.min(max, Math.max(chunk, bytes) * 2);
        }
        if (planned) {
            arrived(true);
            planned = false;
        }
    }

    /**
     * After a drop, the {@code HEAD} of the blob whose chunk was in flight showed whether that chunk had arrived (its
     * answer was what the drop cut) or was lost with the link.
     */
    void cutChunk(boolean chunkArrived) {
        if (cutUnresolved) {
            cutUnresolved = false;
            arrived(chunkArrived);
        }
    }

    private void arrived(boolean arrived) {
        margin = arrived ? Math.min(MAX_MARGIN, margin + 0.01) : Math.max(0.5, margin - 0.1);
    }

    /** The server refused a chunk that arrived (a digest mismatch): smaller, the link itself is fine. */
    void refused() {
        chunk = Math.max(MIN_CHUNK, chunk / 2);
    }

    /** The link dropped at {@code nowNanos}. */
    void dropped(long nowNanos) {
        double up = (nowNanos - upSinceNanos) / 1e9;
        upSeconds = upSeconds < 0 ? up : 0.5 * upSeconds + 0.5 * up;
        if (lastDropNanos >= 0) {
            double interval = (nowNanos - lastDropNanos) / 1e9;
            // an interval with drops unseen in it (nothing was being sent) says little: only near-consecutive ones count
            if (periodSeconds < 0 ? interval <= MAX_PERIOD_SECONDS : interval <= 1.5 * periodSeconds) {
                periodSeconds = periodSeconds < 0 ? interval : 0.5 * periodSeconds + 0.5 * interval;
            }
        }
        lastDropNanos = nowNanos;
        chunk = Math.max(MIN_CHUNK, chunk / 2);
        cutUnresolved = planned;   // the HEAD that follows tells whether the link went sooner than planned for
        planned = false;
        linkFresh = true;
    }
}
