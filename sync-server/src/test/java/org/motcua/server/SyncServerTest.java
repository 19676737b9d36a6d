package org.motcua.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Limits;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestServer;

/** The real server on an ephemeral loopback port with its embedded H2 file database, over real HTTP. */
class SyncServerTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @TempDir
    Path dataDir;

    private TestServer server;

    @BeforeEach
    void start() {
        server = TestServer.start(Backend.H2, dataDir);
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void healthReportsTheSharedProtocolVersion() throws Exception {
        Http.Answer response = Http.get(server.url("/api/v1/health"), Map.of());
        assertEquals(200, response.status());
        assertTrue(response.header("Content-Type").startsWith("application/json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals("health", body.get("kind").asText());
        assertEquals("ok", body.get("status").asText());
        assertEquals(Protocol.VERSION, body.get("protocol").asInt());
        assertEquals(Protocol.BUILD_VERSION, body.get("serverVersion").asText());
        assertEquals("/api/v1/limits", body.get("limitsPath").asText());
        assertEquals("no-store", response.header("Cache-Control"));
    }

    @Test
    void limitsAreTheContractsDefaults() throws Exception {
        Http.Answer response = Http.get(server.url("/api/v1/limits"), Map.of());
        assertEquals(200, response.status());
        assertEquals(Limits.DEFAULTS, Docs.parse(response.body(), Limits::read));
    }

    @Test
    void unknownPathIsAProblemDocument() throws Exception {
        Http.Answer response = Http.get(server.url("/api/v1/nothing-here"), Map.of());
        assertEquals(404, response.status());
        assertTrue(response.header("Content-Type").startsWith("application/problem+json"));
        JsonNode body = JSON.readTree(response.body());
        assertEquals(404, body.get("status").asInt());
        assertEquals("https://motcua.invalid/problems/not-found", body.get("type").asText());
        assertTrue(body.get("instance").asText().startsWith("urn:uuid:"));
    }

    @Test
    void aDevicePathWithoutAUuidIsNotFound() {
        Http.Answer response = Http.send("POST", server.url("/api/v1/devices/not-a-uuid/batches"), Map.of(), new byte[0]);
        assertEquals(404, response.status());
        assertEquals("not-found", response.problem());
    }

    @Test
    void schemaIsMigratedOnceAndSurvivesRestart() throws Exception {
        server.close();
        server = TestServer.start(Backend.H2, dataDir);
        try (var c = server.services.db.connection(); var st = c.createStatement();
                var rs = st.executeQuery("SELECT COUNT(*) FROM server_instance")) {
            assertTrue(rs.next());
            assertEquals(1, rs.getInt(1), "the migration ran exactly once");
        }
        assertEquals(200, Http.get(server.url("/api/v1/health"), Map.of()).status());
    }

    @Test
    void healthIs503WhenTheDatabaseIsUnreachable() {
        server.services.db.close();
        Http.Answer response = Http.get(server.url("/api/v1/health"), Map.of());
        assertEquals(503, response.status());
        assertEquals("unavailable", response.problem());
        assertEquals("30", response.header("Retry-After"));
    }

    @Test
    void plainHttpIsRefusedOffLoopback() {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> SyncServer.requireLoopback("0.0.0.0"));
        assertTrue(e.getMessage().contains("loopback"));
    }
}
