package org.motcua.smoketest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The Windows product's MotCua.exe, run under wine as far as it goes without a Windows Java: it finds no Java and says
 * so in Vietnamese, refuses a Java older than 21, and with a Java 21 builds the Equinox launcher's command (the
 * product's Java options, the desk's data in %LOCALAPPDATA%\MotCua, the officer's own arguments quoted) and makes the
 * desktop and Start-menu shortcuts. Its dry-run mode writes what it would run, or the message it would show, to a
 * file instead of starting Java or opening a message box. Starting the desk itself needs a Windows Java, which no
 * package here provides.
 */
class WindowsLauncherTest {

    private static final Path WINE = Path.of("/usr/bin/wine");

    @TempDir
    Path tmp;

    private Path product;
    private Path home;

    @BeforeEach
    void unzipTheWindowsProduct() throws Exception {
        assertTrue(Files.isExecutable(WINE), "the launcher is tested under wine: sudo apt-get install wine wine64");
        Path zip = Path.of(System.getProperty("motcua.product.zip.windows"));
        ProductZip.unzip(zip, tmp.resolve("windows"));
        product = tmp.resolve("windows/motcua");
        assertTrue(Files.isRegularFile(product.resolve("MotCua.exe")),
                "the Windows product has no MotCua.exe: the build needs gcc-mingw-w64-x86-64-win32");
        home = Files.createDirectories(tmp.resolve("home/Desktop")).getParent();
    }

    @Test
    void findsJavaChecksItsVersionAndBuildsTheLaunchCommand() throws Exception {
        Result none = run(null);
        assertEquals(2, none.exit(), none.toString());
        assertTrue(none.text().contains("MESSAGE Không tìm thấy Java nên MotCua chưa khởi động được."), none.toString());

        Result old = run(fakeJava("java17", "17.0.9"));
        assertEquals(2, old.exit(), old.toString());
        assertTrue(old.text().contains("MotCua cần Java 21 trở lên, nhưng máy này có Java 17"), old.toString());

        Path java21 = fakeJava("java21", "21.0.5");
        Result ok = run(java21, "-consoleLog", "thư mục có dấu cách");
        assertEquals(0, ok.exit(), ok.toString());
        String javaw = windows(java21) + "\\bin\\javaw.exe";
        assertTrue(ok.text().contains("JAVA " + javaw + "\n"), ok.toString());
        String command = ok.text().lines().filter(l -> l.startsWith("COMMAND ")).findFirst().orElseThrow();
        assertTrue(command.startsWith("COMMAND " + javaw + " -XX:TieredStopAtLevel=1 -XX:+UseSerialGC"), command);
        assertTrue(command.contains(" -Dmotcua.server.url=http://127.0.0.1:8080 -Dmotcua.demo=true -jar "
                + "boot\\motcua-boot.jar -nl vi_VN"), command);
        assertTrue(command.matches(".* -nl vi_VN -data C:\\\\users\\\\[^\\\\]+\\\\AppData\\\\Local\\\\MotCua "
                + "-consoleLog \"thư mục có dấu cách\""), command);
        assertTrue(Files.isRegularFile(home.resolve("Desktop/MotCua.lnk")), "the desktop shortcut");
        try (var found = Files.find(tmp.resolve("prefix"), 12, (p, a) -> p.endsWith("Start Menu/Programs/MotCua.lnk"))) {
            assertEquals(1, found.count(), "the Start-menu shortcut");
        }
    }

    private Path fakeJava(String name, String version) throws Exception {
        Path home = Files.createDirectories(tmp.resolve(name).resolve("bin")).getParent();
        Files.writeString(home.resolve("bin/javaw.exe"), "not run: the launcher only checks it is there");
        Files.writeString(home.resolve("release"), "IMPLEMENTOR=\"test\"\nJAVA_VERSION=\"" + version + "\"\n");
        return home;
    }

    /** Runs MotCua.exe in dry-run mode under wine with JAVA_HOME (or none); returns its exit code and what it wrote. */
    private Result run(Path javaHome, String... args) throws Exception {
        Path out = tmp.resolve("dry-run-" + System.nanoTime() + ".txt");
        Map<String, String> env = new HashMap<>(Map.of("WINEPREFIX", tmp.resolve("prefix").toString(), "WINEDEBUG", "-all",
                "WINEDLLOVERRIDES", "mscoree,mshtml=d", "HOME", home.toString(), "MOTCUA_LAUNCHER_DRY_RUN", windows(out),
                "MOTCUA_JAVA_OPTS", "-Dmotcua.demo=true", "LANG", "C.UTF-8"));   // wine reads Unix arguments as UTF-8
        List<String> unset = List.of("JAVA_HOME", "MOTCUA_SERVER_URL", "LC_ALL");
        if (javaHome != null) {
            env.put("JAVA_HOME", windows(javaHome));
            unset = List.of("MOTCUA_SERVER_URL", "LC_ALL");
        }
        List<String> command = new java.util.ArrayList<>(List.of(WINE.toString(), product.resolve("MotCua.exe").toString()));
        command.addAll(List.of(args));
        try (LaunchedProcess wine = new LaunchedProcess("wine", command, tmp, env, unset)) {
            int exit = wine.awaitExit(Duration.ofMinutes(3));
            String text = Files.exists(out) ? Files.readString(out, StandardCharsets.UTF_8) : "";
            return new Result(exit, text, String.join("\n", wine.output()));
        }
    }

    /** The path as a Windows program under wine sees it (wine maps / to drive Z:). */
    private static String windows(Path p) {
        return "Z:" + p.toAbsolutePath().toString().replace('/', '\\');
    }

    private record Result(int exit, String text, String wineOutput) {
    }
}
