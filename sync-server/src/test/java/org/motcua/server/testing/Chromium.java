package org.motcua.server.testing;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's headless Chromium driven through Debian's chromedriver: both paths are given, so Selenium Manager never
 * downloads a browser or a driver. CI installs both packages, so their absence fails the test with their names: a
 * browser test is never skipped.
 */
public final class Chromium {

    public static final Path BROWSER = Path.of("/usr/bin/chromium");
    public static final Path DRIVER = Path.of("/usr/bin/chromedriver");
    /** Screenshots go to the build directory, outside the source tree. */
    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private Chromium() {
    }

    /** A headless browser window of {@code width}×{@code height}, in Vietnamese. */
    public static ChromeDriver start(int width, int height) {
        if (!Files.isExecutable(BROWSER) || !Files.isExecutable(DRIVER)) {
            throw new AssertionError("the browser tests need Debian's Chromium and its driver (" + BROWSER + ", " + DRIVER
                    + "): apt-get install -y chromium chromium-driver");
        }
        ChromeOptions options = new ChromeOptions();
        options.setBinary(BROWSER.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                "--window-size=" + width + "," + height, "--lang=vi-VN", "--no-first-run", "--disable-extensions",
                "--password-store=basic");
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(DRIVER.toFile()).usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
        // A click that submits a form may return before the next page is there: finding an element waits for it.
        driver.manage().timeouts().implicitlyWait(Duration.ofSeconds(10));
        return driver;
    }

    /**
     * Lays pages out at a phone's {@code width} CSS pixels, as a phone does (a headless window is never narrower than
     * 500 px, so a narrower window size alone would not do); holds across navigations until {@link #stopPhone}.
     */
    public static void emulatePhone(ChromeDriver driver, int width, int height) {
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", java.util.Map.of("width", width, "height", height,
                "deviceScaleFactor", 1, "mobile", true));
    }

    public static void stopPhone(ChromeDriver driver) {
        driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", java.util.Map.of());
    }

    /** Waits up to 10 s until {@code condition} holds (a page reached by a click), else fails naming {@code what}. */
    public static void waitUntil(ChromeDriver driver, java.util.function.Predicate<ChromeDriver> condition, String what) {
        long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.test(driver)) {
            if (System.nanoTime() > end) {
                throw new AssertionError("waited 10 s for " + what + "; at " + driver.getCurrentUrl());
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError(e);
            }
        }
    }

    /** Writes a PNG of what the window shows to {@code target/screenshots/<name>.png}. */
    public static Path screenshot(ChromeDriver driver, String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            File shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path to = SCREENSHOTS.resolve(name + ".png");
            Files.copy(shot.toPath(), to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            return to;
        } catch (IOException e) {
            throw new AssertionError("cannot write screenshot " + name + ": " + e.getMessage(), e);
        }
    }
}
