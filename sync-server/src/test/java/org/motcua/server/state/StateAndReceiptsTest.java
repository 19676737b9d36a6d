package org.motcua.server.state;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.Docs;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §6.5 stored receipts and §6.6 the signed, nonce-bound state of a device. */
class StateAndReceiptsTest {

    @TempDir
    Path data;

    @Test
    void aStoredReceiptIsTheCommittedAnswerByteForByte() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            var batch = d.batch(chain, d.receptionWithAction(chain, null, 1));
            Http.Answer committed = d.send(batch);
            assertEquals(200, committed.status());
            Http.Answer stored = Http.get(d.devicePath("/receipts/" + batch.batchId()), d.bearer());
            assertEquals(200, stored.status());
            assertArrayEquals(committed.body(), stored.body());
            assertEquals(committed.header(Protocol.SIGNATURE_HEADER), stored.header(Protocol.SIGNATURE_HEADER));
            Http.Answer none = Http.get(d.devicePath("/receipts/" + UUID.randomUUID()), d.bearer());
            assertEquals(404, none.status());
            assertEquals("receipt-not-found", none.problem());
            TestDevice other = TestDevice.enrol(server);
            assertEquals("receipt-not-found", Http.get(other.devicePath("/receipts/" + batch.batchId()), other.bearer()).problem(),
                    "a receipt is found only under its own device");
        }
    }

    @Test
    void stateDescribesTheCurrentOrTheRequestedEpochAndEchoesTheNonce() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            byte[] nonce = new byte[16];
            nonce[3] = 42;
            DeviceState fresh = state(d, "?nonce=" + B64u.encode(nonce));
            assertEquals("unknown", fresh.epochStatus());
            assertEquals(0, fresh.ackedSeq());
            assertEquals(Sha256.ZEROS, fresh.ackedHash());
            assertEquals(Optional.empty(), fresh.epoch(), "epoch only when the request named one");
            assertArrayEquals(nonce, fresh.nonce());

            Chain first = new Chain(d.deviceId);
            var events = d.receptionWithAction(first, null, 1);
            var batch = d.batch(first, events);
            assertEquals(200, d.send(batch).status());
            Chain second = new Chain(d.deviceId);
            assertEquals(200, d.send(d.batch(second, d.receptionWithAction(second, null, 2))).status());

            DeviceState current = state(d, "?nonce=" + B64u.encode(nonce));
            assertEquals("open", current.epochStatus());
            assertEquals(Optional.of(second.epoch), current.currentEpoch());
            assertEquals(Optional.of(second.epoch), current.epoch());
            DeviceState old = state(d, "?nonce=" + B64u.encode(nonce) + "&epoch=" + first.epoch);
            assertEquals("closed", old.epochStatus());
            assertEquals(2, old.ackedSeq());
            assertEquals(events.get(1).hash(), old.ackedHash());
            assertEquals(Optional.of(batch.batchId()), old.lastBatchId());
            assertEquals(d.deviceNumber, old.deviceNumber());
            assertEquals(d.unitCode, old.unitCode());
            String unseen = UUID.randomUUID().toString();
            DeviceState unknown = state(d, "?nonce=" + B64u.encode(nonce) + "&epoch=" + unseen);
            assertEquals("unknown", unknown.epochStatus());
            assertEquals(Optional.of(unseen), unknown.epoch());
            assertEquals(2, current.codeCounters().get(0).lastNumber(), "codeCounters: the highest number of the date");

            assertEquals("bad-request", Http.get(d.devicePath("/state"), d.bearer()).problem(), "the nonce is required");
            assertEquals("bad-request", Http.get(d.devicePath("/state?nonce=AAAA"), d.bearer()).problem(), "16 bytes");
            assertTrue(Http.get(d.devicePath("/state?nonce=" + B64u.encode(nonce)), Map.of()).status() == 401);
        }
    }

    private static DeviceState state(TestDevice d, String query) throws Exception {
        Http.Answer a = Http.get(d.devicePath("/state" + query), d.bearer());
        assertEquals(200, a.status(), a.text());
        Receipts.verifySignature(d, a);
        DeviceState s = Docs.parse(a.body(), DeviceState::read);
        assertEquals(d.deviceId, s.deviceId());
        return s;
    }
}
