package org.motcua.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.server.feed.DeviceConfigPublisher;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;

/** §16 cases 35–40 and 43: resumable uploads, tokens, enrolment, and the feed's reset. */
public abstract class UploadAndAccessCases extends ConformanceBase {

    private static byte[] random(int n) {
        byte[] b = new byte[n];
        new SecureRandom().nextBytes(b);
        return b;
    }

    @Test
    void case35_patchAtTheWrongOffset() {
        TestDevice d = TestDevice.enrol(server);
        byte[] blob = random(40_000);
        String sha = Sha256.hex(blob);
        byte[] first = Arrays.copyOf(blob, 16_384);
        assertEquals(204, d.patch(sha, 0, blob.length, first, ContentDigest.of(first)).status());
        Http.Answer a = d.patch(sha, 0, blob.length, first, ContentDigest.of(first));
        assertProblem(a, 409, "upload-offset-mismatch");
        assertEquals("16384", a.header("Upload-Offset"));
        assertEquals(16_384, a.problemDocument().extensions().get("expectedOffset").longValue());
        assertEquals(0, a.problemDocument().extensions().get("providedOffset").longValue());
    }

    @Test
    void case36_chunkWhoseDigestDoesNotMatch() {
        TestDevice d = TestDevice.enrol(server);
        byte[] blob = random(30_000);
        String sha = Sha256.hex(blob);
        byte[] first = Arrays.copyOf(blob, 16_384);
        assertEquals(204, d.patch(sha, 0, blob.length, first, ContentDigest.of(first)).status());
        byte[] second = Arrays.copyOfRange(blob, 16_384, blob.length);
        assertProblem(d.patch(sha, 16_384, blob.length, second, ContentDigest.of(first)), 422, "chunk-digest-mismatch");
        Http.Answer head = d.head(sha);
        assertEquals(200, head.status());
        assertEquals("16384", head.header("Upload-Offset"));
        assertEquals("?0", head.header("Upload-Complete"));
    }

