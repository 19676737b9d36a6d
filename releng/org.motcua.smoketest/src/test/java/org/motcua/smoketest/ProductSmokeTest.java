package org.motcua.smoketest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts what a commune would run: the packaged sync-server on its embedded H2 database and the Linux product zip
 * unzipped into an empty folder, started by its own script with no Java on PATH and no JAVA_HOME (it carries its own
 * runtime), pointed at the server as {@code ./motcua run} does (in demo mode, so the desk is created and logged in
 * without dialogs). Sees both come up, the desk's menu entry written, and stops them.
 */
class ProductSmokeTest {

    private static final String SERVER_READY = "MOTCUA-SERVER-READY";
    private static final String CLIENT_READY = "MOTCUA-CLIENT-READY";
    /** The sample commune's unit, as in {@code ./motcua run}. */
    private static final String DEMO_UNIT = "000.00.99.H99";

    @TempDir
    Path tmp;

    @Test
    void serverAndClientProductComeUpTogether() throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "the client needs an X display: run the tests through ./motcua test");
        Path productZip = Path.of(System.getProperty("motcua.product.zip"));
        assertTrue(Files.isRegularFile(productZip), "the Linux product was not zipped: " + productZip);
        Path serverJar = Path.of(System.getProperty("motcua.server.jar"));
        assertTrue(Files.isRegularFile(serverJar), "sync-server was not packaged: " + serverJar);
        String java = ProcessHandle.current().info().command().orElseThrow();

        // As ./motcua run does: the admin tool makes the demo desk's enrolment code before the server holds the database.
        String code = enrolmentCode(java, serverJar);

        try (LaunchedProcess server = new LaunchedProcess("sync-server", List.of(java, "-jar", serverJar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--data", tmp.resolve("server").toString()), tmp)) {
            String serverUrl = server.awaitLine(SERVER_READY, Duration.ofSeconds(60)).substring(SERVER_READY.length()).trim();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serverUrl + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"kind\":\"health\"") && health.body().contains("\"protocol\":1"), health.body());

            // The product's own start script with its Java options, as an officer's menu entry starts it, from the zip
            // unzipped into an empty folder, with no Java to be found but the product's own. Demo mode: creates the demo
            // desk in the workspace and logs in without the login dialog.
            Path unzipped = tmp.resolve("unzipped");
            ProductZip.unzip(productZip, unzipped);
            Path installed = unzipped.resolve("motcua");
            Path home = Files.createDirectories(tmp.resolve("home"));
            Path classData = installed.resolve("configuration").resolve("motcua.jsa");
            try (LaunchedProcess client = new LaunchedProcess("client", List.of(installed.resolve("motcua.sh").toString(),
                    "-consoleLog", "-data", tmp.resolve("workspace").toString()), tmp,
                    Map.of("PATH", pathWithoutJava().toString(), "HOME", home.toString(), "MOTCUA_SERVER_URL", serverUrl,
                            "MOTCUA_JAVA_OPTS", "-Dmotcua.demo=true -Dmotcua.demo.enrolmentCode=" + code),
                    List.of("JAVA_HOME", "XDG_DATA_HOME", "MOTCUA_MENU_ENTRY"))) {
                String ready = client.awaitLine(CLIENT_READY, Duration.ofSeconds(120));
                assertTrue(ready.contains("title=\"MotCua — Một cửa xã\""), ready);
                assertTrue(ready.contains("locale=vi_VN"), ready);
                screenshot();
                // The demo desk enrols itself and sends its sample dossiers' events; the province logs the batch.
                client.awaitLine("MOTCUA-DEMO-ENROLLED", Duration.ofSeconds(60));
                String batch = server.awaitLine("): committed seq 1-", Duration.ofSeconds(60));
                assertTrue(batch.contains("(unit " + DEMO_UNIT + ", no. 1,"), batch);
                List<String> errors = client.output().stream().filter(l -> l.matches("!ENTRY \\S+ 4 .*")).toList();
                assertTrue(errors.isEmpty(), "the client logged errors:\n" + String.join("\n", client.output()));
                assertTrue(client.output().stream().noneMatch(l -> l.contains("falling back to default theme")),
                        "e4 looked for a CSS theme:\n" + String.join("\n", client.output()));
                assertEquals(installed.resolve("runtime/bin/java").toString(), client.command(),
                        "the desk runs on the product's own runtime");
                Path entry = home.resolve(".local/share/applications/motcua.desktop");
                assertTrue(Files.readAllLines(entry).contains("Exec=\"" + installed.resolve("motcua.sh") + "\""),
                        "the menu entry starts this product: " + entry);
            }
            // Written when the desk ends (here by the test's SIGTERM): the next start loads its classes from it.
            assertTrue(Files.isRegularFile(classData), "the start script left no class-data archive at " + classData);
        }
    }

    /** A PATH with only the few tools motcua.sh uses, and no java. */
    private Path pathWithoutJava() throws Exception {
        Path bin = Files.createDirectories(tmp.resolve("bin"));
        for (String tool : List.of("dirname", "mkdir", "grep", "cat")) {
            Path found = Stream.of("/usr/bin/", "/bin/").map(d -> Path.of(d + tool)).filter(Files::isExecutable).findFirst()
                    .orElseThrow(() -> new AssertionError("no " + tool + " on this machine"));
            Files.createSymbolicLink(bin.resolve(tool), found);
        }
        return bin;
    }

    /** {@code enrolment-code} of the server's admin tool on the test's server directory: the code it printed. */
    private String enrolmentCode(String java, Path serverJar) throws Exception {
        try (LaunchedProcess admin = new LaunchedProcess("enrolment-code", List.of(java, "-jar", serverJar.toString(),
                "enrolment-code", "--unit", DEMO_UNIT, "--unit-name", "UBND xã Mẫu Thuận (DỮ LIỆU MẪU)", "--hours", "1",
                "--data", tmp.resolve("server").toString()), tmp)) {
            admin.awaitLine("CA fingerprint", Duration.ofSeconds(60));   // printed after the code
            assertEquals(0, admin.awaitExit(Duration.ofSeconds(60)), "enrolment-code failed:\n" + admin.output());
            return admin.output().stream().map(String::strip).filter(l -> l.matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){8}"))
                    .findFirst().orElseThrow(() -> new AssertionError("no code printed:\n" + admin.output()));
        }
    }

    /** Leaves target/smoke/client.png for a person to look at, when ImageMagick's import is installed. */
    private static void screenshot() throws Exception {
        Path importTool = Path.of("/usr/bin/import");
        if (!Files.isExecutable(importTool)) {
            return;
        }
        Thread.sleep(1500); // let the window finish painting
        Path out = Path.of(System.getProperty("motcua.smoke.out"));
        Files.createDirectories(out);
        new ProcessBuilder(importTool.toString(), "-window", "root", out.resolve("client.png").toString())
                .inheritIO().start().waitFor();
    }
}
