package org.motcua.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * One real server per test class, on the backend the concrete subclass names (an H2 file or a fresh PostgreSQL
 * database); every case enrols its own devices in its own unit, so cases never see each other's data.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class ConformanceBase {

    /** The blob of §15: 22 bytes whose SHA-256 is known. */
    protected static final byte[] BLOB = "%PDF-1.7 example scan\n".getBytes(StandardCharsets.US_ASCII);
    protected static final String BLOB_SHA256 = "3ff86b26ed9c581f6689573a9c5296383009b8dcbf42554e851fc7de2e5b5b5f";

    protected TestServer server;
    protected Path dataDir;

    protected abstract Backend backend();

    @BeforeAll
    void startServer() throws IOException {
        dataDir = Files.createTempDirectory("motcua-server-test-");
        server = TestServer.start(backend(), dataDir);
    }

    @AfterAll
    void stopServer() throws IOException {
        if (server != null) {
            server.close();
        }
        try (Stream<Path> files = Files.walk(dataDir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    /** B of §16: a fresh device, its blob uploaded, and a batch of two events (seq 1–2) in a new epoch. */
    protected record Fixture(TestDevice device, Chain chain, List<WireEvent> events, Batch batch) {
    }

    protected Fixture b() {
        TestDevice device = TestDevice.enrol(server);
        assertEquals(BLOB_SHA256, Sha256.hex(BLOB));
        Http.Answer up = device.upload(BLOB, 16_384);
        assertEquals(200, up.status(), up.text());
        Chain chain = new Chain(device.deviceId);
        List<WireEvent> events = device.receptionWithAction(chain, BLOB_SHA256, 1);
        return new Fixture(device, chain, events, device.batch(chain, events));
    }

    protected DbSnapshot snapshot() {
        return DbSnapshot.of(server.services.db);
    }

    /** "Nothing stored": the database and the device's signed state are as they were. */
    protected void assertNothingStored(DbSnapshot before, String stateBefore, TestDevice device) {
        DbSnapshot after = snapshot();
        assertTrue(before.equals(after), "the database changed: " + before.differences(after));
        assertEquals(stateBefore, stateWithoutVolatile(device));
    }

    /** The device's state document without its nonce and serverTime (which change on every call). */
    protected static String stateWithoutVolatile(TestDevice device) {
        Http.Answer a = device.state();
        assertEquals(200, a.status(), a.text());
        return a.text().replaceAll("\"nonce\":\"[^\"]*\"", "").replaceAll("\"serverTime\":\"[^\"]*\"", "");
    }

    /** A COUNT(*) query with one string parameter. */
    protected long count(String sql, String param) {
        try (var c = server.services.db.connection(); var ps = c.prepareStatement(sql)) {
            ps.setString(1, param);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static void assertProblem(Http.Answer a, int status, String type) {
        assertEquals(status, a.status(), a.text());
        assertEquals(type, a.problem(), a.text());
        assertTrue(a.header("Content-Type").startsWith("application/problem+json"), a.header("Content-Type"));
        assertEquals("no-store", a.header("Cache-Control"));
    }
}
