package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.UsbExports;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The pages of what the province publishes in a real headless Chromium on PostgreSQL: the admin chooses a bad file, reads
 * the refused line in Vietnamese, chooses the good one and sees it listed, then reads the audit page; screenshots at
 * 1366×768 and at a phone's width.
 */
class PublishPagesBrowserTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-8";

    @TempDir
    Path dir;

    TestServer server;
    ChromeDriver browser;

    @BeforeEach
    void start() throws Exception {
        server = TestServer.start(Backend.POSTGRESQL, dir.resolve("server"));
        server.services.accounts.create(Actor.cli(), "quantri", "Nguyễn Thị Quản Trị", Role.PROVINCE_ADMIN, null,
                PASSWORD.toCharArray());
        browser = Chromium.start(1366, 768);
        browser.get(server.url("/login"));
        browser.findElement(By.id("username")).sendKeys("quantri");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
    }

    @AfterEach
    void stop() {
        try {
            browser.quit();
        } finally {
            server.close();
        }
    }

    @Test
    void anAdminPublishesTheCatalogueInTheBrowser() throws Exception {
        String good = Files.readString(Path.of("examples/catalogue.json"));
        Path bad = dir.resolve("danh-muc-sai.json");
        Files.writeString(bad, good.replace("\"durationWorkingDays\": 5", "\"durationWorkingDays\": 2.5"));
        int line = PublishPagesTest.lineOf(good, "\"durationWorkingDays\": 5");
        browser.findElement(By.linkText("Công bố, USB")).click();
        browser.findElement(By.linkText("Danh mục thủ tục"));

        browser.findElement(By.id("file")).sendKeys(bad.toString());
        browser.findElement(By.id("publish-catalogue")).click();
        String error = browser.findElement(By.id("catalogue-error")).getText();
        assertTrue(error.contains("Tệp bị từ chối, không có gì được công bố") && error.contains("Dòng " + line
                + ": durationWorkingDays phải là số ngày làm việc nguyên từ 0 đến 3650"), error);
        assertTrue(absent(By.id("catalogues")), "nothing published from the bad file");
        Chromium.screenshot(browser, "publish-catalogue-refused");

        browser.findElement(By.id("file")).sendKeys(Path.of("examples/catalogue.json").toAbsolutePath().toString());
        browser.findElement(By.id("publish-catalogue")).click();
        String notice = browser.findElement(By.id("catalogue-notice")).getText();
        assertTrue(notice.contains("Đã công bố danh mục: 14 thủ tục, 14 mới hoặc thay đổi"), notice);
        String table = browser.findElement(By.id("catalogues")).getText();
        assertTrue(table.contains("#1") && table.contains("quantri") && table.contains("14"), table);
        Chromium.screenshot(browser, "publish-catalogue");
        phoneScreenshot("catalogues", "publish-catalogue-phone");

        browser.get(server.url("/admin/audit"));
        String audit = browser.findElement(By.tagName("main")).getText();
        assertTrue(audit.contains("Công bố danh mục thủ tục") && audit.contains("quantri"), audit);
    }

    @Test
    void anAdminPublishesAYearOfTheCalendarInTheBrowser() throws Exception {
        String good = Files.readString(Path.of("examples/calendar-2027.json"));
        Path bad = dir.resolve("lich-sai.json");
        Files.writeString(bad, good.replace("2027-05-01", "2027-5-1"));
        int line = PublishPagesTest.lineOf(good, "2027-05-01");
        browser.findElement(By.linkText("Công bố, USB")).click();
        browser.findElement(By.linkText("Lịch làm việc")).click();

        browser.findElement(By.id("file")).sendKeys(bad.toString());
        browser.findElement(By.id("publish-calendar")).click();
        String error = browser.findElement(By.id("calendar-error")).getText();
        assertTrue(error.contains("Dòng " + line + ": “2027-5-1” không phải ngày dạng YYYY-MM-DD"), error);
        assertTrue(absent(By.id("calendar-years")), "nothing published from the bad file");
        Chromium.screenshot(browser, "publish-calendar-refused");

        browser.findElement(By.id("file")).sendKeys(Path.of("examples/calendar-2027.json").toAbsolutePath().toString());
        browser.findElement(By.id("publish-calendar")).click();
        String notice = browser.findElement(By.id("calendar-notice")).getText();
        assertTrue(notice.contains("Đã công bố lịch năm 2027"), notice);
        String table = browser.findElement(By.id("calendar-years")).getText();
        assertTrue(table.contains("2027") && table.contains("quantri"), table);
        Chromium.screenshot(browser, "publish-calendar");
        phoneScreenshot("calendar-years", "publish-calendar-phone");
    }

    @Test
    void anAdminLeasesNumbersInTheBrowser() throws Exception {
        TestDevice device = TestDevice.enrol(server);
        browser.findElement(By.linkText("Công bố, USB")).click();
        browser.findElement(By.linkText("Cấp số hồ sơ")).click();
        browser.findElement(By.cssSelector("#device option[value='" + device.deviceId + "']")).click();
        setValue("first", "9500");
        setValue("last", "9400");
        browser.findElement(By.id("grant-lease")).click();
        String error = browser.findElement(By.id("leases-error")).getText();
        assertTrue(error.contains("Không cấp được số, không có gì được lưu: số đầu 9500 lớn hơn số cuối 9400"), error);
        assertTrue(absent(By.id("leases")), "nothing leased");
        Chromium.screenshot(browser, "publish-leases-refused");

        setValue("last", "9599");
        browser.findElement(By.id("grant-lease")).click();
        String notice = browser.findElement(By.id("leases-notice")).getText();
        assertTrue(notice.contains("được dùng số 9500..9599"), notice);
        String table = browser.findElement(By.id("leases")).getText();
        assertTrue(table.contains(device.unitCode) && table.contains("9500–9599"), table);
        Chromium.screenshot(browser, "publish-leases");
        phoneScreenshot("leases", "publish-leases-phone");
    }

    @Test
    void anAdminImportsAUsbExportInTheBrowser() throws Exception {
        TestDevice device = TestDevice.enrol(server);
        Chain chain = new Chain(device.deviceId);
        var first = device.batch(chain, device.receptionWithAction(chain, null, 1));
        var second = device.batch(chain, device.receptionWithAction(chain, null, 2));
        Path export = UsbExports.write(dir, "motcua-up-" + device.unitCode + "-d1-20261130-0d8f6c2e.zip",
                UsbExports.entries(device, chain.epoch, 1, List.of(first, second), List.of(), Optional.empty(), Map.of()));
        Path junk = Files.writeString(dir.resolve("khong-phai-usb.zip"), "không phải tệp zip");
        browser.findElement(By.linkText("Công bố, USB")).click();
        browser.findElement(By.linkText("Nhập tệp USB")).click();

        browser.findElement(By.id("file")).sendKeys(junk.toString());
        browser.findElement(By.id("import-usb")).click();
        String refused = browser.findElement(By.id("usb-refused")).getText();
        assertTrue(refused.contains("Tệp bị từ chối: tệp không phải tệp xuất USB"), refused);
        assertTrue(absent(By.id("usb-reply")), "no reply for a refused file");
        Chromium.screenshot(browser, "usb-import-refused");

        browser.findElement(By.id("file")).sendKeys(export.toString());
        browser.findElement(By.id("import-usb")).click();
        String summary = browser.findElement(By.id("usb-summary")).getText();
        assertTrue(summary.contains("Đã ghi nhận 2 trên 2 lô."), summary);
        String batches = browser.findElement(By.id("usb-batches")).getText();
        assertTrue(batches.contains(first.batchId()) && batches.contains(second.batchId()), batches);
        String reply = browser.findElement(By.id("usb-reply")).getAttribute("href");
        assertTrue(reply.contains("/admin/usb-import/replies/motcua-down-" + device.unitCode + "-d"), reply);
        String log = browser.findElement(By.id("usb-log")).getText();
        assertTrue(log.contains("imported 2 batch(es)") && log.contains("usb-file-invalid"), log);
        Chromium.screenshot(browser, "usb-import");
        Chromium.emulatePhone(browser, 390, 844);
        try {
            Chromium.screenshot(browser, "usb-import-phone");
        } finally {
            Chromium.stopPhone(browser);
        }
    }

    @Test
    void aVisitorAndACommuneOfficerAreRefusedInTheBrowser() throws Exception {
        TestDevice device = TestDevice.enrol(server);
        server.services.accounts.create(Actor.cli(), "canbo", "Lê Văn Xã", Role.COMMUNE_OFFICER, device.unitCode, PASSWORD.toCharArray());
        List<String> pages = List.of("/admin/catalogue", "/admin/calendar", "/admin/number-leases", "/admin/usb-import");
        browser.manage().deleteAllCookies();
        for (String page : pages) {
            browser.get(server.url(page));
            Chromium.waitUntil(browser, b -> b.getCurrentUrl().contains("/login"), "the login page instead of " + page);
        }
        browser.findElement(By.id("username")).sendKeys("canbo");
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
        browser.findElement(By.tagName("nav"));
        assertTrue(absent(By.linkText("Công bố, USB")), "a commune officer has no link to the pages");
        for (String page : pages) {
            browser.get(server.url(page));
            String main = browser.findElement(By.tagName("main")).getText();
            assertTrue(main.contains("Không có quyền") || main.contains("không có quyền"), page + ": " + main);
            assertTrue(absent(By.id("file")) && absent(By.id("device")), page);
        }
    }

    /**
     * Whether nothing matches on the page already shown (found by an element looked for before), asked without the
     * driver's implicit wait, which would otherwise wait its full 10 s for an element that is rightly not there.
     */
    private boolean absent(By by) {
        browser.manage().timeouts().implicitlyWait(java.time.Duration.ZERO);
        try {
            return browser.findElements(by).isEmpty();
        } finally {
            browser.manage().timeouts().implicitlyWait(java.time.Duration.ofSeconds(10));
        }
    }

    private void setValue(String id, String value) {
        var input = browser.findElement(By.id(id));
        input.clear();
        input.sendKeys(value);
    }

    /** The current page again at a phone's width: it must still show {@code id}. */
    private void phoneScreenshot(String id, String name) {
        Chromium.emulatePhone(browser, 390, 844);
        try {
            browser.navigate().refresh();
            browser.findElement(By.id(id));
            Chromium.screenshot(browser, name);
        } finally {
            Chromium.stopPhone(browser);
        }
    }
}
