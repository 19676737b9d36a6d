package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_A;
import static org.motcua.server.dashboard.DashboardFixture.UNIT_B;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.dashboard.DashboardFixture;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The leaders' dashboard in a real headless Chromium, with data synced by two simulated communes: a province leader
 * logs in, reads and sorts the overview, opens the late list and a dossier's trail, reads the on-time report and
 * downloads its CSV; the page is checked at a phone's width too. A commune officer then lands on their own commune and
 * is refused another commune's page, list, dossier and export when changing the id in the URL. Screenshots of each
 * page go to {@code target/screenshots/dashboard-*.png}.
 */
class DashboardBrowserTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-3";

    @TempDir
    Path dir;

    @Test
    void aLeaderReadsTheDashboardAndACommuneOfficerSeesOnlyTheirs() throws Exception {
        MutableClock clock = new MutableClock(DashboardFixture.B_SYNC);
        try (TestServer server = TestServer.start(Backend.H2, dir.resolve("server"), c -> c.clock = clock)) {
            DashboardFixture data = new DashboardFixture(server, clock);
            server.services.accounts.create(Actor.cli(), "lanhdao", "Phạm Văn Lãnh Đạo", Role.PROVINCE_LEADER, null,
                    PASSWORD.toCharArray());
            server.services.accounts.create(Actor.cli(), "canbo-a", "Lê Thị Cán Bộ", Role.COMMUNE_OFFICER, UNIT_A,
                    PASSWORD.toCharArray());
            Path downloads = Files.createDirectories(dir.resolve("downloads"));
            ChromeDriver browser = Chromium.start(1366, 768);
            try {
                browser.executeCdpCommand("Browser.setDownloadBehavior", Map.of("behavior", "allow", "downloadPath",
                        downloads.toAbsolutePath().toString()));
                browser.get(server.url("/dashboard"));
                logIn(browser, "lanhdao");
                Chromium.waitUntil(browser, b -> b.getCurrentUrl().endsWith("/dashboard"), "the dashboard after the login");
                assertEquals("Bảng điều hành toàn tỉnh · Một Cửa · Tỉnh", browser.getTitle());
                List<String> a = cells(browser.findElement(By.cssSelector("#communes tr[data-unit='" + UNIT_A + "']")));
                assertEquals(List.of(UNIT_A, "Xã Hòa Bình " + UNIT_A, "7", "4", "2", "1", "75,0 %", "100,0 % (1)", "20/06/2025 10:00",
                        "≈ 0"), a);
                List<String> b = cells(browser.findElement(By.cssSelector("#communes tr[data-unit='" + UNIT_B + "']")));
                assertEquals(List.of("2", "1", "1", "0", "100,0 %", "—", "18/06/2025 10:00", "≈ 6"), b.subList(2, 10));
                assertEquals(List.of(UNIT_A, UNIT_B), rowUnits(browser), "most overdue first");
                assertEquals(1, browser.findElements(By.cssSelector("#overview-chart svg rect.late")).size(), "A's late segment");
                assertEquals(2, browser.findElements(By.cssSelector("#overview-chart svg rect.ontime")).size(), "A's and B's");
                assertTrue(browser.findElement(By.tagName("main")).getText().contains("Cách ước tính sự kiện chưa gửi"));
                Chromium.screenshot(browser, "dashboard-overview");

                browser.findElement(By.id("sort-overdue")).click();
                Chromium.waitUntil(browser, x -> x.getCurrentUrl().contains("sort=overdue&dir=asc"), "the overview sorted by overdue");
                assertEquals(List.of(UNIT_B, UNIT_A), rowUnits(browser));
                browser.findElement(By.id("sort-held-back")).click();
                Chromium.waitUntil(browser, x -> x.getCurrentUrl().contains("sort=held-back&dir=desc"), "sorted by held back");
                assertEquals(List.of(UNIT_B, UNIT_A), rowUnits(browser));
                assertEquals("descending", browser.findElement(By.cssSelector("#communes th[aria-sort]")).getAttribute("aria-sort"));

                Chromium.emulatePhone(browser, 390, 844);
                browser.navigate().refresh();
                browser.findElement(By.id("communes"));
                assertEquals(Boolean.TRUE, browser.executeScript(
                        "return document.documentElement.scrollWidth <= window.innerWidth"), "no sideways scroll of the page");
                Chromium.screenshot(browser, "dashboard-overview-phone");
                Chromium.stopPhone(browser);

                browser.findElement(By.linkText("Hồ sơ trễ hạn")).click();
                List<WebElement> late = browser.findElements(By.cssSelector("#late tbody tr"));
                assertEquals(List.of(data.b1, data.a5, data.a4), late.stream().map(r -> r.getAttribute("data-dossier")).toList());
                String a5 = late.get(1).getText();
                assertTrue(a5.contains("Đã gửi 16/06/2025 15:00, hẹn lại 24/06/2025 17:00"), a5);
                assertTrue(late.get(0).getText().contains("Chưa gửi") && late.get(0).getText().contains("can-bo-b"), late.get(0).getText());
                assertTrue(late.get(2).getText().contains("chuyenvien-tuphap") && late.get(2).getText().contains("2 ngày"));
                Chromium.screenshot(browser, "dashboard-late");

                late.get(1).findElement(By.tagName("a")).click();
                String timeline = browser.findElement(By.id("timeline")).getText();
                assertTrue(timeline.contains("Chuyển xử lý") && timeline.contains("Xin lỗi và gia hạn (mẫu 04)"), timeline);
                assertTrue(browser.findElement(By.id("origin-device")).getText().contains(data.a.device.deviceId));
                List<WebElement> batches = browser.findElements(By.cssSelector("#sync-history tbody tr"));
                assertEquals(1, batches.size());
                assertTrue(batches.get(0).getText().contains("DossierReceived #"), batches.get(0).getText());
                Chromium.screenshot(browser, "dashboard-dossier");

                browser.findElement(By.linkText("Tỷ lệ đúng hạn")).click();
                assertEquals("2025-06-01", browser.findElement(By.id("from")).getAttribute("value"));
                assertTrue(browser.findElement(By.id("rates-total")).getText().contains("5 hồ sơ")
                        && browser.findElement(By.id("rates-total")).getText().contains("80,0 %"));
                assertEquals(2, browser.findElements(By.cssSelector("#by-procedure tbody tr")).size());
                browser.findElement(By.cssSelector("#chart-field svg"));
                Chromium.screenshot(browser, "dashboard-rates");

                browser.findElement(By.id("export-csv-semicolon")).click();
                Chromium.waitUntil(browser, x -> csvIn(downloads) != null, "the CSV download");
                byte[] csv = Files.readAllBytes(csvIn(downloads));
                assertEquals((byte) 0xEF, csv[0], "UTF-8 with a byte-order mark");
                String text = new String(csv, 3, csv.length - 3, StandardCharsets.UTF_8);
                assertTrue(text.startsWith("Nhóm;Mã;Tên;Trước hạn;Đúng hạn;Trễ hạn;Tổng;"), text);
                assertTrue(text.contains("Tổng cộng;;;2;2;1;5;80,00"), text);

                browser.get(server.url("/dashboard/rates?from=2025-06-30&to=2025-06-01"));
                assertEquals("Ngày bắt đầu phải trước hoặc bằng ngày kết thúc.", browser.findElement(By.id("error")).getText());
                Chromium.screenshot(browser, "dashboard-rates-error");

                browser.findElement(By.id("logout")).click();
                Chromium.waitUntil(browser, x -> x.getCurrentUrl().contains("/login"), "the login page after logging out");
                browser.get(server.url("/dashboard"));
                logIn(browser, "canbo-a");
                Chromium.waitUntil(browser, x -> x.getCurrentUrl().endsWith("/dashboard/communes/" + UNIT_A), "the officer's commune");
                assertEquals("7", browser.findElement(By.id("fig-received")).getText());
                assertEquals("2", browser.findElement(By.id("fig-overdue")).getText());
                assertEquals(2, browser.findElements(By.cssSelector("#late tbody tr")).size());
                assertTrue(browser.findElement(By.id("commune-devices")).getText().contains(data.a.device.deviceId.substring(0, 8)));
                Chromium.screenshot(browser, "dashboard-commune");

                for (String other : List.of("/dashboard/communes/" + UNIT_B, "/dashboard/late?unit=" + UNIT_B,
                        "/dashboard/dossiers/" + data.b1, "/dashboard/rates?unit=" + UNIT_B, "/dashboard/rates.csv?unit=" + UNIT_B)) {
                    browser.get(server.url(other));
                    assertEquals("Không có quyền truy cập", browser.findElement(By.tagName("h1")).getText(), other);
                    assertFalse(browser.getPageSource().contains(UNIT_B + "-"), "no dossier code of B on " + other);
                }
                Chromium.screenshot(browser, "dashboard-forbidden");
                browser.get(server.url("/dashboard/late"));
                assertEquals(2, browser.findElements(By.cssSelector("#late tbody tr")).size(), "only the officer's commune");
                assertFalse(browser.findElement(By.id("late")).getText().contains(UNIT_B));
            } finally {
                browser.quit();
            }
            for (String shot : List.of("dashboard-overview", "dashboard-overview-phone", "dashboard-late", "dashboard-dossier",
                    "dashboard-rates", "dashboard-commune", "dashboard-forbidden")) {
                assertTrue(Files.size(Chromium.SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
            }
        }
    }

    private static List<String> cells(WebElement row) {
        return row.findElements(By.tagName("td")).stream().map(WebElement::getText).toList();
    }

    private static List<String> rowUnits(ChromeDriver browser) {
        return browser.findElements(By.cssSelector("#communes tbody tr")).stream().map(r -> r.getAttribute("data-unit")).toList();
    }

    private static Path csvIn(Path downloads) {
        try (Stream<Path> files = Files.list(downloads)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".csv")).findFirst().orElse(null);
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }

    private static void logIn(ChromeDriver browser, String username) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1/login"));
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
    }
}
