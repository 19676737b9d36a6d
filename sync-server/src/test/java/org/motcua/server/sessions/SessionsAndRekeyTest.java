package org.motcua.server.sessions;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.security.KeyPair;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.RekeyRequest;
import org.motcua.protocol.doc.RekeyResponse;
import org.motcua.protocol.doc.Session;
import org.motcua.protocol.doc.SessionRequest;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §6.2 and §6.3: sessions (hashed tokens, nonce idempotency, expiry, clock skew) and rekey. */
class SessionsAndRekeyTest {

    @TempDir
    Path data;

    private static Http.Answer post(TestDevice d, String path, byte[] body, byte[] signature) {
        return Http.send("POST", d.devicePath(path), Map.of("Content-Type", "application/json", Protocol.SIGNATURE_HEADER,
                B64u.encode(signature)), body);
    }

    @Test
    void sameNonceSameBytesSameSessionOtherBytesNonceReused() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            byte[] nonce = new byte[16];
            String requestedAt = WireFormats.serverTime(Instant.now().plusSeconds(90));
            byte[] body = new SessionRequest(d.deviceId, nonce, requestedAt).canonical();
            Http.Answer first = post(d, "/sessions", body, d.sign(body));
            assertEquals(201, first.status(), first.text());
            Receipts.verifySignature(d, first);
            Http.Answer again = post(d, "/sessions", body, d.sign(body));
            assertArrayEquals(first.body(), again.body());
            assertEquals(first.header(Protocol.SIGNATURE_HEADER), again.header(Protocol.SIGNATURE_HEADER));
            Session s = Docs.parse(first.body(), Session::read);
            String tokenHash = Sha256.hex(s.token());
            long hashed = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM sessions WHERE token_sha256 = ?",
                    tokenHash));
            assertEquals(1, hashed, "only the token's hash is stored");
            long clear = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM sessions WHERE token_sha256 = ?",
                    B64u.encode(s.token())));
            assertEquals(0, clear);
            long skew = Tx.plain(server.services.db, c -> Sql.one(c, "SELECT clock_skew_ms FROM devices WHERE device_id = ?",
                    rs -> rs.getLong(1), d.deviceId)).orElseThrow();
            assertTrue(skew > 80_000 && skew < 100_000, "requestedAt − server time is recorded: " + skew);
            byte[] other = new SessionRequest(d.deviceId, nonce, WireFormats.serverTime(Instant.now())).canonical();
            Http.Answer reused = post(d, "/sessions", other, d.sign(other));
            assertEquals(422, reused.status());
            assertEquals("nonce-reused", reused.problem());
            TestDevice stranger = TestDevice.enrol(server);
            Http.Answer forged = post(d, "/sessions", other, stranger.sign(other));
            assertEquals("signature-invalid", forged.problem());
            assertEquals("MotCua-Signature realm=\"motcua-sync\"", forged.header("WWW-Authenticate"));
        }
    }

    @Test
    void expiredTokensAreInvalid() throws Exception {
        Limits shortLived = org.motcua.server.testing.TestLimits.sessionTtl(1);
        try (TestServer server = TestServer.start(Backend.H2, data, c -> c.limits = shortLived)) {
            TestDevice d = TestDevice.enrol(server);
            Map<String, String> bearer = d.bearer();
            assertEquals(200, d.state().status());
            Thread.sleep(1_200);
            Http.Answer expired = Http.get(d.devicePath("/state?nonce=" + B64u.encode(new byte[16])), bearer);
            assertEquals(401, expired.status());
            assertEquals("token-invalid", expired.problem());
        }
    }

    @Test
    void rekeyPinsTheNewKeyAndAnswersReplaysByTheOldKey() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            KeyPair next = DeviceKeys.generate();
            byte[] body = new RekeyRequest(Csrs.create(next, d.deviceId), d.deviceId, new byte[16], TestDevice.CREATED_AT).canonical();
            byte[] oldSignature = d.sign(body);
            Http.Answer a = post(d, "/rekey", body, oldSignature);
            assertEquals(200, a.status(), a.text());
            Receipts.verifySignature(d, a);
            RekeyResponse r = Docs.parse(a.body(), RekeyResponse::read);
            assertEquals(Sha256.hex(body), r.requestSha256());
            Http.Answer replay = post(d, "/rekey", body, oldSignature);
            assertArrayEquals(a.body(), replay.body(), "a lost answer is answered again for the old key");
            Chain chain = new Chain(d.deviceId);
            var batch = d.batch(chain, d.receptionWithAction(chain, null, 1));
            assertEquals("signature-invalid", d.send(batch).problem(), "the old key no longer signs batches");
            d.keys = next;
            d.certificate = Certificates.parse(r.deviceCertificate());
            assertEquals(200, d.send(batch).status());
            byte[] other = new RekeyRequest(Csrs.create(DeviceKeys.generate(), d.deviceId), d.deviceId, new byte[16],
                    TestDevice.CREATED_AT).canonical();
            assertEquals("nonce-reused", post(d, "/rekey", other, d.sign(other)).problem());
        }
    }
}
