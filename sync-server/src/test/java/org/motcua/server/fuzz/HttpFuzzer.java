package org.motcua.server.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;
import java.util.function.Predicate;
import net.jqwik.api.RandomGenerator;
import net.jqwik.api.sessions.JqwikSession;
import org.motcua.server.SyncServer;
import org.motcua.server.testing.DbSnapshot;

/**
 * Runs the generated requests of every route against the fixture's server and tallies what the {@link FuzzOracle}
 * refuses and what a refused request stored. Each route's cases come from its own seed ({@code seed + route index}), so
 * a finding names the seed, the route and the case number that replay it ({@code -Dmotcua.fuzz.seed},
 * {@code -Dmotcua.fuzz.route}).
 */
final class HttpFuzzer {

    /**
     * The database compared before and after each request: every table but the ones a refused request is meant to write
     * (failed logins and citizens' lookups are counted per name and address; a page view touches its session).
     */
    static final List<String> WATCHED_TABLES;

    static {
        List<String> t = new ArrayList<>(DbSnapshot.TABLES);
        t.addAll(List.of("usb_imports", "officer_accounts", "admin_audit", "citizen_ratings"));
        WATCHED_TABLES = List.copyOf(t);
    }

    /** Counters a refused request is meant to move: wrong enrolment MACs are counted per code (guessing is throttled). */
    static final java.util.Set<String> IGNORED_COLUMNS = java.util.Set.of("enrolment_codes.mac_failures",
            "enrolment_codes.mac_failures_since");

    static final int KEPT_FINDINGS = 1000;

    record Finding(String route, long seed, int caseIndex, String rule, String request) {

        @Override
        public String toString() {
            return rule + "\n  replay: -Dmotcua.fuzz.seed=" + seed + " -Dmotcua.fuzz.route='" + route + "' (case " + caseIndex + ")\n  "
                    + request;
        }
    }

    /** Totals of a run. */
    static final class Tally {
        long cases;
        long serverErrors;
        long storedFromBadInput;
        long refused;
        long heapPeakBytes;
        long snapshotNanos;
        /** Every finding counts; only the first {@link #KEPT_FINDINGS} are kept with their request. */
        long findingCount;
        final Map<String, Long> casesPerRoute = new TreeMap<>();
        final Map<String, Long> millisPerRoute = new TreeMap<>();
        final Map<Integer, Long> statuses = new TreeMap<>();
        final List<Finding> findings = new ArrayList<>();

        void add(Finding f) {
            findingCount++;
            if (findings.size() < KEPT_FINDINGS) {
                findings.add(f);
            }
        }
    }

    private final FuzzFixture fixture;
    private final RequestArbitraries requests;

    HttpFuzzer(FuzzFixture fixture) {
        this.fixture = fixture;
        this.requests = new RequestArbitraries(fixture);
    }

    Tally run(int perRoute, long seed, Predicate<SyncServer.Route> which) {
        Tally tally = new Tally();
        List<SyncServer.Route> routes = fixture.routes();
        for (int r = 0; r < routes.size(); r++) {
            SyncServer.Route route = routes.get(r);
            if (which.test(route)) {
                runRoute(route, perRoute, seed, seed + r, tally);
            }
        }
        return tally;
    }

    private void runRoute(SyncServer.Route route, int cases, long baseSeed, long seed, Tally tally) {
        String name = route.method() + " " + route.path();
        int port = fixture.server.server.port();
        long start = System.nanoTime();
        JqwikSession.start();
        try {
            RandomGenerator<RawRequest> generator = requests.of(route).generatorWithEmbeddedEdgeCases(1000);
            Random random = new Random(seed);
            DbSnapshot before = snapshot();
            for (int i = 0; i < cases; i++) {
                RawRequest request = generator.next(random).value();
                RawExchange.Outcome answer = RawExchange.send(port, request);
                tally.cases++;
                tally.casesPerRoute.merge(name, 1L, Long::sum);
                tally.statuses.merge(answer.status(), 1L, Long::sum);
                boolean refused = answer.status() >= 400 || answer.status() < 0;
                if (refused) {
                    tally.refused++;
                }
                if (answer.status() >= 500) {
                    tally.serverErrors++;
                }
                FuzzOracle.violation(request, answer).ifPresent(v -> tally.add(new Finding(name, baseSeed, tally.casesPerRoute.get(name).intValue() - 1, v,
                        request.describe())));
                long s0 = System.nanoTime();
                DbSnapshot after = snapshot();
                tally.snapshotNanos += System.nanoTime() - s0;
                if (!after.equals(before)) {
                    if (refused) {
                        tally.storedFromBadInput++;
                        tally.add(new Finding(name, baseSeed, tally.casesPerRoute.get(name).intValue() - 1,
                                "a refused request (" + answer.status() + ") changed " + before.differences(after), request.describe()));
                    }
                    before = after;
                }
                if (i % 50 == 0) {
                    Runtime rt = Runtime.getRuntime();
                    tally.heapPeakBytes = Math.max(tally.heapPeakBytes, rt.totalMemory() - rt.freeMemory());
                }
            }
        } finally {
            JqwikSession.finish();
            tally.millisPerRoute.merge(name, (System.nanoTime() - start) / 1_000_000, Long::sum);
            System.out.println("fuzz route " + name + ": " + tally.casesPerRoute.getOrDefault(name, 0L) + " cases in "
                    + tally.millisPerRoute.get(name) + " ms; so far " + tally.serverErrors + " 5xx, " + tally.storedFromBadInput
                    + " stored from bad input, " + tally.findingCount + " findings");
        }
    }

    private DbSnapshot snapshot() {
        return DbSnapshot.of(fixture.server.services.db, WATCHED_TABLES, IGNORED_COLUMNS);
    }
}
