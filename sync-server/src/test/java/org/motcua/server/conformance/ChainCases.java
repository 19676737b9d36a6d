package org.motcua.server.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.io.Gzip;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.DbSnapshot;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Payloads;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;

/** §16 cases 18–34: the stored chain, epochs, duplicates, internal consistency, canonical JSON and limits. */
public abstract class ChainCases extends ConformanceBase {

    /** B sent and accepted (case 1), as the starting point of several cases. */
    private Fixture afterCase1() {
        Fixture f = b();
        assertEquals(200, f.device().send(f.batch()).status());
        return f;
    }

    private WireEvent action(TestDevice d, Chain chain, String dossierId, int step) {
        String code = Payloads.code(d.unitCode, "250531", (d.deviceNumber - 1) * 1000 + 1);
        return chain.next("DossierActionTaken", dossierId, Payloads.action(dossierId, code, step, "HAND_OVER_FOR_PROCESSING", 4,
                "2025-05-31T09:00:00.000+07:00", null), List.of(), "2025-05-31T09:00:00.000+07:00");
    }

    @Test
    void case18_batchAfterAGapIsSequenceGap() {
        Fixture f = afterCase1();
        String dossier = f.events().get(0).aggregateId();
        action(f.device(), f.chain(), dossier, 3);
        action(f.device(), f.chain(), dossier, 4);
        List<WireEvent> later = List.of(action(f.device(), f.chain(), dossier, 5), action(f.device(), f.chain(), dossier, 6));
        Http.Answer a = f.device().send(f.device().batch(f.chain(), later));
        assertProblem(a, 409, "sequence-gap");
        var ext = a.problemDocument().extensions();
        assertEquals(3, ext.get("expectedSeq").longValue());
        assertEquals(2, ext.get("ackedSeq").longValue());
        assertEquals(f.events().get(1).hash(), ext.get("ackedHash").textValue());
    }

    @Test
    void case19_anotherEventAtAStoredSeqIsChainFork() {
        Fixture f = afterCase1();
        Chain other = new Chain(f.device().deviceId, f.chain().epoch);
        other.rechain(f.events().get(0));
        WireEvent different = action(f.device(), other, f.events().get(0).aggregateId(), 2);
        Http.Answer a = f.device().send(f.device().batch(other, List.of(different)));
        assertProblem(a, 409, "chain-fork");
        assertEquals(2, a.problemDocument().extensions().get("forkSeq").longValue());
    }

    @Test
    void case20_overlapIsDuplicateAndTheRestAccepted() {
        Fixture f = afterCase1();
        WireEvent third = action(f.device(), f.chain(), f.events().get(0).aggregateId(), 3);
        Http.Answer a = f.device().send(f.device().batch(f.chain(), List.of(f.events().get(1), third)));
        assertEquals(200, a.status(), a.text());
        Receipt r = Receipts.verified(f.device(), a);
        assertEquals(3, r.ackedSeq());
        Receipt.Result seq2 = r.results().get(0);
        assertEquals(Receipt.DUPLICATE, seq2.status());
        assertEquals(f.chain().epoch, seq2.original().get().epoch());
        assertEquals(2, seq2.original().get().seq());
        assertEquals(Receipt.ACCEPTED, r.results().get(1).status());
    }

    @Test
    void case21_newEpochRechainingStoredEventsGetsDuplicates() {
        Fixture f = afterCase1();
        Chain epoch2 = new Chain(f.device().deviceId);
        List<WireEvent> again = List.of(epoch2.rechain(f.events().get(0)), epoch2.rechain(f.events().get(1)));
        Http.Answer a = f.device().send(f.device().batch(epoch2, again));
        assertEquals(200, a.status(), a.text());
        Receipt r = Receipts.verified(f.device(), a);
        for (int i = 0; i < 2; i++) {
            Receipt.Result res = r.results().get(i);
            assertEquals(Receipt.DUPLICATE, res.status());
            assertEquals(f.chain().epoch, res.original().get().epoch());
            assertEquals(i + 1, res.original().get().seq());
            assertEquals(Receipt.ACCEPTED, res.original().get().status());
        }
        assertEquals(2, count("SELECT COUNT(*) FROM chain_positions WHERE device_id = ? AND payload IS NOT NULL", f.device().deviceId),
                "no second copy of the events");
        assertEquals(1, count("SELECT COUNT(*) FROM dossiers WHERE origin_device_id = ?", f.device().deviceId));
        assertEquals(1, count("SELECT COUNT(*) FROM dossier_steps WHERE device_id = ?", f.device().deviceId));
    }

