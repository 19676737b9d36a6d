package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The commune page in a real headless Chromium: the admin chooses a bad CSV file, reads the refused lines in
 * Vietnamese, chooses the good one and sees the list; screenshots of both at 1366×768 and at a phone's width.
 */
class CommunesBrowserTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-3";

    @TempDir
    Path dir;

    @Test
    void anAdminImportsTheCommuneListInTheBrowser() throws Exception {
        Path bad = dir.resolve("xa-sai.csv");
        Files.writeString(bad, "ma_don_vi;ten_don_vi;ma_dvhc\n000.17.22.H56;Xã Hòa Bình;10378\n000.18.22.H56;;10381\n");
        Path good = Path.of("examples/communes.csv").toAbsolutePath();
        try (TestServer server = TestServer.start(Backend.H2, dir.resolve("server"))) {
            server.services.accounts.create(Actor.cli(), "quantri", "Nguyễn Thị Quản Trị", Role.PROVINCE_ADMIN, null,
                    PASSWORD.toCharArray());
            ChromeDriver browser = Chromium.start(1366, 768);
            try {
                browser.get(server.url("/login"));
                browser.findElement(By.id("username")).sendKeys("quantri");
                browser.findElement(By.id("password")).sendKeys(PASSWORD);
                browser.findElement(By.id("login")).click();
                Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
                browser.findElement(By.linkText("Xã, phường")).click();

                browser.findElement(By.id("file")).sendKeys(bad.toString());
                browser.findElement(By.id("import-communes")).click();
                String error = browser.findElement(By.id("communes-error")).getText();
                assertTrue(error.contains("Tệp bị từ chối, không có gì được lưu") && error.contains("Dòng 3: thiếu tên đơn vị"), error);
                assertTrue(browser.findElements(By.id("communes")).isEmpty(), "nothing stored from the bad file");
                Chromium.screenshot(browser, "communes-refused");

                browser.findElement(By.id("file")).sendKeys(good.toString());
                browser.findElement(By.id("import-communes")).click();
                String notice = browser.findElement(By.id("communes-notice")).getText();
                assertTrue(notice.contains("Đã nhập 3 xã: 3 thêm mới"), notice);
                String table = browser.findElement(By.id("communes")).getText();
                assertTrue(table.contains("000.19.22.H56") && table.contains("Phường Đông Hưng") && table.contains("10384"), table);
                assertFalse(table.contains("Xã Hòa Bình;"), table);
                Chromium.screenshot(browser, "communes");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.navigate().refresh();
                browser.findElement(By.id("communes"));
                Chromium.screenshot(browser, "communes-phone");
            } finally {
                browser.quit();
            }
        }
    }
}