    @Test
    void case37_connectionCutInTheMiddleOfAChunk() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        byte[] blob = random(30_000);
        String sha = Sha256.hex(blob);
        byte[] first = Arrays.copyOf(blob, 16_384);
        assertEquals(204, d.patch(sha, 0, blob.length, first, ContentDigest.of(first)).status());
        byte[] second = Arrays.copyOfRange(blob, 16_384, blob.length);
        try (Socket s = new Socket("127.0.0.1", server.server.port())) {
            OutputStream out = s.getOutputStream();
            out.write(("PATCH /api/v1/devices/" + d.deviceId + "/blobs/" + sha + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                    + "Authorization: Bearer " + d.token() + "\r\nContent-Type: application/offset+octet-stream\r\n"
                    + "Upload-Offset: 16384\r\nUpload-Length: " + blob.length + "\r\nContent-Digest: " + ContentDigest.of(second)
                    + "\r\nContent-Length: " + second.length + "\r\n\r\n").getBytes(StandardCharsets.ISO_8859_1));
            out.write(second, 0, second.length / 2);
            out.flush();
            Thread.sleep(200);
        }
        Thread.sleep(300);
        Http.Answer head = d.head(sha);
        assertEquals("16384", head.header("Upload-Offset"));
        Http.Answer resumed = d.patch(sha, 16_384, blob.length, second, ContentDigest.of(second));
        assertEquals(200, resumed.status(), "the resumed chunk completes the blob");
        assertEquals("?1", resumed.header("Upload-Complete"));
        assertEquals("?1", d.head(sha).header("Upload-Complete"));
    }

    @Test
    void case38_assembledBlobIsNotItsName() {
        TestDevice d = TestDevice.enrol(server);
        byte[] blob = random(20_000);
        String wrongName = Sha256.hex(random(8));
        byte[] first = Arrays.copyOf(blob, 10_000);
        byte[] second = Arrays.copyOfRange(blob, 10_000, blob.length);
        assertEquals(204, d.patch(wrongName, 0, blob.length, first, ContentDigest.of(first)).status());
        assertProblem(d.patch(wrongName, 10_000, blob.length, second, ContentDigest.of(second)), 422, "blob-hash-mismatch");
        Http.Answer head = d.head(wrongName);
        assertEquals(200, head.status());
        assertEquals("0", head.header("Upload-Offset"));
        assertEquals("?0", head.header("Upload-Complete"));
        Http.Answer missing = Http.send("POST", d.devicePath("/blobs/missing"), Map.of("Authorization", "Bearer " + d.token(),
                "Content-Type", "application/json"), ("{\"hashes\":[\"" + wrongName + "\"]}").getBytes(StandardCharsets.UTF_8));
        assertEquals(200, missing.status());
        assertEquals("{\"missing\":[\"" + wrongName + "\"]}", missing.text());
    }

    @Test
    void case39_foreignAndRandomTokensAreInvalid() {
        TestDevice d = TestDevice.enrol(server);
        TestDevice other = TestDevice.enrol(server);
        String nonce = B64u.encode(random(16));
        for (String token : List.of(B64u.encode(random(32)), other.token())) {
            Http.Answer a = Http.get(d.devicePath("/state?nonce=" + nonce), Map.of("Authorization", "Bearer " + token));
            assertProblem(a, 401, "token-invalid");
            assertEquals("Bearer realm=\"motcua-sync\", error=\"invalid_token\"", a.header("WWW-Authenticate"));
        }
        assertProblem(Http.get(d.devicePath("/state?nonce=" + nonce), Map.of()), 401, "token-invalid");
        Http.Answer head = Http.send("HEAD", d.devicePath("/blobs/" + Sha256.hex(new byte[1])), Map.of(), null);
        assertEquals(401, head.status(), "HEAD answers by status alone");
        assertEquals("Bearer realm=\"motcua-sync\", error=\"invalid_token\"", head.header("WWW-Authenticate"));
        Http.Answer own = Http.get(d.devicePath("/state?nonce=" + nonce), d.bearer());
        assertEquals(200, own.status(), own.text());
        Receipts.verifySignature(d, own);
        assertTrue(own.text().contains("\"nonce\":\"" + nonce + "\""));
    }

    @Test
    void case40_enrolmentReplayUsedCodeWrongMacAndExpiry() throws Exception {
        TestDevice first = TestDevice.enrol(server);
        EnrolmentCode code = first.newCode(null);
        TestDevice probe = TestDevice.enrol(server, first.unitCode);
        var keys = DeviceKeys.generate();
        byte[] request = probeRequest(first, code, keys);
        Http.Answer created = first.sendEnrolment(request, code);
        assertEquals(201, created.status(), created.text());
        Http.Answer replay = first.sendEnrolment(request, code);
        assertEquals(201, replay.status());
        assertArrayEquals(created.body(), replay.body());
        assertEquals(created.header("MotCua-Enrolment-Mac"), replay.header("MotCua-Enrolment-Mac"));

        byte[] other = probeRequest(first, code, DeviceKeys.generate());
        assertProblem(first.sendEnrolment(other, code), 409, "enrolment-code-used");

        EnrolmentCode fresh = first.newCode(null);
        byte[] req = probeRequest(probe, fresh, DeviceKeys.generate());
        Http.Answer wrongMac = Http.send("POST", server.url("/api/v1/enrolments"), Map.of("Content-Type", "application/json",
                "MotCua-Enrolment-Mac", B64u.encode(random(32))), req);
        assertProblem(wrongMac, 401, "enrolment-code-invalid");
        assertEquals("MotCua-Enrolment-Mac realm=\"motcua-sync\"", wrongMac.header("WWW-Authenticate"));

        EnrolmentCode shortLived = server.admin().newCode(first.unitCode, "Xã Hòa Bình", null, Duration.ofSeconds(1)).code();
        byte[] late = probeRequest(probe, shortLived, DeviceKeys.generate());
        Thread.sleep(1_100);
        assertProblem(first.sendEnrolment(late, shortLived), 403, "enrolment-code-expired");
    }

    /** An enrolment request for a new device id in {@code unit}'s unit. */
    private static byte[] probeRequest(TestDevice unit, EnrolmentCode code, java.security.KeyPair keys) {
        byte[] nonce = random(16);
        String deviceId = java.util.UUID.randomUUID().toString();
        return new org.motcua.protocol.doc.EnrolmentRequest(code.codeId(), org.motcua.protocol.pki.Csrs.create(keys, deviceId),
                new org.motcua.protocol.doc.EnrolmentRequest.DeviceFacts("0.1.0", "pc-02", TestDevice.CREATED_AT, "Linux", "6",
                        Optional.empty()), deviceId, nonce, TestDevice.CREATED_AT).canonical();
    }

    @Test
    void case43_staleFeedIdResetsTheCursor() throws Exception {
        TestDevice d = TestDevice.enrol(server);
        server.admin().reassign(d.deviceId, null, d.deviceNumber == 9 ? 8 : d.deviceNumber + 1);
        String nonce = B64u.encode(random(16));
        Updates first = updates(d, "/updates?nonce=" + nonce);
        assertFalse(first.reset());
        assertEquals(0, first.after());
        assertTrue(first.items().stream().anyMatch(i -> i.itemType().equals(DeviceConfigPublisher.ITEM_TYPE)
                && i.key().equals(d.deviceId)));
        Updates stale = updates(d, "/updates?nonce=" + nonce + "&feedId=" + java.util.UUID.randomUUID() + "&after=" + first.lastSeq());
        assertTrue(stale.reset());
        assertEquals(0, stale.after());
        assertEquals(first.items(), stale.items());
        Updates caughtUp = updates(d, "/updates?nonce=" + nonce + "&feedId=" + first.feedId() + "&after=" + first.lastSeq());
        assertFalse(caughtUp.reset());
        assertTrue(caughtUp.items().isEmpty());
        assertEquals(first.lastSeq(), caughtUp.lastSeq());
        long total = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM feed_items"));
        assertTrue(total >= 1);
    }

    private Updates updates(TestDevice d, String query) throws Exception {
        Http.Answer a = Http.get(d.devicePath(query), d.bearer());
        assertEquals(200, a.status(), a.text());
        Receipts.verifySignature(d, a);
        Updates u = Docs.parse(a.body(), Updates::read);
        assertEquals(d.deviceId, u.deviceId());
        return u;
    }
}