    @Test
    void case22_reusedEventIdWithOtherPayloadIsRejected() {
        Fixture f = afterCase1();
        WireEvent original = f.events().get(1);
        ObjectNode otherPayload = original.payload().deepCopy().put("note", "Khác");
        WireEvent reused = f.chain().next(original.eventId(), original.type(), original.aggregateId(), otherPayload, List.of(),
                original.createdAt());
        Http.Answer a = f.device().send(f.device().batch(f.chain(), List.of(reused)));
        assertEquals(200, a.status(), a.text());
        Receipt.Result res = Receipts.verified(f.device(), a).results().get(0);
        assertEquals(Receipt.REJECTED, res.status());
        assertEquals("event-id-conflict", res.reason().get());
    }

    @Test
    void case23_batchForTheOldEpochIsEpochClosed() {
        Fixture f = afterCase1();
        Chain epoch2 = new Chain(f.device().deviceId);
        assertEquals(200, f.device().send(f.device().batch(epoch2, List.of(epoch2.rechain(f.events().get(0))))).status());
        WireEvent late = action(f.device(), f.chain(), f.events().get(0).aggregateId(), 3);
        Http.Answer a = f.device().send(f.device().batch(f.chain(), List.of(late)));
        assertProblem(a, 409, "epoch-closed");
        assertEquals(epoch2.epoch, a.problemDocument().extensions().get("currentEpoch").textValue());
    }

    @Test
    void case24_wrongPayloadHashIsChainInvalid() {
        TestDevice d = TestDevice.enrol(server);
        String dossier = UUID.randomUUID().toString();
        String code = Payloads.code(d.unitCode, "250531", (d.deviceNumber - 1) * 1000 + 1);
        ObjectNode payload = Payloads.received(dossier, code, List.of(), 2);
        String wrong = Sha256.hex("something else".getBytes(StandardCharsets.UTF_8));
        String epoch = UUID.randomUUID().toString();
        String eventId = UUID.randomUUID().toString();
        String hash = new LinkHash.Envelope(dossier, List.of(), TestDevice.CREATED_AT, d.deviceId, epoch, eventId, wrong, Sha256.ZEROS, 1,
                "DossierReceived").hash();
        WireEvent e = new WireEvent(dossier, List.of(), TestDevice.CREATED_AT, eventId, hash, payload, wrong, Sha256.ZEROS, 1,
                "DossierReceived");
        Http.Answer a = d.send(Batch.of(UUID.randomUUID().toString(), d.deviceId, epoch, List.of(e)));
        assertProblem(a, 422, "chain-invalid");
        assertEquals("payload-hash", a.problemDocument().extensions().get("check").textValue());
        assertEquals(1, a.problemDocument().extensions().get("seq").longValue());
    }

    @Test
    void case25_brokenPrevHashIsChainInvalid() {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        WireEvent first = d.receptionWithAction(chain, null, 1).get(0);
        Chain broken = new Chain(d.deviceId, chain.epoch);
        broken.rechain(first);
        String badPrev = Sha256.hex("not the previous event".getBytes(StandardCharsets.UTF_8));
        WireEvent second = action(d, broken, first.aggregateId(), 2);
        String hash = new LinkHash.Envelope(second.aggregateId(), second.blobs(), second.createdAt(), d.deviceId, chain.epoch,
                second.eventId(), second.payloadHash(), badPrev, 2, second.type()).hash();
        WireEvent bad = new WireEvent(second.aggregateId(), second.blobs(), second.createdAt(), second.eventId(), hash, second.payload(),
                second.payloadHash(), badPrev, 2, second.type());
        Http.Answer a = d.send(Batch.of(UUID.randomUUID().toString(), d.deviceId, chain.epoch, List.of(first, bad)));
        assertProblem(a, 422, "chain-invalid");
        assertEquals("prev-hash", a.problemDocument().extensions().get("check").textValue());
        assertEquals(2, a.problemDocument().extensions().get("seq").longValue());
    }

