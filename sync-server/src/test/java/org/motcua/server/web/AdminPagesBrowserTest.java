package org.motcua.server.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chromium;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * The province admin's pages in a real headless Chromium, as an admin uses them: log in, see the devices, make an
 * enrolment code, revoke a device, find both in the audit log, create a commune officer's account, log out; that
 * officer meets the 403 page and sees only their commune. A
 * screenshot of each page lands in {@code target/screenshots/}, at 1366×768 and at a phone's width.
 */
class AdminPagesBrowserTest {

    static final String PASSWORD = "mật-khẩu-đủ-dài-2";

    @TempDir
    Path dir;

    @Test
    void anAdminsRoundInTheBrowser() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, dir)) {
            TestDevice keep = TestDevice.enrol(server);
            TestDevice stolen = TestDevice.enrol(server);
            server.services.accounts.create(Actor.cli(), "quantri", "Nguyễn Thị Quản Trị", Role.PROVINCE_ADMIN, null,
                    PASSWORD.toCharArray());
            ChromeDriver browser = Chromium.start(1366, 768);
            try {
                browser.get(server.url("/admin/devices"));
                assertTrue(browser.getCurrentUrl().contains("/login?next="), browser.getCurrentUrl());
                assertEquals("Đăng nhập · Một Cửa · Tỉnh", browser.getTitle());
                Chromium.screenshot(browser, "login");
                logIn(browser, "quantri", PASSWORD);

                Chromium.waitUntil(browser, b -> b.getCurrentUrl().endsWith("/admin/devices"), "the page asked for before the login");
                WebElement table = browser.findElement(By.id("devices"));
                assertTrue(table.getText().contains(keep.unitCode) && table.getText().contains(stolen.unitCode), table.getText());
                assertTrue(table.getText().contains("Đang hoạt động"));
                Chromium.screenshot(browser, "devices");

                browser.findElement(By.linkText("Mã đăng ký")).click();
                browser.findElement(By.id("unit")).sendKeys("000.17.22.H56");
                browser.findElement(By.id("unitName")).sendKeys("UBND xã Minh Xuân");
                WebElement hours = browser.findElement(By.id("hours"));
                hours.clear();
                hours.sendKeys("12");
                browser.findElement(By.id("make-code")).click();
                String code = browser.findElement(By.id("enrolment-code")).getText();
                assertTrue(code.matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){8}"), code);
                assertFalse(browser.findElement(By.id("ca-fingerprint")).getText().isBlank());
                Chromium.screenshot(browser, "enrolment-code");
                browser.findElement(By.linkText("Quay lại trang mã đăng ký")).click();
                assertTrue(browser.findElement(By.id("codes")).getText().contains("000.17.22.H56"));
                assertFalse(browser.getPageSource().contains(code), "the code is shown only once");
                Chromium.screenshot(browser, "enrolment-codes");

                browser.findElement(By.linkText("Thiết bị")).click();
                browser.findElement(By.cssSelector("tr[data-device='" + stolen.deviceId + "'] a.danger")).click();
                browser.findElement(By.id("confirm-revoke"));
                assertTrue(browser.findElement(By.tagName("main")).getText().contains(stolen.deviceId));
                Chromium.screenshot(browser, "revoke-confirm");
                browser.findElement(By.id("confirm-revoke")).click();
                assertTrue(browser.findElement(By.id("notice")).getText().contains("Đã thu hồi thiết bị " + stolen.deviceId));
                String row = browser.findElement(By.cssSelector("tr[data-device='" + stolen.deviceId + "']")).getText();
                assertTrue(row.contains("Đã thu hồi"), row);
                assertTrue(server.admin().find(stolen.deviceId).orElseThrow().device().revoked());

                browser.findElement(By.linkText("Nhật ký quản trị")).click();
                String audit = browser.findElement(By.id("audit")).getText();
                assertTrue(audit.contains("Thu hồi thiết bị") && audit.contains(stolen.deviceId), audit);
                assertTrue(audit.contains("Tạo mã đăng ký") && audit.contains("000.17.22.H56"), audit);
                assertTrue(audit.contains("quantri") && audit.contains("Web"), audit);
                assertTrue(audit.contains("Tạo tài khoản") && audit.contains("Dòng lệnh"), "the CLI's account-create too: " + audit);
                assertFalse(audit.contains(code));
                Chromium.screenshot(browser, "audit");

                browser.findElement(By.linkText("Tài khoản")).click();
                browser.findElement(By.id("new-username")).sendKeys("canbo");
                browser.findElement(By.id("displayName")).sendKeys("Lê Văn Cán Bộ");
                browser.findElement(By.cssSelector("#role option[value='commune-officer']")).click();
                browser.findElement(By.id("account-unit")).sendKeys(keep.unitCode);
                browser.findElement(By.id("new-password")).sendKeys(PASSWORD);
                browser.findElement(By.id("new-password2")).sendKeys(PASSWORD);
                browser.findElement(By.id("create-account")).click();
                assertTrue(browser.findElement(By.id("notice")).getText().contains("Đã tạo tài khoản canbo."));
                String account = browser.findElement(By.cssSelector("tr[data-account='canbo']")).getText();
                assertTrue(account.contains("Cán bộ xã") && account.contains(keep.unitCode), account);
                Chromium.screenshot(browser, "accounts");

                browser.manage().window().setSize(new org.openqa.selenium.Dimension(390, 844));
                browser.findElement(By.linkText("Thiết bị")).click();
                browser.findElement(By.id("devices"));
                Chromium.screenshot(browser, "devices-phone");
                browser.manage().window().setSize(new org.openqa.selenium.Dimension(1366, 768));

                browser.findElement(By.id("logout")).click();
                Chromium.waitUntil(browser, b -> b.getCurrentUrl().contains("/login"), "the login page after logging out");
                assertTrue(browser.getPageSource().contains("Bạn đã đăng xuất."));
                browser.get(server.url("/admin/audit"));
                assertTrue(browser.getCurrentUrl().contains("/login?next="), "logged out: " + browser.getCurrentUrl());

                logIn(browser, "canbo", PASSWORD);
                browser.get(server.url("/admin/devices"));
                assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Không có quyền truy cập"));
                Chromium.screenshot(browser, "forbidden");
                browser.get(server.url("/communes/" + stolen.unitCode + "/devices"));
                assertTrue(browser.findElement(By.tagName("h1")).getText().contains("Không có quyền truy cập"));
                browser.get(server.url("/communes/" + keep.unitCode + "/devices"));
                assertTrue(browser.findElement(By.id("devices")).getText().contains(keep.unitCode));
                Chromium.screenshot(browser, "commune-devices");
            } finally {
                browser.quit();
            }
            for (String shot : List.of("login", "devices", "enrolment-code", "audit", "accounts", "devices-phone", "forbidden")) {
                assertTrue(Files.size(Chromium.SCREENSHOTS.resolve(shot + ".png")) > 1000, shot);
            }
        }
    }

    private static void logIn(ChromeDriver browser, String username, String password) {
        if (!browser.getCurrentUrl().contains("/login")) {
            browser.get(browser.getCurrentUrl().replaceAll("(https?://[^/]+).*", "$1/login"));
        }
        browser.findElement(By.id("username")).sendKeys(username);
        browser.findElement(By.id("password")).sendKeys(password);
        browser.findElement(By.id("login")).click();
        Chromium.waitUntil(browser, b -> !b.getCurrentUrl().contains("/login"), "the page after logging in");
    }
}
