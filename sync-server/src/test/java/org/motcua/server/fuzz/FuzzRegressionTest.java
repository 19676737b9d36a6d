package org.motcua.server.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Problem;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.LogCapture;

/**
 * The inputs the fuzzer found defects with, kept as they were sent: each was a 500 or an English Jetty page before its
 * fix. Every answer is also put through the fuzzer's own oracle, and nothing may be stored.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class FuzzRegressionTest {

    @TempDir
    static Path dir;

    FuzzFixture f;

    @BeforeAll
    void start() {
        f = FuzzFixture.start(Backend.H2, dir);
    }

    @AfterAll
    void stop() {
        f.close();
    }

    private RawExchange.Outcome send(String method, String target, List<RawRequest.Header> headers, String body,
            RawRequest.Framing framing) {
        RawRequest r = new RawRequest(method, target, headers, body.getBytes(StandardCharsets.ISO_8859_1), framing, "regression");
        DbSnapshot before = DbSnapshot.of(f.server.services.db, HttpFuzzer.WATCHED_TABLES, HttpFuzzer.IGNORED_COLUMNS);
        RawExchange.Outcome answer = RawExchange.send(f.server.server.port(), r);
        assertEquals(List.of(), FuzzOracle.violation(r, answer).stream().toList(), r.describe());
        assertEquals(before, DbSnapshot.of(f.server.services.db, HttpFuzzer.WATCHED_TABLES, HttpFuzzer.IGNORED_COLUMNS),
                "stored nothing: " + r.describe());
        return answer;
    }

    private static List<RawRequest.Header> headers(String... namesAndValues) {
        List<RawRequest.Header> h = new ArrayList<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            h.add(new RawRequest.Header(namesAndValues[i], namesAndValues[i + 1]));
        }
        return h;
    }

    private static void assertVietnamesePage(RawExchange.Outcome a, int status, String words) {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.header("content-type").startsWith("text/html"), a.header("content-type"));
        assertTrue(a.text().contains("lang=\"vi\"") && a.text().contains(words), a.text());
    }

    private static void assertProblem(RawExchange.Outcome a, int status, String name) {
        assertEquals(status, a.status(), a.text());
        assertTrue(a.header("content-type").startsWith(Protocol.PROBLEM_MEDIA_TYPE), a.header("content-type"));
        assertEquals(name, Problem.parse(a.body()).orElseThrow().name());
    }

    @Test
    void aMultipartBodyOnAnAdminFormIsAVietnamesePageNotAServerError() {
        String body = "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\n" + f.admin.csrf() + "\r\n--";
        RawExchange.Outcome a = send("POST", "/admin/accounts", headers("Content-Type", "multipart/form-data; boundary=x",
                "Cookie", "motcua_session=" + f.admin.cookie()), body, RawRequest.Framing.LENGTH);
        assertVietnamesePage(a, 400, "Không đọc được biểu mẫu");
        RawExchange.Outcome json = send("POST", "/admin/accounts", headers("Content-Type", "application/json",
                "Cookie", "motcua_session=" + f.admin.cookie()), "{\"_csrf\":\"" + f.admin.csrf() + "\"}", RawRequest.Framing.LENGTH);
        assertVietnamesePage(json, 400, "Không đọc được biểu mẫu");
    }

    @Test
    void aWellFormedMultipartFormStillReachesItsChecks() {
        String body = "--x\r\nContent-Disposition: form-data; name=\"_csrf\"\r\n\r\nwrong\r\n--x--\r\n";
        RawExchange.Outcome a = send("POST", "/admin/accounts", headers("Content-Type", "multipart/form-data; boundary=x",
                "Cookie", "motcua_session=" + f.admin.cookie()), body, RawRequest.Framing.LENGTH);
        assertVietnamesePage(a, 403, "Biểu mẫu hết hiệu lực");
    }

    @Test
    void aFormBodyWithAnUnknownCharsetIsRefusedAsUnreadable() {
        RawExchange.Outcome a = send("POST", "/admin/enrolment-codes", headers("Content-Type",
                "application/x-www-form-urlencoded; charset=\u00ff", "Cookie", "motcua_session=" + f.admin.cookie()),
                "_csrf=" + f.admin.csrf() + "&unit=" + f.device.unitCode, RawRequest.Framing.LENGTH);
        assertVietnamesePage(a, 400, "Không đọc được biểu mẫu");
    }

    @Test
    void aLoginFormCutShortIsABadRequestPage() {
        RawExchange.Outcome a = send("POST", "/login", headers("Content-Type", "application/x-www-form-urlencoded",
                "Cookie", "motcua_login=" + f.loginFormToken), "_csrf=" + f.loginFormToken + "&username=fuzz-login&password=x",
                RawRequest.Framing.TRUNCATED);
        assertVietnamesePage(a, 400, "Không đọc được biểu mẫu");
    }

    @Test
    void theLoginPageNeverParsesTheBodyOfAGet() {
        RawExchange.Outcome a = send("GET", "/login?next=%2Fadmin%2Fdevices", headers("Content-Type", "text/html; charset=\u00ff"), "",
                RawRequest.Framing.LENGTH);
        assertVietnamesePage(a, 200, "Mật khẩu");
        RawExchange.Outcome cut = send("GET", "/login?next=%2Fadmin%2Fdevices", headers("X-Fuzz", "H\u00c3\u00b2a"), "abc",
                RawRequest.Framing.TRUNCATED);
        assertVietnamesePage(cut, 200, "Mật khẩu");
    }

    @Test
    void aMalformedRequestForTheLookupPageKeepsTheCitizensTokenOutOfTheLog() {
        String target = "/tra-cuu?code=" + f.lookupCode + "&token=" + f.lookupToken;
        try (LogCapture logs = LogCapture.start()) {
            // Refused as malformed (send() checks the answer's form: a page when the path was read, else a problem).
            assertEquals(400, send("CONNECT", target, headers(), "", RawRequest.Framing.LENGTH).status());
            assertEquals(400, send("GET", target, headers("Host", f.lookupToken + ".example"), "", RawRequest.Framing.LENGTH).status(),
                    "a second Host header");
            assertEquals(List.of(), logs.leaks(List.of(f.lookupToken), line -> false));
        }
    }

    @Test
    void aVisitorAskingForAVeryLongPathIsSentToTheLoginPageWithoutIt() {
        RawExchange.Outcome a = send("GET", "/admin/devices/" + "a".repeat(30_000) + "/revoke", headers(), "", RawRequest.Framing.LENGTH);
        assertEquals(303, a.status(), a.text());
        assertEquals("/login", a.header("location"));
        RawExchange.Outcome shortOne = send("GET", "/admin/devices", headers(), "", RawRequest.Framing.LENGTH);
        assertEquals("/login?next=%2Fadmin%2Fdevices", shortOne.header("location"));
    }

    @Test
    void jettysOwnRefusalsAreProblemsOnTheApiAndVietnamesePagesElsewhere() {
        assertProblem(send("GET", "/api/v1/devices/%c0%ae%c0%ae/state", headers(), "", RawRequest.Framing.LENGTH), 400, "bad-request");
        assertProblem(send("GET", "/api/v1/limits", headers("X-Fold", "a\r\n b"), "", RawRequest.Framing.LENGTH), 400, "bad-request");
        assertProblem(send("GET", "/api/v1/limits", headers("Content-Length", "0"), "", RawRequest.Framing.LENGTH), 400, "bad-request");
        assertProblem(send("CONNECT", "/api/v1/limits", headers(), "", RawRequest.Framing.LENGTH), 400, "bad-request");
        assertProblem(send("GET", "/api/v1/limits", headers("X-Fuzz", "h".repeat(40_000)), "", RawRequest.Framing.LENGTH), 413,
                "request-too-large");
        assertProblem(send("PROPFIND", "", headers("Cookie", "motcua_session=" + f.admin.cookie()), "", RawRequest.Framing.LENGTH), 400,
                "bad-request");
        assertProblem(send("GET", "", headers(), "", RawRequest.Framing.LENGTH), 400, "bad-request");
        assertVietnamesePage(send("GET", "/admin/devices/%c0%ae%c0%ae/revoke", headers(), "", RawRequest.Framing.LENGTH), 400,
                "Yêu cầu không hợp lệ");
        assertVietnamesePage(send("GET", "/login", headers("X-Fuzz", "h".repeat(40_000)), "", RawRequest.Framing.LENGTH), 431,
                "Yêu cầu quá lớn");
    }
}