    @Test
    void case26_validButNotCanonicalJson() {
        Fixture f = b();
        String canonical = new String(f.batch().canonical(), StandardCharsets.UTF_8);
        String withSpace = canonical.replaceFirst(",", ", ");
        String unsorted = "{\"kind\":\"batch\"," + canonical.substring(1).replace(",\"kind\":\"batch\"", "");
        ObjectNode withControl = f.batch().toJson();
        ((ObjectNode) withControl.get("events").get(0).get("payload")).put("note", "a\u001fb");
        String upperEscape = new String(CanonicalJson.write(withControl), StandardCharsets.UTF_8).replace("\\u001f", "\\u001F");
        for (String body : List.of(withSpace, unsorted, upperEscape)) {
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            assertProblem(f.device().sendBytes(f.batch().batchId(), bytes, f.device().sign(bytes)), 400, "not-canonical");
        }
    }

    @Test
    void case27_duplicateMemberAndDecimalNumberAreJsonInvalid() {
        Fixture f = b();
        String canonical = new String(f.batch().canonical(), StandardCharsets.UTF_8);
        String duplicate = canonical.replace("\"fromSeq\":1,", "\"fromSeq\":1,\"fromSeq\":1,");
        String decimal = canonical.replace("\"sets\":1,", "\"sets\":1.5,");
        assertTrue(decimal.contains("1.5"));
        for (String[] c : new String[][] {{duplicate, "duplicate-member"}, {decimal, "number"}}) {
            byte[] bytes = c[0].getBytes(StandardCharsets.UTF_8);
            Http.Answer a = f.device().sendBytes(f.batch().batchId(), bytes, f.device().sign(bytes));
            assertProblem(a, 400, "json-invalid");
            assertEquals(c[1], a.problemDocument().extensions().get("check").textValue());
        }
    }

    @Test
    void case28_contentLengthAboveTheLimitIsRefusedUnread() {
        TestDevice d = TestDevice.enrol(server);
        long tooMany = server.services.limits.maxBatchWireBytes() + 1;
        String head = "POST /api/v1/devices/" + d.deviceId + "/batches HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                + "Content-Type: application/json\r\nContent-Encoding: gzip\r\nIdempotency-Key: \"" + UUID.randomUUID() + "\"\r\n"
                + "MotCua-Signature: " + B64u.encode(d.sign(new byte[] {1})) + "\r\nContent-Length: " + tooMany + "\r\nConnection: close";
        Http.Answer a = Http.raw(server.server.port(), head, null);
        assertProblem(a, 413, "batch-too-large");
        assertEquals("maxBatchWireBytes", a.problemDocument().extensions().get("limitName").textValue());
    }

    @Test
    void case29_oneEventTooMany() {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        String dossier = UUID.randomUUID().toString();
        List<WireEvent> events = new ArrayList<>();
        for (int i = 0; i <= server.services.limits.maxBatchEvents(); i++) {
            events.add(action(d, chain, dossier, i + 2));
        }
        Http.Answer a = d.send(d.batch(chain, events));
        assertProblem(a, 413, "batch-too-large");
        assertEquals("maxBatchEvents", a.problemDocument().extensions().get("limitName").textValue());
    }

    @Test
    void case30_gzipBombsStopAtTheCaps() {
        TestDevice d = TestDevice.enrol(server);
        byte[] bomb = Gzip.compress(new byte[64 << 20]);
        assertTrue(bomb.length < 80 * 1024, "about 64 KiB: " + bomb.length);
        Http.Answer big = d.sendRaw(d.headers(UUID.randomUUID().toString(), d.sign(new byte[] {1})), bomb);
        assertProblem(big, 413, "inflate-limit-exceeded");
        assertEquals("maxBatchBytes", big.problemDocument().extensions().get("limitName").textValue());
        byte[] plain = new byte[800 * 1024];
        byte[] noise = new byte[3000];
        new SecureRandom().nextBytes(noise);
        System.arraycopy(noise, 0, plain, 0, noise.length);
        byte[] dense = Gzip.compress(plain);
        assertTrue(dense.length > 3000 && dense.length < 5000, "about 4 KiB: " + dense.length);
        Http.Answer ratio = d.sendRaw(d.headers(UUID.randomUUID().toString(), d.sign(new byte[] {1})), dense);
        assertProblem(ratio, 413, "inflate-limit-exceeded");
        assertEquals("maxInflateRatio", ratio.problemDocument().extensions().get("limitName").textValue());
    }

