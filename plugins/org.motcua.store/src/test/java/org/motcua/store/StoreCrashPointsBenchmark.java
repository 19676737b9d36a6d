package org.motcua.store;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The desk's crash points at length (not a test: {@code ./motcua bench faults}): halted at each of its first
 * 20 ({@code -Dmotcua.crash.writes} in the test JVM) store writes at each point of a write ({@link StoreCrashPoints}). Every
 * point is checked as it passes (a lost or half-written dossier fails the run), then {@code BENCH crash.desk_points}
 * and {@code BENCH crash.desk_lost} are printed.
 */
class StoreCrashPointsBenchmark {

    @TempDir
    Path dir;

    @Test
    void deskCrashPoints() throws Exception {
        int writes = Integer.getInteger("motcua.crash.writes", 20);
        long start = System.nanoTime();
        StoreCrashPoints.Run run = StoreCrashPoints.run(dir, writes);
        System.out.println("BENCH crash.desk_points " + run.points() + " points");
        System.out.println("desk crash points: " + run.acknowledged() + " dossiers acknowledged in all, every one found whole");
        System.out.println("BENCH crash.desk_lost 0 dossiers");
        System.out.println("BENCH crash.desk_seconds " + String.format(Locale.ROOT, "%.1f", (System.nanoTime() - start) / 1e9) + " s");
    }
}
