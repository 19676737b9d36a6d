package org.motcua.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.io.Gzip;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §4.3 epoch limit and its admin log, §7 step 2 and 4 answers not covered by the conformance cases. */
class IngestRulesTest {

    @TempDir
    Path data;

    @Test
    void theFourthEpochIn30DaysIsRefusedUntilTheAdminLiftsTheLimit() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            for (int i = 0; i < 3; i++) {
                Chain chain = new Chain(d.deviceId);
                assertEquals(200, d.send(d.batch(chain, d.receptionWithAction(chain, null, i + 1))).status());
            }
            Chain fourth = new Chain(d.deviceId);
            Batch batch = d.batch(fourth, d.receptionWithAction(fourth, null, 9));
            Http.Answer refused = d.send(batch);
            assertEquals(409, refused.status());
            assertEquals("epoch-limit-exceeded", refused.problem());
            long openings = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM epoch_openings WHERE device_id = ?",
                    d.deviceId));
            assertEquals(3, openings, "every opening is logged for the admin");
            long open = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM epochs WHERE device_id = ? AND status = 'open'",
                    d.deviceId));
            assertEquals(1, open, "at most one open epoch");
            assertTrue(server.admin().liftEpochLimit(d.deviceId, 1));
            assertEquals(200, d.send(batch).status());
        }
    }

    @Test
    void batchesAboveTheDevicesRateAre429WithRetryAfter() throws Exception {
        Limits slow = org.motcua.server.testing.TestLimits.rates(new Limits.RateLimits(2, 600, 20));
        try (TestServer server = TestServer.start(Backend.H2, data, c -> c.limits = slow)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            Batch batch = d.batch(chain, d.receptionWithAction(chain, null, 1));
            assertEquals(200, d.send(batch).status());
            assertEquals(200, d.send(batch).status());
            Http.Answer third = d.send(batch);
            assertEquals(429, third.status());
            assertEquals("rate-limited", third.problem());
            assertTrue(Integer.parseInt(third.header("Retry-After")) >= 1);
        }
    }

    @Test
    void lengthAndMediaTypesAreChecked() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            Batch batch = d.batch(chain, d.receptionWithAction(chain, null, 1));
            byte[] bytes = batch.canonical();
            byte[] gzip = Gzip.compress(bytes);
            var wrongType = d.headers(batch.batchId(), d.sign(bytes));
            wrongType.put("Content-Type", "text/plain");
            assertEquals("unsupported-media-type", d.sendRaw(wrongType, gzip).problem());
            var brotli = d.headers(batch.batchId(), d.sign(bytes));
            brotli.put("Content-Encoding", "br");
            Http.Answer br = d.sendRaw(brotli, gzip);
            assertEquals(415, br.status());
            String head = "POST /api/v1/devices/" + d.deviceId + "/batches HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Content-Encoding: gzip\r\nIdempotency-Key: \"" + batch.batchId() + "\"\r\nMotCua-Signature: "
                    + B64u.encode(d.sign(bytes)) + "\r\nTransfer-Encoding: chunked\r\nConnection: close";
            byte[] chunked = (Integer.toHexString(gzip.length) + "\r\n" + new String(gzip, java.nio.charset.StandardCharsets.ISO_8859_1)
                    + "\r\n0\r\n\r\n").getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
            Http.Answer noLength = Http.raw(server.server.port(), head, chunked);
            assertEquals(411, noLength.status());
            assertEquals("length-required", noLength.problem());
            Http.Answer badKey = Http.send("POST", d.devicePath("/batches"), java.util.Map.of("Content-Type", "application/json",
                    "Idempotency-Key", "\"not-a-uuid\"", "MotCua-Signature", B64u.encode(d.sign(bytes))), bytes);
            assertEquals("idempotency-key-invalid", badKey.problem());
            Http.Answer identity = d.sendRaw(java.util.Map.of("Content-Type", "application/json", "Idempotency-Key", batch.batchId(),
                    "MotCua-Signature", B64u.encode(d.sign(bytes))), bytes);
            assertEquals(200, identity.status(), "identity bodies and bare uuid keys are accepted: " + identity.text());
            long positions = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM chain_positions WHERE device_id = ?",
                    d.deviceId));
            assertEquals(2, positions);
        }
    }
}
