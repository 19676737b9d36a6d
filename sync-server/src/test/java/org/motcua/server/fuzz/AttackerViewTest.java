package org.motcua.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.server.SyncServer;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.LogCapture;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * The server as an attacker sees it, every case derived from what the server declares rather than from a list kept
 * here: each signed-in route (from Javalin's registry) without a session or with an expired one, each admin route with a
 * commune officer's session, each form of the templates (src/main/jte) without its CSRF token or with someone else's, a
 * commune officer naming another unit in the URL, a device reading another unit's data with its own token, enrolment
 * codes guessed from one address. Nothing may be stored by any of it, and no log line may show a CCCD or a secret.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AttackerViewTest {

    private static final Pattern FORM = Pattern.compile("<form\\b[^>]*\\bmethod=\"post\"[^>]*\\baction=\"([^\"]+)\"", Pattern.CASE_INSENSITIVE);

    @TempDir
    static Path dir;

    FuzzFixture f;
    LogCapture logs;

    @BeforeAll
    void start() {
        logs = LogCapture.start();
        f = FuzzFixture.start(Backend.H2, dir);
    }

    @AfterAll
    void stop() {
        try {
            f.close();
            List<String> leaks = logs.leaks(f.secrets(), line -> false);
            assertEquals(List.of(), leaks.stream().limit(10).toList(), leaks.size() + " log lines show a citizen ID or a secret");
        } finally {
            logs.close();
        }
    }

    private DbSnapshot snapshot() {
        return DbSnapshot.of(f.server.services.db, HttpFuzzer.WATCHED_TABLES, HttpFuzzer.IGNORED_COLUMNS);
    }

    /** A concrete path for a route template, its parameters filled with the fixture's values (or {@code unit}). */
    private String concrete(String template, String unit) {
        Matcher m = Pattern.compile("\\{([^}]+)}").matcher(template);
        StringBuilder b = new StringBuilder();
        while (m.find()) {
            String v = m.group(1).equals("unit") && unit != null ? unit : f.pathValue(template, m.group(1));
            m.appendReplacement(b, Matcher.quoteReplacement(v));
        }
        return m.appendTail(b).toString();
    }

    private RawExchange.Outcome send(String method, String path, String cookie, Map<String, String> form) {
        List<RawRequest.Header> h = new ArrayList<>();
        if (cookie != null) {
            h.add(new RawRequest.Header("Cookie", cookie));
        }
        byte[] body = new byte[0];
        if (method.equals("POST")) {
            h.add(new RawRequest.Header("Content-Type", "application/x-www-form-urlencoded"));
            body = RequestArbitraries.Draft.urlEncode(form);
        }
        return RawExchange.send(f.server.server.port(), new RawRequest(method, path, h, body, RawRequest.Framing.LENGTH, "attack"));
    }

    private Map<String, String> fields(String csrf) {
        Map<String, String> m = new LinkedHashMap<>();
        if (csrf != null) {
            m.put("_csrf", csrf);
        }
        m.put("username", "fuzz-new-" + System.nanoTime());
        m.put("displayName", "Đỗ Thị Mới");
        m.put("role", "COMMUNE_OFFICER");
        m.put("unit", f.device.unitCode);
        m.put("unitName", "Xã Hòa Bình");
        m.put("password", FuzzFixture.PASSWORD);
        m.put("password2", FuzzFixture.PASSWORD);
        m.put("hours", "24");
        m.put("purpose", "NEW");
        return m;
    }

    private List<SyncServer.Route> signedInRoutes() {
        return f.routes().stream().filter(SyncServer.Route::signedIn).toList();
    }

    @Test
    void everySignedInRouteSendsAVisitorOrAnEndedSessionToTheLoginPage() {
        assertTrue(signedInRoutes().size() >= 10, signedInRoutes().toString());
        DbSnapshot before = snapshot();
        for (SyncServer.Route r : signedInRoutes()) {
            for (String cookie : new String[] {null, "motcua_session=" + f.expiredOfficer.cookie(), "motcua_session=" + FuzzFixture.nonce()}) {
                RawExchange.Outcome a = send(r.method(), concrete(r.path(), null), cookie, fields(f.admin.csrf()));
                String what = r.method() + " " + r.path() + " with " + cookie;
                assertEquals(303, a.status(), what + ": " + a.text());
                assertTrue(a.header("location").startsWith("/login"), what + " goes to " + a.header("location"));
            }
        }
        assertEquals(before, snapshot(), "nothing was stored");
    }

    @Test
    void everyAdminRouteRefusesACommuneOfficer() {
        DbSnapshot before = snapshot();
        List<SyncServer.Route> admin = signedInRoutes().stream().filter(r -> r.path().startsWith("/admin/")).toList();
        assertTrue(admin.size() >= 8, admin.toString());
        for (SyncServer.Route r : admin) {
            RawExchange.Outcome a = send(r.method(), concrete(r.path(), null), "motcua_session=" + f.communeOfficer.cookie(),
                    fields(f.communeOfficer.csrf()));
            assertEquals(403, a.status(), r + ": " + a.text());
            assertTrue(a.text().contains("Không có quyền truy cập"), a.text());
        }
        assertEquals(before, snapshot(), "nothing was stored");
    }

    /** Each form's action in the templates, as the route template it posts to. */
    private List<SyncServer.Route> formsOfTheTemplates() throws IOException {
        TreeSet<String> actions = new TreeSet<>();
        try (Stream<Path> files = Files.list(Path.of("src/main/jte"))) {
            for (Path p : files.filter(p -> p.toString().endsWith(".jte")).toList()) {
                Matcher m = FORM.matcher(Files.readString(p, StandardCharsets.UTF_8));
                while (m.find()) {
                    actions.add(m.group(1));
                }
            }
        }
        List<SyncServer.Route> out = new ArrayList<>();
        for (String action : actions) {
            Optional<SyncServer.Route> route = f.routes().stream().filter(r -> r.method().equals("POST"))
                    .filter(r -> action.replaceAll("\\$\\{[^}]*}", "X").matches(r.path().replaceAll("\\{[^}]+}", "[^/]+"))).findFirst();
            assertTrue(route.isPresent(), "the form posting to " + action + " has no route");
            out.add(route.get());
        }
        return out;
    }

    @Test
    void everyFormOfTheTemplatesIsRefusedWithoutItsOwnCsrfTokenAndAcceptedWithIt() throws IOException {
        List<SyncServer.Route> forms = formsOfTheTemplates();
        List<String> posts = f.routes().stream().filter(r -> r.method().equals("POST") && !r.path().startsWith("/api/"))
                .map(SyncServer.Route::path).sorted().toList();
        assertEquals(posts, forms.stream().map(SyncServer.Route::path).sorted().toList(), "every page's POST route is a form of the templates");
        for (SyncServer.Route r : forms) {
            String cookie;
            String csrf;
            if (r.path().equals("/login")) {
                cookie = "motcua_login=" + f.loginFormToken;
                csrf = f.loginFormToken;
            } else if (r.path().startsWith("/tra-cuu")) {
                cookie = "motcua_lookup=" + f.lookupFormToken;
                csrf = f.lookupFormToken;
            } else {
                FuzzFixture.Officer o = r.path().equals("/logout") ? f.spareSessions.get(f.nextSpare()) : f.admin;
                cookie = "motcua_session=" + o.cookie();
                csrf = o.csrf();
            }
            String path = concrete(r.path(), null);
            DbSnapshot before = snapshot();
            for (String wrong : new String[] {null, "", FuzzFixture.nonce(), f.communeOfficer.csrf(), csrf.substring(1) + "A"}) {
                Map<String, String> form = fields(wrong);
                if (r.path().startsWith("/tra-cuu")) {
                    form.put("code", f.lookupCode);
                    form.put("token", f.lookupToken);
                    form.put("rating", "SATISFIED");
                }
                RawExchange.Outcome a = send("POST", path, cookie, form);
                assertEquals(403, a.status(), r.path() + " with csrf " + wrong + ": " + a.text());
                assertTrue(a.text().contains("Biểu mẫu hết hiệu lực"), a.text());
            }
            assertEquals(before, snapshot(), r.path() + ": a refused form stored nothing");
            Map<String, String> good = fields(csrf);
            if (r.path().startsWith("/tra-cuu")) {
                good.put("code", f.lookupCode);
                good.put("token", f.lookupToken);
                good.put("rating", "SATISFIED");
            }
            RawExchange.Outcome ok = send("POST", path, cookie, good);
            assertNotEquals(403, ok.status(), r.path() + ": with its token the form goes through: " + ok.text());
        }
    }

    @Test
    void aCommuneOfficerCannotNameAnotherUnitInAnyUnitScopedRoute() {
        List<SyncServer.Route> scoped = f.routes().stream().filter(r -> r.path().contains("{unit}")).toList();
        assertFalse(scoped.isEmpty());
        String own = f.device.unitCode;
        String other = f.otherUnit.unitCode;
        for (SyncServer.Route r : scoped) {
            String cookie = "motcua_session=" + f.communeOfficer.cookie();
            RawExchange.Outcome mine = send(r.method(), concrete(r.path(), own), cookie, fields(f.communeOfficer.csrf()));
            assertNotEquals(403, mine.status(), r + " of the officer's own unit");
            for (String unit : List.of(other, other.toLowerCase(java.util.Locale.ROOT), own + "/../" + other, own + "%2F..%2F" + other,
                    "%2e%2e", other + "%00", "999.99.99.Z99")) {
                RawExchange.Outcome a = send(r.method(), concrete(r.path(), unit), cookie, fields(f.communeOfficer.csrf()));
                assertTrue(a.status() == 403 || a.status() == 404 || a.status() == 400, r + " with unit " + unit + ": " + a.status());
                assertFalse(a.text().contains(other), "nothing of the other unit shows: " + unit);
            }
        }
    }

    @Test
    void aDeviceReadsNothingOfAnotherUnitWithItsOwnToken() {
        String mine = "Bearer " + f.otherUnitToken;
        String victim = "/api/v1/devices/" + f.device.deviceId;
        String own = "/api/v1/devices/" + f.otherUnit.deviceId;
        Map<String, String> auth = Map.of("Authorization", mine);
        for (String path : List.of(victim + "/state?nonce=" + FuzzFixture.nonce(), victim + "/updates?nonce=" + FuzzFixture.nonce(),
                victim + "/receipts/" + f.batchId)) {
            assertEquals("token-invalid", Http.get(f.server.url(path), auth).problem(), path);
        }
        assertEquals("receipt-not-found", Http.get(f.server.url(own + "/receipts/" + f.batchId), auth).problem(),
                "another device's batch id through one's own path");
        Http.Answer head = Http.send("HEAD", f.server.url(own + "/blobs/" + f.blobSha), auth, null);
        assertNotEquals("?1", head.header("upload-complete"), "another unit's blob is not reported as stored");
        Http.Answer missing = Http.send("POST", f.server.url(own + "/blobs/missing"), Map.of("Authorization", mine,
                "Content-Type", "application/json"), ("{\"hashes\":[\"" + f.blobSha + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertTrue(missing.text().contains(f.blobSha), "another unit's blob is missing for this unit: " + missing.text());
    }

    @Test
    void guessedEnrolmentCodesAreRefusedAndTheAddressIsThrottled() throws Exception {
        Path other = Files.createTempDirectory(dir, "throttle");
        try (TestServer server = TestServer.start(Backend.H2, other)) {
            DbSnapshot before = DbSnapshot.of(server.services.db, HttpFuzzer.WATCHED_TABLES, HttpFuzzer.IGNORED_COLUMNS);
            TestDevice guesser = TestDevice.offline(java.util.UUID.randomUUID().toString(), TestDevice.newUnit(), DeviceKeys.generate(),
                    null, 0);
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < 25; i++) {
                EnrolmentCode guess = EnrolmentCode.generate();
                byte[] request = enrolmentRequest(guesser, guess);
                Http.Answer a = Http.send("POST", server.url("/api/v1/enrolments"), Map.of("Content-Type", "application/json",
                        "MotCua-Enrolment-Mac", org.motcua.protocol.codec.B64u.encode(
                                org.motcua.protocol.enrol.Macs.hmacSha256(guess.macKey(), request))), request);
                answers.add(a.problem());
            }
            assertEquals(List.of("enrolment-code-invalid"), answers.subList(0, 20).stream().distinct().toList(), answers.toString());
            assertEquals(List.of("rate-limited"), answers.subList(20, 25).stream().distinct().toList(),
                    "20 attempts an hour per address (§12): " + answers);
            assertEquals(before, DbSnapshot.of(server.services.db, HttpFuzzer.WATCHED_TABLES, HttpFuzzer.IGNORED_COLUMNS));
        }
    }

    private static byte[] enrolmentRequest(TestDevice d, EnrolmentCode code) {
        byte[] nonce = new byte[16];
        new java.security.SecureRandom().nextBytes(nonce);
        return new org.motcua.protocol.doc.EnrolmentRequest(code.codeId(),
                org.motcua.protocol.pki.Csrs.create(d.keys, d.deviceId), new org.motcua.protocol.doc.EnrolmentRequest.DeviceFacts(
                "0.1.0", "pc-01", TestDevice.CREATED_AT, "Windows", "10", Optional.empty()), d.deviceId, nonce, TestDevice.CREATED_AT)
                .canonical();
    }
}