    @Test
    void case31_oversizedSignatureHeader() {
        Fixture f = b();
        byte[] bytes = f.batch().canonical();
        Map<String, String> h = f.device().headers(f.batch().batchId(), new byte[0]);
        h.put("MotCua-Signature", "A".repeat(5 * 1024));
        Http.Answer a = f.device().sendRaw(h, Gzip.compress(bytes));
        assertProblem(a, 431, "signature-header-too-large");
        assertEquals(4096, a.problemDocument().extensions().get("limit").intValue());
    }

    @Test
    void case32_clockThreeDaysAheadIsAWarningAndServerTimeIsStored() {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        String dossier = UUID.randomUUID().toString();
        String code = Payloads.code(d.unitCode, "250531", (d.deviceNumber - 1) * 1000 + 1);
        String ahead = WireFormats.time(OffsetDateTime.now(ZoneOffset.ofHours(7)).plusDays(3));
        WireEvent e = chain.next("DossierReceived", dossier, Payloads.received(dossier, code, List.of(), 2), List.of(), ahead);
        Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        Http.Answer a = d.send(d.batch(chain, List.of(e)));
        assertEquals(200, a.status(), a.text());
        Receipt.Result r = Receipts.verified(d, a).results().get(0);
        assertEquals(Receipt.ACCEPTED, r.status());
        assertEquals(List.of("client-clock-skew"), r.warnings());
        Instant stored = receivedAt(d.deviceId);
        assertTrue(!stored.isBefore(before) && stored.isBefore(Instant.now().plusSeconds(1)), "stored with server time: " + stored);
    }

    @Test
    void case33_protocolTwoIsUnsupported() {
        Fixture f = b();
        ObjectNode doc = f.batch().toJson().put("protocol", 2);
        byte[] bytes = CanonicalJson.write(doc);
        Http.Answer a = f.device().sendBytes(f.batch().batchId(), bytes, f.device().sign(bytes));
        assertProblem(a, 400, "unsupported-protocol");
        assertEquals("[1]", a.problemDocument().extensions().get("supported").toString());
    }

    @Test
    void case34_missingBlobThenUploadedThenSameBytes() {
        TestDevice d = TestDevice.enrol(server);
        Chain chain = new Chain(d.deviceId);
        byte[] scan = "%PDF-1.7 another scan\n".getBytes(StandardCharsets.US_ASCII);
        String sha = Sha256.hex(scan);
        Batch batch = d.batch(chain, d.receptionWithAction(chain, sha, 1));
        byte[] bytes = batch.canonical();
        byte[] signature = d.sign(bytes);
        DbSnapshot before = snapshot();
        Http.Answer missing = d.sendBytes(batch.batchId(), bytes, signature);
        assertProblem(missing, 409, "blobs-missing");
        assertEquals("[\"" + sha + "\"]", missing.problemDocument().extensions().get("missingBlobs").toString());
        assertTrue(before.equals(snapshot()), "nothing stored");
        assertEquals(200, d.upload(scan, 8).status());
        Http.Answer ok = d.sendBytes(batch.batchId(), bytes, signature);
        assertEquals(200, ok.status(), ok.text());
        assertNotNull(Receipts.verified(d, ok));
    }


    private Instant receivedAt(String deviceId) {
        try (var c = server.services.db.connection();
                var ps = c.prepareStatement("SELECT received_at FROM chain_positions WHERE device_id = ?")) {
            ps.setString(1, deviceId);
            try (var rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1, OffsetDateTime.class).toInstant();
            }
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
