package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.LookupDossiers;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The citizen's lookup in a real headless Chromium: on a phone, type the code and token from the receipt and see the
 * status; open the URL the receipt's QR code carries, at 1366 px, and rate the service once. Screenshots at 390 px and
 * 1366 px land in {@code target/screenshots/}.
 */
class LookupBrowserTest {

    @TempDir
    Path dir;

    @Test
    void aCitizenLooksUpAndRates() throws Exception {
        MutableClock clock = new MutableClock(Instant.parse("2025-06-02T03:00:00Z"));
        try (TestServer server = TestServer.start(Backend.H2, dir, c -> c.clock = clock)) {
            LookupDossiers desk = new LookupDossiers(server);
            LookupDossiers.Made open = desk.dossier("7K3M9QXZ", false);
            LookupDossiers.Made returned = desk.dossier("R3TN8D0C", true);
            ChromeDriver browser = Chromium.start(1366, 768);
            try {
                Chromium.emulatePhone(browser, 390, 844);
                browser.get(server.url("/tra-cuu"));
                assertEquals("Tra cứu hồ sơ · Một Cửa · Tỉnh", browser.getTitle());
                assertEquals(390L, browser.executeScript("return window.innerWidth"), "laid out at a phone's width");
                Chromium.screenshot(browser, "lookup-form-phone");
                browser.findElement(By.id("code")).sendKeys(open.code());
                browser.findElement(By.id("token")).sendKeys("7k3m 9qxz".replace(" ", ""));
                browser.findElement(By.id("lookup")).click();
                assertEquals("Đang xử lý", browser.findElement(By.id("lookup-status")).getText());
                assertEquals("05/06/2025 17:00", browser.findElement(By.id("lookup-due")).getText());
                String steps = browser.findElement(By.id("lookup-steps")).getText();
                assertTrue(steps.contains("Tiếp nhận hồ sơ") && steps.contains("Chuyển bộ phận giải quyết"), steps);
                assertFalse(browser.getPageSource().contains("Nguyễn Văn An"));
                Chromium.screenshot(browser, "lookup-status-phone");

                browser.findElement(By.linkText("Tra cứu hồ sơ khác")).click();
                browser.findElement(By.id("code")).sendKeys(open.code());
                browser.findElement(By.id("token")).sendKeys("7K3M9QXY");
                browser.findElement(By.id("lookup")).click();
                assertTrue(browser.findElement(By.id("lookup-error")).getText().contains("Không tìm thấy hồ sơ"));
                Chromium.screenshot(browser, "lookup-not-found-phone");

                // What the receipt's QR code opens when the province has a public address.
                String qrUrl = server.url("/tra-cuu?code=" + returned.code() + "&token=" + returned.token());
                browser.get(qrUrl);
                assertEquals("Đã trả kết quả", browser.findElement(By.id("lookup-status")).getText());
                browser.findElement(By.id("rating-form"));
                Chromium.screenshot(browser, "lookup-rating-phone");

                Chromium.stopPhone(browser);
                assertEquals(1366L, browser.executeScript("return window.innerWidth"));
                browser.get(qrUrl);
                Chromium.screenshot(browser, "lookup-result-wide");
                browser.findElement(By.id("rate-satisfied")).click();
                browser.findElement(By.id("comment")).sendKeys("Cán bộ hướng dẫn tận tình.");
                browser.findElement(By.id("rate")).click();
                assertEquals("Cảm ơn ông/bà đã đánh giá.", browser.findElement(By.id("lookup-notice")).getText());
                assertTrue(browser.findElements(By.id("rating-form")).isEmpty());
                Chromium.screenshot(browser, "lookup-rated-wide");
                browser.get(qrUrl);
                assertEquals("Ông/bà đã đánh giá hồ sơ này.", browser.findElement(By.id("lookup-rated")).getText());
            } finally {
                browser.quit();
            }
            var counts = server.services.citizenRatings.perUnit(Instant.EPOCH, clock.instant().plusSeconds(1));
            assertEquals(1, counts.get(0).satisfied());
            for (String shot : List.of("lookup-form-phone", "lookup-status-phone", "lookup-not-found-phone", "lookup-rating-phone",
                    "lookup-result-wide", "lookup-rated-wide")) {
                assertTrue(Files.size(Chromium.SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
            }
        }
    }
}
