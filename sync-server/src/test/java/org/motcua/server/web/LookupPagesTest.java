package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.LookupDossiers;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The citizen's lookup over real HTTP on loopback: the answer to a right pair, the same answer to a wrong token and to
 * an unknown code, the address limit, the rating rules and malformed input. Each test comes from its own address
 * (the loopback connector takes {@code X-Forwarded-For}, as behind the province's reverse proxy).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LookupPagesTest {

    static final int LIMIT = 8;
    /** What the ordinary test payload holds about people: none of it may reach the citizen's page. */
    static final List<String> PERSONAL = List.of("Nguyễn Văn An", "001090012345", "0912345678", "an@example.invalid", "Thôn 3",
            "officer-07", "officer-12", "Thiếu bản sao", "Công dân nộp trực tiếp", "1990");

    @TempDir
    static Path dir;

    TestServer server;
    final MutableClock clock = new MutableClock(Instant.parse("2025-06-02T03:00:00Z"));
    LookupDossiers desk;
    final AtomicInteger addresses = new AtomicInteger(1);

    @BeforeAll
    void start() {
        server = TestServer.start(Backend.H2, dir, c -> {
            c.clock = clock;
            c.lookupsPerWindow = LIMIT;
        });
        desk = new LookupDossiers(server);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    /** A browser at an address of its own. */
    private WebClient citizen() {
        WebClient web = new WebClient(server.baseUrl);
        web.headers.put("X-Forwarded-For", "198.51.100." + addresses.getAndIncrement());
        return web;
    }

    static String lookupPath(String code, String token) {
        return "/tra-cuu?code=" + URLEncoder.encode(code, StandardCharsets.UTF_8) + "&token=" + URLEncoder.encode(token, StandardCharsets.UTF_8);
    }

    @Test
    void theFormIsVietnameseAndPublic() {
        WebClient.Page p = citizen().get("/tra-cuu");
        assertEquals(200, p.status());
        assertTrue(p.body().contains("Tra cứu tiến độ giải quyết hồ sơ") && p.body().contains("Mã tra cứu"), p.body());
        assertTrue(p.body().contains("href=\"/tra-cuu\""), "the brand keeps a citizen on the lookup");
    }

    @Test
    void theRightCodeAndTokenShowStatusDueDateAndTimelineAndNothingPersonal() {
        LookupDossiers.Made d = desk.dossier("7K3M9QXZ", false);
        WebClient.Page p = citizen().get(lookupPath(d.code(), d.token()));
        assertEquals(200, p.status(), p.body());
        String body = p.body();
        assertTrue(body.contains("Đang xử lý"), body);
        assertTrue(body.contains("05/06/2025 17:00"), "the appointment in the province's time: " + body);
        assertTrue(body.contains("Tiếp nhận hồ sơ") && body.contains("Chuyển bộ phận giải quyết"), body);
        assertTrue(body.contains(d.code()));
        assertFalse(body.contains("rating-form"), "no rating before the result is returned");
        for (String personal : PERSONAL) {
            assertFalse(body.contains(personal), personal + " leaked into: " + body);
        }
        assertEquals("no-store", p.raw().headers().firstValue("cache-control").orElse(""));
    }

    @Test
    void aWrongTokenAndAnUnknownCodeGetTheSameAnswer() {
        LookupDossiers.Made d = desk.dossier("AB12CD34", false);
        String unknown = d.code().substring(0, d.code().length() - 4) + "9998";
        WebClient.Page wrongToken = citizen().get(lookupPath(d.code(), "AB12CD35"));
        WebClient.Page unknownCode = citizen().get(lookupPath(unknown, "AB12CD34"));
        assertEquals(404, wrongToken.status());
        assertEquals(wrongToken.status(), unknownCode.status());
        assertTrue(wrongToken.body().contains("Không tìm thấy hồ sơ"), wrongToken.body());
        assertEquals(wrongToken.body().replace(d.code(), "CODE"), unknownCode.body().replace(unknown, "CODE"),
                "the two answers differ only by the code the citizen typed");
        assertEquals(List.of(), wrongToken.setCookies());
        assertEquals(List.of(), unknownCode.setCookies());
        assertEquals(wrongToken.raw().headers().map().keySet(), unknownCode.raw().headers().map().keySet());
    }

    @Test
    void theAddressLimitHoldsWithAVietnamesePage() {
        WebClient web = citizen();
        for (int i = 0; i < LIMIT; i++) {
            assertEquals(404, web.get(lookupPath("000.17.22.H56-250531-" + String.format("%04d", i), "AB12CD34")).status());
        }
        WebClient.Page refused = web.get(lookupPath("000.17.22.H56-250531-0100", "AB12CD34"));
        assertEquals(429, refused.status());
        assertTrue(refused.body().contains("quá nhiều lần"), refused.body());
        assertEquals("600", refused.raw().headers().firstValue("retry-after").orElse(""));
        LookupDossiers.Made d = desk.dossier("LIMIT001", false);
        assertEquals(429, web.get(lookupPath(d.code(), d.token())).status(), "even the right pair waits");
        assertEquals(200, citizen().get(lookupPath(d.code(), d.token())).status(), "another address is not held back");
    }

    @Test
    void aRatingIsRefusedBeforeTheResultIsReturned() {
        LookupDossiers.Made returned = desk.dossier("RETD0001", true);
        LookupDossiers.Made open = desk.dossier("OPEN0002", false);
        WebClient web = citizen();
        String csrf = web.get(lookupPath(returned.code(), returned.token())).csrf();
        WebClient.Page p = web.post("/tra-cuu/danh-gia", "_csrf", csrf, "code", open.code(), "token", open.token(), "rating", "SATISFIED",
                "comment", "");
        assertEquals(409, p.status(), p.body());
        assertTrue(p.body().contains("Chỉ đánh giá được sau khi đã nhận kết quả"), p.body());
    }

    @Test
    void aDossierIsRatedOnceAndOnlyWithTheFormsToken() {
        LookupDossiers.Made d = desk.dossier("RATE0001", true);
        WebClient web = citizen();
        WebClient.Page page = web.get(lookupPath(d.code(), d.token()));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Đã trả kết quả") && page.body().contains("rating-form"), page.body());
        assertEquals(403, citizen().post("/tra-cuu/danh-gia", "code", d.code(), "token", d.token(), "rating", "SATISFIED").status(),
                "no form token, no rating");
        WebClient.Page first = web.post("/tra-cuu/danh-gia", "_csrf", page.csrf(), "code", d.code(), "token", d.token(),
                "rating", "ACCEPTABLE", "comment", "Cán bộ nhiệt tình");
        assertEquals(200, first.status(), first.body());
        assertTrue(first.body().contains("Cảm ơn ông/bà đã đánh giá"), first.body());
        assertFalse(first.body().contains("rating-form"));
        WebClient.Page second = web.post("/tra-cuu/danh-gia", "_csrf", page.csrf(), "code", d.code(), "token", d.token(),
                "rating", "SATISFIED", "comment", "");
        assertEquals(409, second.status());
        assertTrue(second.body().contains("mỗi hồ sơ chỉ đánh giá một lần"), second.body());
        WebClient.Page wrongToken = web.post("/tra-cuu/danh-gia", "_csrf", page.csrf(), "code", d.code(), "token", "RATE0002",
                "rating", "SATISFIED", "comment", "");
        assertEquals(404, wrongToken.status(), "a wrong token rates nothing and learns nothing");
    }

    @Test
    void malformedInputGetsAVietnamesePageNeverA500() {
        LookupDossiers.Made d = desk.dossier("BADINPUT", true);
        WebClient web = citizen();
        String csrf = web.get(lookupPath(d.code(), d.token())).csrf();
        for (String path : List.of(lookupPath("0".repeat(300), "AB12CD34"), lookupPath(d.code(), "A".repeat(300)),
                lookupPath("<script>alert(1)</script>", "AB12CD34"), lookupPath(d.code() + "'--", "AB12CD34"),
                lookupPath("000.17.22.H56-250531-0001", "ÀB12CD34"), lookupPath(d.code(), "AB12\u0000D34"),
                "/tra-cuu?code=" + URLEncoder.encode(d.code(), StandardCharsets.UTF_8), "/tra-cuu?token=AB12CD34",
                "/tra-cuu?code=&token=")) {
            WebClient.Page p = citizen().get(path); // malformed attempts count too: one address each
            assertEquals(400, p.status(), path + ": " + p.body());
            assertTrue(p.body().contains("Mã hồ sơ có dạng"), p.body());
            assertFalse(p.body().contains("<script>alert"), "what was typed is escaped");
        }
        for (String[] form : List.of(new String[] {"_csrf", csrf, "code", d.code(), "token", d.token()},
                new String[] {"_csrf", csrf, "code", d.code(), "token", d.token(), "rating", "VERY_HAPPY"},
                new String[] {"_csrf", csrf, "code", d.code(), "token", d.token(), "rating", "SATISFIED", "comment", "x".repeat(501)},
                new String[] {"_csrf", csrf, "token", d.token(), "rating", "SATISFIED"},
                new String[] {"_csrf", csrf, "code", "x".repeat(5000), "token", d.token(), "rating", "SATISFIED"})) {
            WebClient.Page p = web.post("/tra-cuu/danh-gia", form);
            assertEquals(400, p.status(), String.join(",", form) + ": " + p.body());
            assertTrue(p.body().contains("Mã hồ sơ có dạng") || p.body().contains("Hãy chọn một mức đánh giá"), p.body());
        }
        Http.Answer bad = Http.raw(server.server.port(), "GET /tra-cuu?code=%zz&token=%E0%A4 HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "X-Forwarded-For: 198.51.100.250\r\nConnection: close", null);
        assertEquals(400, bad.status(), "broken percent-encoding: " + bad.text());
        assertTrue(bad.text().contains("Mã hồ sơ có dạng"), bad.text());
        assertNull(web.cookies.get("motcua_session"), "a citizen never gets an officer's session");
    }
}
