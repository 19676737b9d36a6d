package org.motcua.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import org.junit.jupiter.api.Test;
import org.motcua.server.testing.Backend;

/**
 * {@code ./motcua bench fuzz}: the full fuzzing run, {@value #CASES_PER_ROUTE} generated requests for every route of the
 * server on an H2 file, then {@value #POSTGRES_CASES_PER_ROUTE} per route on PostgreSQL (the same code over the other
 * database; {@code -Dmotcua.fuzz.postgresCases=0} skips it). Not part of the normal test run (the class name does not
 * match surefire's patterns). Prints {@code BENCH fuzz.cases}, {@code fuzz.5xx}, {@code fuzz.stored_from_bad_input} (the
 * sums over both databases), the oracle's other findings, the heap's peak and the time taken; every finding goes to
 * target/fuzz-findings.txt with its replay seed, and the run fails when there is one.
 */
class HttpFuzzBenchmark {

    static final int CASES_PER_ROUTE = Integer.getInteger("motcua.fuzz.cases", 10_000);
    static final int POSTGRES_CASES_PER_ROUTE = Integer.getInteger("motcua.fuzz.postgresCases", 500);

    @Test
    void fuzzEveryRoute() throws Exception {
        long seed = Long.getLong("motcua.fuzz.seed", new SecureRandom().nextLong());
        System.out.println("fuzz seed " + seed);
        long start = System.nanoTime();
        // PostgreSQL first: the shorter run, so a broken fixture shows before the long one.
        HttpFuzzer.Tally pg = POSTGRES_CASES_PER_ROUTE > 0 ? run(Backend.POSTGRESQL, POSTGRES_CASES_PER_ROUTE, seed) : new HttpFuzzer.Tally();
        HttpFuzzer.Tally h2 = run(Backend.H2, CASES_PER_ROUTE, seed);
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        System.out.println("BENCH fuzz.routes " + h2.casesPerRoute.size() + " routes");
        System.out.println("BENCH fuzz.cases_per_route " + CASES_PER_ROUTE + " requests");
        System.out.println("BENCH fuzz.cases " + (h2.cases + pg.cases) + " requests");
        System.out.println("BENCH fuzz.cases.postgresql " + pg.cases + " requests");
        System.out.println("BENCH fuzz.5xx " + (h2.serverErrors + pg.serverErrors) + " answers");
        System.out.println("BENCH fuzz.stored_from_bad_input " + (h2.storedFromBadInput + pg.storedFromBadInput) + " requests");
        System.out.println("BENCH fuzz.findings " + (h2.findingCount + pg.findingCount) + " requests");
        System.out.println("BENCH fuzz.refused " + (h2.refused + pg.refused) + " requests");
        System.out.println("BENCH fuzz.heap_peak " + Math.max(h2.heapPeakBytes, pg.heapPeakBytes) / (1024 * 1024) + " MiB");
        System.out.println("BENCH fuzz.duration " + seconds + " s");
        System.out.println("fuzz statuses H2 " + h2.statuses + ", PostgreSQL " + pg.statuses);
        HttpFuzzer.Tally all = new HttpFuzzer.Tally();
        all.findings.addAll(h2.findings);
        all.findings.addAll(pg.findings);
        HttpFuzzTest.writeFindings(all);
        assertEquals(0, h2.findingCount + pg.findingCount, "findings in target/fuzz-findings.txt (seed " + seed + ")");
    }

    private static HttpFuzzer.Tally run(Backend backend, int perRoute, long seed) throws Exception {
        Path dir = Files.createTempDirectory("motcua-fuzz-" + backend.name().toLowerCase(java.util.Locale.ROOT));
        try (FuzzFixture f = FuzzFixture.start(backend, dir)) {
            return new HttpFuzzer(f).run(perRoute, seed, r -> true);
        }
    }
}
