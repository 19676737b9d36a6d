package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.feed.PublicationHistory;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.UsbExports;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;

/**
 * The admin's pages for what the province publishes, over real HTTP on PostgreSQL: each operation done through the page
 * (multipart upload or form, CSRF token), its result and its audit entry; a bad file refused with the line and the reason
 * in Vietnamese and nothing stored; a commune officer, a visitor and a POST without the token refused.
 */
class PublishPagesTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-7";

    @TempDir
    Path dir;

    TestServer server;
    TestDevice device;
    WebClient admin;
    WebClient officer;
    WebClient visitor;

    @BeforeEach
    void start() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2026-11-30T02:00:00Z"));
        server = TestServer.start(Backend.POSTGRESQL, dir, c -> c.clock = clock);
        device = TestDevice.enrol(server);
        server.services.accounts.create(Actor.cli(), "quantri", "Nguyễn Văn Quản", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
        server.services.accounts.create(Actor.cli(), "canbo", "Lê Văn Xã", Role.COMMUNE_OFFICER, device.unitCode, PASSWORD.toCharArray());
        admin = new WebClient(server.baseUrl);
        admin.login("quantri", PASSWORD);
        officer = new WebClient(server.baseUrl);
        officer.login("canbo", PASSWORD);
        visitor = new WebClient(server.baseUrl);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theAdminPublishesTheCatalogueOnTheWeb() throws Exception {
        String path = "/admin/catalogue";
        String good = Files.readString(Path.of("examples/catalogue.json"));
        WebClient.Page page = admin.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Danh mục thủ tục đã công bố") && page.body().contains("Chưa công bố danh mục nào"), page.body());
        String csrf = page.csrf();

        DbSnapshot before = DbSnapshot.of(server.services.db);
        int codeLine = lineOf(good, "\"code\": \"1.000894\"");
        String twice = good.replace("\"code\": \"1.000894\"", "\"code\": \"1.001193\"");
        WebClient.Page refused = admin.postFile(path, "file", "danh-muc.json", utf8(twice), "_csrf", csrf, "validDays", "90");
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Tệp bị từ chối, không có gì được công bố")
                && refused.body().contains("Dòng " + codeLine + ": thủ tục 1.001193 có hai lần (lần đầu ở dòng "), refused.body());
        WebClient.Page badDate = admin.postFile(path, "file", "danh-muc.json", utf8("{\"code\": \"1.000894\"}"), "_csrf", csrf,
                "validDays", "90");
        assertTrue(badDate.body().contains("Dòng 1: danh mục phải là một mảng JSON các thủ tục"), badDate.body());
        assertEquals(400, admin.postFile(path, "file", "trong.json", new byte[0], "_csrf", csrf, "validDays", "90").status());
        assertEquals(400, admin.postFile(path, "file", "danh-muc.json", utf8(good), "_csrf", csrf, "validDays", "0").status());
        byte[] huge = new byte[(int) Uploads.PUBLICATION_MAX_BYTES + 1];
        java.util.Arrays.fill(huge, (byte) ' ');
        WebClient.Page tooLarge = admin.postFile(path, "file", "danh-muc.json", huge, "_csrf", csrf, "validDays", "90");
        assertEquals(413, tooLarge.status());
        assertTrue(tooLarge.body().contains("Tệp lớn hơn 8 MB; không có gì được công bố."), tooLarge.body());
        assertUnannouncedUploadRefused(path);
        assertRefusedToOthers(path, utf8(good), "validDays", "90");
        assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "nothing refused stores anything");
        assertTrue(PublicationHistory.catalogues(server.services.db, 10).isEmpty());

        WebClient.Page done = admin.postFile(path, "file", "danh-muc.json", utf8(good), "_csrf", csrf, "validDays", "30");
        assertEquals(303, done.status(), done.body());
        String list = admin.get(done.location()).body();
        assertTrue(list.contains("Đã công bố danh mục: 14 thủ tục, 14 mới hoặc thay đổi, 0 không đổi, 0 ngừng áp dụng; máy xã cảnh báo "
                + "sau 30/12/2026 09:00."), list);
        assertTrue(list.contains("<td>#1</td><td>30/11/2026 09:00</td><td>quantri</td><td>14</td>"), list);
        assertAudited("catalogue.publish", 1, "procedures=14, new or changed=14, withdrawn=0");
    }

    @Test
    void theAdminPublishesTheWorkingCalendarOnTheWeb() throws Exception {
        String path = "/admin/calendar";
        String good = Files.readString(Path.of("examples/calendar-2027.json"));
        WebClient.Page page = admin.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Lịch làm việc") && page.body().contains("Chưa công bố năm nào"), page.body());
        String csrf = page.csrf();

        DbSnapshot before = DbSnapshot.of(server.services.db);
        int line = lineOf(good, "\"date\": \"2027-05-01\"");
        WebClient.Page refused = admin.postFile(path, "file", "lich.json", utf8(good.replace("2027-05-01", "2028-05-01")), "_csrf", csrf);
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Tệp bị từ chối, không có gì được công bố")
                && refused.body().contains("Dòng " + line + ": ngày 2028-05-01 không thuộc năm 2027"), refused.body());
        WebClient.Page weekday = admin.postFile(path, "file", "lich.json", utf8(good.replace("\"swappedDays\": []",
                "\"swappedDays\": [{\"date\": \"2027-09-06\", \"kind\": \"workday\"}]")), "_csrf", csrf);
        assertTrue(weekday.body().contains("Dòng " + lineOf(good, "\"swappedDays\": []") + ": ngày 2027-09-06 là ngày thường: chỉ "
                + "thứ Bảy hoặc Chủ nhật mới đổi thành ngày làm bù được"), weekday.body());
        assertEquals(400, admin.postFile(path, "file", "lich.json", new byte[0], "_csrf", csrf).status());
        assertRefusedToOthers(path, utf8(good));
        assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "nothing refused stores anything");

        WebClient.Page done = admin.postFile(path, "file", "lich-2027.json", utf8(good), "_csrf", csrf);
        assertEquals(303, done.status(), done.body());
        String list = admin.get(done.location()).body();
        assertTrue(list.contains("Đã công bố lịch năm 2027; phiên bản mới cho: 2027."), list);
        assertTrue(list.contains("<td>2027</td><td>5</td><td>0</td><td>30/11/2026 09:00</td><td>quantri</td>"), list);
        String again = admin.get(admin.postFile(path, "file", "lich-2027.json", utf8(good), "_csrf", csrf).location()).body();
        assertTrue(again.contains("Đã công bố lịch năm 2027; phiên bản mới cho: không năm nào (không đổi)."), again);
        List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 20, null).stream()
                .filter(e -> e.action().equals("calendar.publish")).toList();
        assertEquals(2, log.size(), log.toString());
        assertEquals("web", log.get(1).channel());
        assertEquals("quantri", log.get(1).actor());
        assertTrue(log.get(1).detail().contains("new versions for [2027]"), log.get(1).detail());
        assertTrue(admin.get("/admin/audit").body().contains("Công bố lịch làm việc"));
    }

    @Test
    void theAdminLeasesNumbersToADeviceOnTheWeb() throws Exception {
        String path = "/admin/number-leases";
        WebClient.Page page = admin.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Chưa cấp số cho máy nào") && page.body().contains("value=\"" + device.deviceId + "\""),
                page.body());
        String csrf = page.csrf();
        String[] good = {"device", device.deviceId, "from", "2026-11-30", "to", "2026-12-06", "first", "9000", "last", "9099"};

        DbSnapshot before = DbSnapshot.of(server.services.db);
        WebClient.Page refused = admin.post(path, withCsrf(csrf, "device", device.deviceId, "from", "2026-11-30", "to", "2026-12-06",
                "first", "9200", "last", "9100"));
        assertEquals(400, refused.status());
        assertTrue(refused.body().contains("Không cấp được số, không có gì được lưu: số đầu 9200 lớn hơn số cuối 9100"), refused.body());
        WebClient.Page unknown = admin.post(path, withCsrf(csrf, "device", "00000000-0000-4000-8000-000000000000", "from", "2026-11-30",
                "to", "2026-12-06", "first", "9000", "last", "9099"));
        assertTrue(unknown.body().contains("không có máy 00000000-0000-4000-8000-000000000000 đã đăng ký"), unknown.body());
        WebClient.Page past = admin.post(path, withCsrf(csrf, "device", device.deviceId, "from", "2026-11-01", "to", "2026-11-02",
                "first", "9000", "last", "9099"));
        assertTrue(past.body().contains("các ngày 2026-11-01..2026-11-02 đã qua (hôm nay là 2026-11-30)"), past.body());
        WebClient.Page garbled = admin.post(path, withCsrf(csrf, "device", device.deviceId, "from", "30/11/2026", "to", "2026-12-06",
                "first", "9000", "last", "9099"));
        assertEquals(400, garbled.status());
        assertTrue(garbled.body().contains("Hãy điền đủ mọi ô"), garbled.body());
        assertEquals(403, officer.get(path).status());
        assertEquals(403, officer.post(path, withCsrf(officer.get("/").csrf(), good)).status());
        assertEquals(303, visitor.get(path).status());
        assertEquals(303, visitor.post(path, good).status());
        assertEquals(403, admin.post(path, good).status(), "no CSRF token, no lease");
        assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "nothing refused stores anything");

        WebClient.Page done = admin.post(path, withCsrf(csrf, good));
        assertEquals(303, done.status(), done.body());
        String list = admin.get(done.location()).body();
        String leaseId = PublicationHistory.leases(server.services.db).getFirst().leaseId();
        assertTrue(list.contains("Đã cấp số " + leaseId + ": máy " + device.deviceId + " (đơn vị " + device.unitCode + ") được dùng số "
                + "9000..9099 từ 2026-11-30 đến 2026-12-06."), list);
        assertTrue(list.contains("<td>Máy số " + device.deviceNumber + " (" + device.deviceId.substring(0, 8) + "…)</td>"
                + "<td>2026-11-30 … 2026-12-06</td><td>9000–9099</td>"), list);
        WebClient.Page overlap = admin.post(path, withCsrf(csrf, "device", device.deviceId, "from", "2026-12-06", "to", "2026-12-07",
                "first", "9099", "last", "9150"));
        assertTrue(overlap.body().contains("dải số trùng với lần cấp số " + leaseId + " của đơn vị " + device.unitCode), overlap.body());
        assertAudited("number-lease.create", 1, "numbers=9000..9099");
    }

    @Test
    void theAdminImportsAUsbExportOnTheWeb() throws Exception {
        String path = "/admin/usb-import";
        Chain chain = new Chain(device.deviceId);
        var batch = device.batch(chain, device.receptionWithAction(chain, null, 1));
        Path export = UsbExports.write(dir, "motcua-up-" + device.unitCode + "-d1-20261130-0d8f6c2e.zip",
                UsbExports.entries(device, chain.epoch, 1, List.of(batch), List.of(), Optional.empty(), Map.of()));
        byte[] good = Files.readAllBytes(export);
        WebClient.Page page = admin.get(path);
        assertEquals(200, page.status());
        assertTrue(page.body().contains("Nhập tệp USB") && page.body().contains("Chưa nhập tệp USB nào"), page.body());
        String csrf = page.csrf();

        DbSnapshot before = DbSnapshot.of(server.services.db);
        WebClient.Page junk = admin.postFile(path, "file", "rac.zip", utf8("không phải tệp zip"), "_csrf", csrf);
        assertEquals(400, junk.status());
        assertTrue(junk.body().contains("Tệp bị từ chối: tệp không phải tệp xuất USB (bị hỏng, hoặc không do máy xã ghi)"), junk.body());
        assertFalse(junk.body().contains("id=\"usb-reply\""), "no reply for a refused file");
        assertEquals(400, admin.postFile(path, "file", "trong.zip", new byte[0], "_csrf", csrf).status());
        assertRefusedToOthers(path, good);
        assertEquals(List.of(), DbSnapshot.of(server.services.db).differences(before), "nothing refused stores anything");

        WebClient.Page done = admin.postFile(path, "file", export.getFileName().toString(), good, "_csrf", csrf);
        assertEquals(200, done.status(), done.body());
        assertTrue(done.body().contains("Đã ghi nhận 1 trên 1 lô.") && done.body().contains(batch.batchId())
                && done.body().contains("đã ghi nhận, biên nhận có trong tệp trả lời"), done.body());
        java.util.regex.Matcher link = java.util.regex.Pattern.compile("href=\"(/admin/usb-import/replies/(motcua-down-[^\"]+\\.zip))\"")
                .matcher(done.body());
        assertTrue(link.find(), done.body());
        assertTrue(link.group(2).startsWith("motcua-down-" + device.unitCode + "-d"), link.group(2));
        var reply = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(
                java.net.URI.create(server.baseUrl + link.group(1))).header("Cookie", cookies(admin)).build(),
                java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, reply.statusCode());
        assertEquals("application/zip", reply.headers().firstValue("Content-Type").orElse(""));
        Path replyFile = Files.write(dir.resolve(link.group(2)), reply.body());
        try (var zip = new java.util.zip.ZipFile(replyFile.toFile())) {
            assertTrue(zip.getEntry(org.motcua.protocol.usb.UsbLayout.receipt(batch.batchId())) != null, "the receipt is in the reply");
        }
        assertEquals(403, officer.get(link.group(1)).status(), "a commune officer cannot download a reply");
        assertEquals(303, visitor.get(link.group(1)).status());
        assertEquals(404, admin.get("/admin/usb-import/replies/..%2F..%2Fkeystore.passphrase").status());
        assertEquals(404, admin.get("/admin/usb-import/replies/motcua-down-none.zip").status());
        assertTrue(admin.get(path).body().contains("imported 1 batch(es)"), "the import log lists it");
        // The refused file is audited too (the service logs every file it is given), before the good one.
        assertAudited("usb.import", 2, "exportSeq=1, imported 1 batch(es)");
        assertTrue(AuditLog.recent(server.services.db, 20, null).stream().anyMatch(e -> e.action().equals("usb.import")
                && e.detail().equals("file=rac.zip, usb-file-invalid")));
    }

    private static String cookies(WebClient client) {
        return client.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue()).collect(java.util.stream.Collectors.joining("; "));
    }

    /** A commune officer and a visitor cannot see or post the page; the admin cannot post without the CSRF token. */
    private void assertRefusedToOthers(String path, byte[] file, String... fields) {
        assertEquals(403, officer.get(path).status());
        String[] withToken = withCsrf(officer.get("/").csrf(), fields);
        assertEquals(403, officer.postFile(path, "file", "f.json", file, withToken).status());
        WebClient.Page loggedOut = visitor.get(path);
        assertEquals(303, loggedOut.status());
        assertTrue(loggedOut.location().startsWith("/login"), loggedOut.location());
        assertEquals(303, visitor.postFile(path, "file", "f.json", file, fields).status());
        WebClient.Page noToken = admin.postFile(path, "file", "f.json", file, fields);
        assertEquals(403, noToken.status());
        assertTrue(noToken.body().contains("Biểu mẫu") || noToken.body().contains("biểu mẫu"), noToken.body());
    }

    /** A multipart body of unannounced length (chunked) is refused before it is read, with the largest size said. */
    private void assertUnannouncedUploadRefused(String path) throws Exception {
        var request = java.net.http.HttpRequest.newBuilder(java.net.URI.create(server.baseUrl + path))
                .header("Content-Type", "multipart/form-data; boundary=x")
                .header("Cookie", admin.cookies.entrySet().stream().map(e -> e.getKey() + "=" + e.getValue())
                        .collect(java.util.stream.Collectors.joining("; ")))
                .POST(java.net.http.HttpRequest.BodyPublishers.ofInputStream(() -> new java.io.ByteArrayInputStream(utf8("--x--\r\n"))))
                .build();
        var answer = java.net.http.HttpClient.newHttpClient().send(request,
                java.net.http.HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        assertEquals(413, answer.statusCode());
        assertTrue(answer.body().contains("Tệp tải lên lớn hơn mức máy chủ nhận (tối đa 512 MB)"), answer.body());
    }

    private static String[] withCsrf(String csrf, String... fields) {
        String[] all = new String[fields.length + 2];
        all[0] = "_csrf";
        all[1] = csrf;
        System.arraycopy(fields, 0, all, 2, fields.length);
        return all;
    }

    /** The action has {@code count} audit entries, by the admin on the web, the newest with {@code detail}; the audit page names it. */
    private void assertAudited(String action, int count, String detail) throws Exception {
        List<AuditLog.Entry> log = AuditLog.recent(server.services.db, 20, null).stream().filter(e -> e.action().equals(action)).toList();
        assertEquals(count, log.size(), log.toString());
        assertEquals("quantri", log.get(0).actor());
        assertEquals("web", log.get(0).channel());
        assertEquals("127.0.0.1", log.get(0).address());
        assertTrue(log.get(0).detail().contains(detail), log.get(0).detail());
        assertTrue(admin.get("/admin/audit").body().contains(Messages.vietnamese().get("audit.action." + action)));
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    static int lineOf(String text, String needle) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].contains(needle)) {
                return i + 1;
            }
        }
        throw new IllegalArgumentException(needle);
    }
}
