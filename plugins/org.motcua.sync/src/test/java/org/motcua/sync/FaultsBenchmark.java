package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The end-to-end fault harness at full length (not a test: {@code ./motcua bench faults}): 1,000 seeded schedules
 * ({@code MOTCUA_FAULTS_SCHEDULES} or {@code -Dmotcua.faults.schedules} changes it; {@code -Dmotcua.faults.seed}
 * replays from a first seed) of desks working and syncing through the fault proxy with the {@link Nemesis} striking
 * once in most schedules, against two province server instances on one PostgreSQL ({@code -Dmotcua.faults.h2=true}:
 * one instance on the embedded H2), then the set checker over the final state of every desk and of the province. Prints what
 * it counted as {@code BENCH faults.*} lines, every schedule's seed and what struck in it, and fails when a count is
 * not zero.
 */
class FaultsBenchmark {

    private static final String UNIT = "000.00.12.H99";
    private static final int DESKS = 3;
    /** The province is audited after this many schedules (and after the last). */
    private static final int CHECK_EVERY = 100;

    @Test
    void faultsEndToEnd() throws Exception {
        int schedules = Integer.getInteger("motcua.faults.schedules", 1000);
        long base = Long.getLong("motcua.faults.seed", System.nanoTime());
        long started = System.nanoTime();
        SetChecker.Result r = null;
        int ran = 0;
        try (FaultHarness h = FaultHarness.start(UNIT, DESKS, !Boolean.getBoolean("motcua.faults.h2"))) {
            for (int s = 0; s < schedules; s++) {
                long seed = base + s;
                String struck = h.runSchedule(seed, true);
                ran++;
                System.out.println("faults: schedule " + (s + 1) + " seed " + seed + " nemesis: " + struck);
                if (s % CHECK_EVERY == CHECK_EVERY - 1 || s == schedules - 1) {
                    r = h.check();
                    System.out.println("faults: " + (s + 1) + " schedules (first seed " + base + "), " + h.nemesis.summary()
                            + ", " + h.proxy.connections() + " connections, " + h.proxy.resets() + " reset, " + r.summary());
                    if (!r.clean()) {
                        break;
                    }
                }
            }
        }
        double seconds = (System.nanoTime() - started) / 1e9;
        System.out.println("BENCH faults.schedules " + ran + " schedules");
        System.out.println("BENCH faults.lost " + r.lost().size() + " events");
        System.out.println("BENCH faults.duplicated " + r.duplicated().size() + " events");
        System.out.println("BENCH faults.unexpected " + r.unexpected().size() + " events");
        System.out.println("BENCH faults.codes_reused " + r.codesReused().size() + " codes");
        System.out.println("BENCH faults.chains_broken " + r.brokenChains().size() + " chains");
        System.out.println("BENCH faults.seconds " + String.format(java.util.Locale.ROOT, "%.1f", seconds) + " s");
        assertTrue(r.clean(), "first seed " + base + ": " + r.summary());
    }
}
