package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.score.Period;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.ScoreDesk;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.Backend;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The estimated score in a real headless Chromium, with June 2025 synced from two communes: the province leader computes
 * it, sorts the communes, opens the weaker one and finds its overdue dossier beside the on-time group; the commune's
 * officer lands on their own commune and meets the 403 page when changing the unit in the address. Screenshots go to
 * {@code target/screenshots/} with the other pages'.
 */
class ScoreBrowserTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-4";

    @TempDir
    Path dir;

    @Test
    void aLeaderSeesTheScoreComingAndACommuneOnlyItsOwn() throws Exception {
        MutableClock clock = new MutableClock(LocalDateTime.parse("2025-06-20T10:00").atZone(Period.VIETNAM).toInstant());
        try (TestServer server = TestServer.start(Backend.H2, dir, c -> c.clock = clock)) {
            ScoreDesk weak = new ScoreDesk(server);
            ScoreDesk strong = new ScoreDesk(server);
            ScoreDesk.Dossier overdue = weak.receive("2025-06-09T08:00", "2025-06-11T17:30", true, 0)
                    .step("HAND_OVER_FOR_PROCESSING", 4, "2025-06-09T09:00").send();
            ScoreDesk.Dossier twice = weak.receive("2025-06-10T08:00", "2025-06-20T17:30", false, 0)
                    .step("REQUEST_SUPPLEMENT", 5, "2025-06-10T09:00").step("SUPPLEMENT_RECEIVED", 4, "2025-06-11T09:00")
                    .step("REQUEST_SUPPLEMENT", 5, "2025-06-12T09:00").send();
            ScoreDesk.Dossier dueSoon = weak.receive("2025-06-18T08:00", "2025-06-25T17:30", true, 0).send();
            strong.receive("2025-06-10T08:00", "2025-06-12T17:30", true, 0).doneWithResult("2025-06-11T08:00").send();
            server.services.accounts.create(Actor.cli(), "lanhdao", "Trần Thị Lãnh Đạo", Role.PROVINCE_LEADER, null,
                    PASSWORD.toCharArray());
            server.services.accounts.create(Actor.cli(), "canbo", "Lê Văn Cán Bộ", Role.COMMUNE_OFFICER, weak.device.unitCode,
                    PASSWORD.toCharArray());
            ChromeDriver browser = Chromium.start(1366, 768);
            try {
                browser.get(server.url("/login"));
                logIn(browser, "lanhdao");
                browser.findElement(By.linkText("Điểm ước tính")).click();
                assertTrue(browser.findElement(By.id("computed")).getText().contains("Chưa có lần tính nào"));
                browser.findElement(By.id("recompute")).click();
                assertTrue(browser.findElement(By.id("notice")).getText().contains("Đã tính lại"));
                assertEquals("Tháng 6/2025", browser.findElement(By.id("period")).getText());
                List<String> units = browser.findElements(By.cssSelector("#scores tbody tr")).stream()
                        .map(r -> r.getAttribute("data-unit")).toList();
                assertEquals(List.of(weak.device.unitCode, strong.device.unitCode), units, "the weaker commune first");
                String weakRow = browser.findElement(By.cssSelector("tr[data-unit='" + weak.device.unitCode + "']")).getText();
                assertTrue(weakRow.contains("/ 60"), weakRow);
                Chromium.screenshot(browser, "score-province");

                browser.findElement(By.linkText("Mã đơn vị")).click();
                units = browser.findElements(By.cssSelector("#scores tbody tr")).stream().map(r -> r.getAttribute("data-unit")).toList();
                assertEquals(units.stream().sorted().toList(), units);

                browser.findElement(By.linkText(weak.device.unitCode)).click();
                assertEquals(weak.device.unitCode, browser.findElement(By.id("unit")).getText());
                String onTime = browser.findElement(By.id("costs-on-time")).getText();
                assertTrue(onTime.contains(overdue.code) && onTime.contains("Đang giải quyết, đã quá hạn"), onTime);
                assertTrue(onTime.contains(twice.code) && onTime.contains("Yêu cầu bổ sung lần thứ hai"), onTime);
                assertTrue(browser.findElement(By.id("due-soon")).getText().contains(dueSoon.code));
                assertTrue(browser.findElement(By.id("costs-digitised-documents")).getText().contains(twice.code));
                String groups = browser.findElement(By.id("groups")).getText();
                assertTrue(groups.contains("Ước tính") && groups.contains("Do Cổng DVCQG chấm"), groups);
                assertTrue(browser.findElement(By.id("left-to-portal")).getText().contains("Thanh toán trực tuyến"));
                Chromium.screenshot(browser, "score-commune");
                browser.findElement(By.linkText("Năm nay")).click();
                assertEquals("Năm 2025", browser.findElement(By.id("period")).getText());

                Chromium.emulatePhone(browser, 390, 844);
                browser.navigate().refresh();
                browser.findElement(By.id("groups"));
                Chromium.screenshot(browser, "score-commune-phone");
                Chromium.stopPhone(browser);

                browser.findElement(By.id("logout")).click();
                Chromium.waitUntil(browser, b -> b.getCurrentUrl().contains("/login"), "the login page");
                logIn(browser, "canbo");
                browser.findElement(By.linkText("Điểm ước tính")).click();
                assertTrue(browser.getCurrentUrl().contains("/diem-uoc-tinh/" + weak.device.unitCode), browser.getCurrentUrl());
                assertTrue(browser.findElement(By.id("costs-on-time")).getText().contains(overdue.code));
                browser.get(server.url("/diem-uoc-tinh/" + strong.device.unitCode));
                assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Không có quyền truy cập"));
                assertFalse(browser.getPageSource().contains(strong.device.unitCode + "-"));
                Chromium.screenshot(browser, "score-forbidden");
                browser.get(server.url("/diem-uoc-tinh"));
                assertTrue(browser.getCurrentUrl().contains("/diem-uoc-tinh/" + weak.device.unitCode), "the province's table is not theirs");
            } finally {
                browser.quit();
            }
            for (String shot : List.of("score-province", "score-commune", "score-commune-phone", "score-forbidden")) {
                assertTrue(Files.size(Chromium.SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
            }
        }
    }

    private static void logIn(ChromeDriver browser, String username) {
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(PASSWORD);
        browser.findElement(By.id("login")).click();
        Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
    }
}
