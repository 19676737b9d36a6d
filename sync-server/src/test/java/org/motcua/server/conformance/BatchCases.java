package org.motcua.server.conformance;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.io.Gzip;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.Signatures;
import org.motcua.server.testing.TestDevice;

/** §16 cases 1–17: a batch, its idempotency, transport and signature checks, and the registry. */
public abstract class BatchCases extends ConformanceBase {

    @Test
    void case01_batchIsAcceptedWithASignedReceipt() {
        Fixture f = b();
        Http.Answer a = f.device().send(f.batch());
        assertEquals(200, a.status(), a.text());
        assertEquals("no-store", a.header("Cache-Control"));
        Receipt r = Receipts.verified(f.device(), a);
        assertEquals(2, r.ackedSeq());
        assertEquals(f.events().get(1).hash(), r.ackedHash());
        assertEquals(f.batch().batchId(), r.batchId());
        assertEquals(org.motcua.protocol.codec.Sha256.hex(f.batch().canonical()), r.bodySha256());
        assertEquals(List.of(Receipt.ACCEPTED, Receipt.ACCEPTED), r.results().stream().map(Receipt.Result::status).toList());
        assertEquals(List.of(1L, 2L), r.results().stream().map(Receipt.Result::seq).toList());
    }

    @Test
    void case02_exactReplayGetsTheStoredBytesAndSignature() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        byte[] signature = f.device().sign(bytes);
        Http.Answer first = f.device().sendBytes(f.batch().batchId(), bytes, signature);
        assertEquals(200, first.status(), first.text());
        DbSnapshot before = snapshot();
        Http.Answer again = f.device().sendBytes(f.batch().batchId(), bytes, signature);
        assertEquals(200, again.status(), again.text());
        assertArrayEquals(first.body(), again.body());
        assertEquals(first.header(Protocol.SIGNATURE_HEADER), again.header(Protocol.SIGNATURE_HEADER));
        assertTrue(before.equals(snapshot()), "a replay stores nothing");
    }

    @Test
    void case03_sameKeyOtherBytesIsIdempotencyKeyReused() {
        Fixture f = b();
        assertEquals(200, f.device().send(f.batch()).status());
        byte[] changed = new String(f.batch().canonical(), StandardCharsets.UTF_8).replace("Thôn 3", "Thôn 4")
                .getBytes(StandardCharsets.UTF_8);
        assertProblem(f.device().sendBytes(f.batch().batchId(), changed, f.device().sign(changed)), 422, "idempotency-key-reused");
    }

    @Test
    void case04_twoIdenticalBatchesInParallelAreStoredOnce() throws Exception {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        byte[] signature = f.device().sign(bytes);
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Http.Answer> send = () -> {
                go.await();
                return f.device().sendBytes(f.batch().batchId(), bytes, signature);
            };
            Future<Http.Answer> one = pool.submit(send);
            Future<Http.Answer> two = pool.submit(send);
            go.countDown();
            List<Http.Answer> answers = List.of(one.get(), two.get());
            List<Http.Answer> ok = answers.stream().filter(a -> a.status() == 200).toList();
            assertTrue(!ok.isEmpty(), "one of them commits");
            for (Http.Answer a : answers) {
                if (a.status() == 200) {
                    assertArrayEquals(ok.get(0).body(), a.body());
                } else {
                    assertProblem(a, 409, "request-in-progress");
                    assertNotNull(a.header("Retry-After"));
                }
            }
        } finally {
            pool.shutdownNow();
        }
        DbSnapshot s = snapshot();
        assertEquals(1, countWhere("batches", f.device().deviceId));
        assertEquals(2, countWhere("chain_positions", f.device().deviceId));
        assertTrue(s.count("batches") >= 1);
    }

    @Test
    void case05_missingIdempotencyKey() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        Map<String, String> h = f.device().headers(f.batch().batchId(), f.device().sign(bytes));
        h.remove(Protocol.IDEMPOTENCY_KEY_HEADER);
        assertProblem(f.device().sendRaw(h, Gzip.compress(bytes)), 400, "idempotency-key-missing");
    }

    @Test
    void case06_keyOtherThanBatchIdIsPathBodyMismatch() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        assertProblem(f.device().sendBytes(UUID.randomUUID().toString(), bytes, f.device().sign(bytes)), 400, "path-body-mismatch");
    }

    @Test
    void case07_flippedByteKeepsNothing() {
        Fixture f = b();
        String stateBefore = stateWithoutVolatile(f.device());
        DbSnapshot before = snapshot();
        byte[] bytes = f.batch().canonical();
        byte[] signature = f.device().sign(bytes);
        byte[] flipped = bytes.clone();
        int at = new String(bytes, StandardCharsets.ISO_8859_1).indexOf("officer-07");
        flipped[at] = (byte) 'O';
        Http.Answer a = f.device().sendBytes(f.batch().batchId(), flipped, signature);
        assertProblem(a, 401, "signature-invalid");
        assertEquals("message-digest", a.problemDocument().extensions().get("check").textValue());
        assertNotNull(a.header("WWW-Authenticate"));
        assertNothingStored(before, stateBefore, f.device());
    }

    @Test
    void case08_corruptGzipCrc() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        byte[] gzip = Gzip.compress(bytes);
        gzip[gzip.length - 8] ^= 0x55;
        assertProblem(f.device().sendRaw(f.device().headers(f.batch().batchId(), f.device().sign(bytes)), gzip), 400,
                "content-encoding-invalid");
    }

    @Test
    void case09_missingSignature() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        Map<String, String> h = f.device().headers(f.batch().batchId(), f.device().sign(bytes));
        h.remove(Protocol.SIGNATURE_HEADER);
        Http.Answer a = f.device().sendRaw(h, Gzip.compress(bytes));
        assertProblem(a, 401, "signature-missing");
        assertEquals("MotCua-Signature realm=\"motcua-sync\"", a.header("WWW-Authenticate"));
    }

    @Test
    void case10_noSignerInfo() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        assertSignatureCheck(f, bytes, Signatures.withoutSigners(bytes), "signer-count");
    }

    @Test
    void case11_twoSignerInfos() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        TestDevice other = TestDevice.enrol(server);
        assertSignatureCheck(f, bytes, Signatures.twoSigners(bytes, f.device(), other), "signer-count");
    }

    @Test
    void case12_anotherDevicesKey() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        TestDevice other = TestDevice.enrol(server);
        Http.Answer a = f.device().sendBytes(f.batch().batchId(), bytes, other.sign(bytes));
        assertProblem(a, 401, "signature-invalid");
        String check = a.problemDocument().extensions().get("check").textValue();
        assertTrue(check.equals("signer-id") || check.equals("signature-value"), check);
    }

    @Test
    void case13_embeddedDeviceCertificate() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        assertSignatureCheck(f, bytes, Signatures.withCertificate(bytes, f.device()), "certificates");
    }

    @Test
    void case14_attachedContent() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        assertSignatureCheck(f, bytes, Signatures.attached(bytes, f.device()), "not-detached");
    }

    @Test
    void case15_signatureOverTheGzipBytes() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        byte[] gzip = Gzip.compress(bytes);
        Http.Answer a = f.device().sendRaw(f.device().headers(f.batch().batchId(), f.device().sign(gzip)), gzip);
        assertProblem(a, 401, "signature-invalid");
        assertEquals("message-digest", a.problemDocument().extensions().get("check").textValue());
    }

    @Test
    void case16_unknownDevice() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        String stranger = UUID.randomUUID().toString();
        Http.Answer a = Http.send("POST", server.url("/api/v1/devices/" + stranger + "/batches"),
                f.device().headers(f.batch().batchId(), f.device().sign(bytes)), Gzip.compress(bytes));
        assertProblem(a, 401, "unknown-device");
        assertEquals("MotCua-Signature realm=\"motcua-sync\"", a.header("WWW-Authenticate"));
    }

    @Test
    void case17_revokedDeviceStoresNothing() throws Exception {
        Fixture f = b();
        String stateBefore = stateWithoutVolatile(f.device());
        assertTrue(server.admin().revoke(f.device().deviceId));
        DbSnapshot before = snapshot();
        assertProblem(f.device().send(f.batch()), 403, "device-revoked");
        DbSnapshot after = snapshot();
        assertTrue(before.equals(after), "the database changed: " + before.differences(after));
        assertEquals(0, countWhere("batches", f.device().deviceId));
        assertEquals(0, countWhere("chain_positions", f.device().deviceId));
        assertTrue(stateBefore.contains("\"ackedSeq\":0"), stateBefore);
    }

    private void assertSignatureCheck(Fixture f, byte[] bytes, byte[] signature, String check) {
        DbSnapshot before = snapshot();
        Http.Answer a = f.device().sendBytes(f.batch().batchId(), bytes, signature);
        assertProblem(a, 401, "signature-invalid");
        assertEquals(check, a.problemDocument().extensions().get("check").textValue(), a.text());
        assertTrue(before.equals(snapshot()));
    }

    private long countWhere(String table, String deviceId) {
        return count("SELECT COUNT(*) FROM " + table + " WHERE device_id = ?", deviceId);
    }

}
