package org.motcua.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;

/** The real server on an ephemeral loopback port with its embedded H2 file database, over real HTTP. */
class SyncServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private ServerDatabase db;
    private SyncServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        db = ServerDatabase.embedded(dataDir);
        server = new SyncServer(db).start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        server.close();
        db.close();
    }

    private HttpResponse<String> get(String path) throws Exception {
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path);
        return http.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthReportsTheSharedProtocolVersion() throws Exception {
        HttpResponse<String> response = get("/api/v1/health");
        assertEquals(200, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("health", body.get("kind").asText());
        assertEquals("ok", body.get("status").asText());
        assertEquals(Protocol.VERSION, body.get("protocol").asInt());
        assertEquals(Protocol.BUILD_VERSION, body.get("serverVersion").asText());
        assertEquals("no-store", response.headers().firstValue("Cache-Control").orElse(""));
    }

    @Test
    void unknownPathIsAProblemDocument() throws Exception {
        HttpResponse<String> response = get("/api/v1/nothing-here");
        assertEquals(404, response.statusCode());
        assertTrue(response.headers().firstValue("Content-Type").orElse("").startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(404, body.get("status").asInt());
        assertEquals("https://motcua.invalid/problems/not-found", body.get("type").asText());
        assertTrue(body.get("instance").asText().startsWith("urn:uuid:"));
    }

    @Test
    void schemaIsMigratedOnceAndSurvivesRestart() throws Exception {
        server.close();
        db.close();
        db = ServerDatabase.embedded(dataDir);
        server = new SyncServer(db).start("127.0.0.1", 0);
        try (var c = db.dataSource().getConnection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM server_instance")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the migration ran exactly once");
        }
        assertEquals(200, get("/api/v1/health").statusCode());
    }
}
