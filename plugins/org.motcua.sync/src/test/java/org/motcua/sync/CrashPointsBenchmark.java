package org.motcua.sync;

import java.util.Locale;
import org.junit.jupiter.api.Test;

/**
 * The province's crash points at length (not a test: {@code ./motcua bench faults}): halted before and after each of
 * its first {@code motcua.crash.commits} (default 10) ingest commits, restarted each time on the same data
 * ({@link ServerCrashPoints}). Prints {@code BENCH crash.points} and {@code BENCH crash.lost} with the other counts, and
 * fails when one is not zero.
 */
class CrashPointsBenchmark {

    @Test
    void provinceCrashPoints() throws Exception {
        int commits = Integer.getInteger("motcua.crash.commits", 10);
        long seed = Long.getLong("motcua.crash.seed", System.nanoTime());
        long start = System.nanoTime();
        ServerCrashPoints.Run run = ServerCrashPoints.run(commits, seed);
        double seconds = (System.nanoTime() - start) / 1e9;
        SetChecker.Result r = run.result();
        System.out.println("crash points: seed " + seed + ", " + r.summary() + ", missed " + run.missed());
        System.out.println("BENCH crash.points " + run.points() + " points");
        System.out.println("BENCH crash.lost " + r.lost().size() + " events");
        System.out.println("BENCH crash.duplicated " + r.duplicated().size() + " events");
        System.out.println("BENCH crash.chains_broken " + r.brokenChains().size() + " chains");
        System.out.println("BENCH crash.resent_committed_bytes " + run.resentCommittedBytes() + " B");
        System.out.println("BENCH crash.seconds " + String.format(Locale.ROOT, "%.1f", seconds) + " s");
        if (!r.clean() || !run.missed().isEmpty() || run.resentCommittedBytes() != 0 || r.acknowledged() != r.stored()) {
            throw new AssertionError("seed " + seed + ": " + r.summary() + ", missed " + run.missed() + ", resent "
                    + run.resentCommittedBytes() + " B");
        }
    }
}
