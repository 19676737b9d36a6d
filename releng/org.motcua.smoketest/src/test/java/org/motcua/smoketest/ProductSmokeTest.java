package org.motcua.smoketest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Starts what a commune would run: the packaged sync-server on its embedded H2 database and the
 * materialized client product pointed at it, as {@code ./motcua run} does (in demo mode, so the desk is created
 * and logged in without dialogs). Sees both come up and stops them.
 */
class ProductSmokeTest {

    private static final String SERVER_READY = "MOTCUA-SERVER-READY";
    private static final String CLIENT_READY = "MOTCUA-CLIENT-READY";

    @TempDir
    Path tmp;

    @Test
    void serverAndClientProductComeUpTogether() throws Exception {
        assertNotNull(System.getenv("DISPLAY"), "the client needs an X display: run the tests through ./motcua test");
        Path product = Path.of(System.getProperty("motcua.product.dir"));
        Path serverJar = Path.of(System.getProperty("motcua.server.jar"));
        assertTrue(Files.isRegularFile(serverJar), "sync-server was not packaged: " + serverJar);
        String java = ProcessHandle.current().info().command().orElseThrow();

        try (LaunchedProcess server = new LaunchedProcess("sync-server", List.of(java, "-jar", serverJar.toString(),
                "--host", "127.0.0.1", "--port", "0", "--data", tmp.resolve("server").toString()), tmp)) {
            String serverUrl = server.awaitLine(SERVER_READY, Duration.ofSeconds(60)).substring(SERVER_READY.length()).trim();
            HttpResponse<String> health = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create(serverUrl + "/api/v1/health")).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, health.statusCode());
            assertTrue(health.body().contains("\"kind\":\"health\"") && health.body().contains("\"protocol\":1"), health.body());

            try (LaunchedProcess client = new LaunchedProcess("client", List.of(java,
                    "-Dfile.encoding=UTF-8", "-Dstdout.encoding=UTF-8", "-Dmotcua.server.url=" + serverUrl,
                    // Demo mode: creates the demo desk in the workspace and logs in without the login dialog.
                    "-Dmotcua.demo=true",
                    "-jar", launcherJar(product).toString(),
                    "-nl", "vi_VN", "-clearPersistedState", "-consoleLog", "-data", tmp.resolve("workspace").toString()),
                    product)) {
                String ready = client.awaitLine(CLIENT_READY, Duration.ofSeconds(120));
                assertTrue(ready.contains("title=\"MotCua — Một cửa xã\""), ready);
                assertTrue(ready.contains("locale=vi_VN"), ready);
                screenshot();
                List<String> errors = client.output().stream().filter(l -> l.matches("!ENTRY \\S+ 4 .*")).toList();
                assertTrue(errors.isEmpty(), "the client logged errors:\n" + String.join("\n", client.output()));
            }
        }
    }

    private static Path launcherJar(Path product) throws IOException {
        try (Stream<Path> jars = Files.list(product.resolve("plugins"))) {
            return jars.filter(p -> p.getFileName().toString().matches("org\\.eclipse\\.equinox\\.launcher_.*\\.jar"))
                    .findFirst().orElseThrow(() -> new AssertionError("no equinox launcher in " + product));
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
