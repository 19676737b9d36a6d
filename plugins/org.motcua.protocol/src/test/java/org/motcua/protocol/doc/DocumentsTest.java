package org.motcua.protocol.doc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.Vectors;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/** Every document reads back what it writes, requests are strict and responses lenient (§13). */
class DocumentsTest {

    private static final String DEVICE = "3f1c9a52-7d4e-4b8a-9c61-0e2f5b7d8a14";
    private static final String TIME = "2025-06-02T03:04:05.678Z";
    private static final byte[] NONCE = new byte[16];

    private static <T extends WireDocument> void roundTrips(T doc, Docs.Reader<T> reader) throws Exception {
        byte[] bytes = doc.canonical();
        assertArrayEquals(bytes, Docs.parse(bytes, reader).canonical());
    }

    @Test
    void everyDocumentRoundTrips() throws Exception {
        roundTrips(new EnrolmentRequest("Q4M7XK2P", new byte[] {1, 2}, new EnrolmentRequest.DeviceFacts("0.1.0", "pc-1", TIME,
                "Linux", "6.1", Optional.of(2)), DEVICE, NONCE, TIME), EnrolmentRequest::read);
        roundTrips(new EnrolmentResponse(new byte[] {1}, "Q4M7XK2P", new byte[] {2}, DEVICE, 2, Sha256.ZEROS, new byte[] {3},
                TIME, "000.17.22.H56", "Xã Hòa Bình"), EnrolmentResponse::read);
        roundTrips(new SessionRequest(DEVICE, NONCE, TIME), SessionRequest::read);
        roundTrips(new Session(DEVICE, TIME, Sha256.ZEROS, TIME, new byte[32]), Session::read);
        roundTrips(new RekeyRequest(new byte[] {9}, DEVICE, NONCE, TIME), RekeyRequest::read);
        roundTrips(new RekeyResponse(new byte[] {9}, DEVICE, Sha256.ZEROS, TIME), RekeyResponse::read);
        roundTrips(new DeviceState(Sha256.ZEROS, 0, List.of(new CodeCounter("2026-11-30", 1003)), Optional.empty(),
                DEVICE, 1, Optional.of(DEVICE), DeviceState.UNKNOWN, Optional.empty(), NONCE, TIME, "000.17.22.H56"),
                DeviceState::read);
        ObjectNode data = Docs.F.objectNode().put("unitCode", "000.17.22.H56");
        roundTrips(new Updates(0, TIME, DEVICE, DEVICE, false, List.of(new Updates.Item(data, "roster", "000.17.22.H56", 1, 5)),
                1, NONCE, false, TIME), Updates::read);
        roundTrips(new Receipt(Sha256.ZEROS, 2, DEVICE, Sha256.ZEROS, DEVICE, DEVICE, Optional.of(new FeedCursor(DEVICE, 41)), 1,
                List.of(Receipt.Result.accepted(1, List.of()), Receipt.Result.accepted(2, List.of("client-clock-skew"))), TIME, 2),
                Receipt::read);
        roundTrips(Limits.DEFAULTS, Limits::read);
        roundTrips(Health.of(Health.OK, TIME), Health::read);
        roundTrips(new UsbExport(List.of(new UsbExport.BatchEntry(DEVICE, Sha256.ZEROS, 1, 100, 2)),
                List.of(new UsbExport.BlobEntry(Vectors.BLOB_SHA256, 22)), TIME, DEVICE, 1, DEVICE, DEVICE, 1,
                Optional.of(new FeedCursor(DEVICE, 7)), "000.17.22.H56"), UsbExport::read);
        roundTrips(new UsbReply(DEVICE, Optional.of(DEVICE), List.of(new UsbReply.FileEntry("state.json", Sha256.ZEROS, 10)),
                List.of(new UsbReply.Outcome(DEVICE, 409, Optional.of("blobs-missing"))), DEVICE, TIME), UsbReply::read);
        roundTrips(new EnrolmentFile(new byte[32], new byte[] {1}), EnrolmentFile::read);
    }

    @Test
    void theExampleBatchAndReceiptRead() throws Exception {
        Batch b = Docs.parse(CanonicalJson.write(Vectors.tree("example-batch.json")), Batch::read);
        assertEquals(2, b.toSeq());
        assertEquals(List.of(Vectors.BLOB_SHA256), b.events().get(0).blobs());
        assertEquals(Vectors.BATCH_SHA256, Sha256.hex(b.canonical()));
        Receipt r = Docs.parse(CanonicalJson.write(Vectors.tree("example-receipt.json")), Receipt::read);
        assertEquals(List.of(Receipt.Result.accepted(1, List.of()), Receipt.Result.accepted(2, List.of())), r.results());
        assertEquals(Optional.empty(), r.feed(), "the contract's example names no feed head: it is optional");
    }

    @Test
    void requestsRefuseUnknownMembersAndResponsesIgnoreThem() throws Exception {
        ObjectNode session = new SessionRequest(DEVICE, NONCE, TIME).toJson().put("extra", 1);
        SchemaInvalid e = assertThrows(SchemaInvalid.class, () -> SessionRequest.read(session));
        assertEquals("/extra", e.errors().get(0).pointer());
        ObjectNode receipt = (ObjectNode) StrictJson.parse(CanonicalJson.write(Vectors.tree("example-receipt.json")));
        receipt.put("futureMember", "x");
        assertEquals(2, Receipt.read(receipt).ackedSeq());
    }

    @Test
    void schemaFaultsAreAllNamedByPointer() {
        ObjectNode batch = (ObjectNode) Vectors.tree("example-batch.json");
        batch.put("kind", "receipt");
        ((ObjectNode) batch.get("events").get(1)).put("seq", "2");
        ((ObjectNode) batch.get("events").get(0)).remove("eventId");
        SchemaInvalid e = assertThrows(SchemaInvalid.class, () -> Batch.read(batch));
        List<String> pointers = e.errors().stream().map(SchemaInvalid.Error::pointer).toList();
        assertTrue(pointers.containsAll(List.of("/kind", "/events/1/seq", "/events/0/eventId")), pointers.toString());
    }

    @Test
    void anotherProtocolVersionIsSeenBeforeTheSchema() {
        ObjectNode batch = (ObjectNode) Vectors.tree("example-batch.json");
        assertEquals(-1, Docs.unsupportedProtocolOf(batch));
        batch.put("protocol", 2);
        assertEquals(2, Docs.unsupportedProtocolOf(batch));
        assertEquals(2, Batch.eventCount(batch));
    }

    @Test
    void problemsCarryTheirExtensionsAndParseBack() {
        Problem p = Problem.of(ProblemType.SEQUENCE_GAP, "Batch does not continue the stored chain", "ends at 2")
                .with("expectedSeq", 3L).with("ackedHash", Sha256.ZEROS);
        Problem back = Problem.parse(p.bytes()).orElseThrow();
        assertEquals("https://motcua.invalid/problems/sequence-gap", back.type());
        assertEquals(409, back.status());
        assertEquals("sequence-gap", back.name());
        assertEquals(3, back.extensions().get("expectedSeq").intValue());
        assertTrue(p.instance().startsWith("urn:uuid:"));
    }
}
