package org.motcua.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.SyncServer;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.LogCapture;

/**
 * The CI share of the fuzzing: {@value #CASES_PER_ROUTE} generated requests for every route Javalin has registered (a new
 * route is fuzzed without being listed), against a real server on loopback with an H2 file. {@code ./motcua bench fuzz}
 * runs the full count ({@link HttpFuzzBenchmark}). The seed is random per run and printed with every finding; set
 * {@code -Dmotcua.fuzz.seed} (and {@code -Dmotcua.fuzz.route}, a substring of "METHOD /path") to replay one. Every log
 * line the server writes meanwhile is captured and must show no CCCD-like number, password, token or code.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HttpFuzzTest {

    static final int CASES_PER_ROUTE = Integer.getInteger("motcua.fuzz.cases", 150);

    @TempDir
    static Path dir;

    FuzzFixture fixture;

    @BeforeAll
    void start() {
        fixture = FuzzFixture.start(Backend.H2, dir);
    }

    @AfterAll
    void stop() {
        fixture.close();
    }

    /** Every finding in target/fuzz-findings.txt (the assertion shows the first ones only). */
    static void writeFindings(HttpFuzzer.Tally t) {
        try {
            java.nio.file.Files.writeString(Path.of("target", "fuzz-findings.txt"),
                    t.findings.stream().map(Object::toString).collect(Collectors.joining("\n\n")));
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Test
    void theRouteListComesFromJavalinAndHoldsEveryKnownEndpoint() {
        List<String> routes = fixture.routes().stream().map(r -> r.method() + " " + r.path()).toList();
        for (String expected : List.of("POST /api/v1/enrolments", "POST /api/v1/devices/{deviceId}/sessions",
                "POST /api/v1/devices/{deviceId}/batches", "PATCH /api/v1/devices/{deviceId}/blobs/{sha256}",
                "GET /api/v1/devices/{deviceId}/updates", "GET /api/v1/health", "POST /login", "GET /tra-cuu",
                "POST /admin/accounts/{username}/disable", "GET /api/v1/product/files/{sha256}")) {
            assertTrue(routes.contains(expected), expected + " is missing from " + routes);
        }
        assertTrue(fixture.routes().stream().filter(r -> r.path().startsWith("/admin/")).allMatch(SyncServer.Route::signedIn),
                "every admin route needs a signed-in officer");
    }

    @Test
    void everyRouteAnswersGeneratedBadInputWithoutServerErrorsAndStoresNothing() {
        long seed = Long.getLong("motcua.fuzz.seed", new SecureRandom().nextLong());
        String only = System.getProperty("motcua.fuzz.route", "");
        System.out.println("fuzz seed " + seed + ", " + CASES_PER_ROUTE + " cases per route");
        HttpFuzzer.Tally t;
        List<String> leaks;
        try (LogCapture logs = LogCapture.start()) {
            t = new HttpFuzzer(fixture).run(CASES_PER_ROUTE, seed, r -> (r.method() + " " + r.path()).contains(only));
            leaks = logs.leaks(fixture.secrets(), line -> line.startsWith("fuzz "));
        }
        System.out.println("fuzz statuses " + t.statuses + ", " + t.refused + " of " + t.cases + " refused");
        System.out.println("fuzz ms per route " + t.millisPerRoute + ", snapshots " + t.snapshotNanos / 1_000_000 + " ms");
        writeFindings(t);
        String findings = t.findings.stream().limit(20).map(Object::toString).collect(Collectors.joining("\n"));
        assertEquals(0, t.findingCount, t.findingCount + " findings (seed " + seed + "), the first ones:\n" + findings);
        assertTrue(t.casesPerRoute.values().stream().allMatch(n -> n == CASES_PER_ROUTE), t.casesPerRoute.toString());
        assertEquals(List.of(), leaks.stream().limit(10).toList(), leaks.size() + " log lines show a citizen ID or a secret");
        if (only.isEmpty()) { // a replay of one route may well be mostly accepted (a signed-in GET page)
            assertTrue(t.refused > t.cases / 2, "most generated requests must be refused, else the generator lost its teeth");
        }
    }
}
