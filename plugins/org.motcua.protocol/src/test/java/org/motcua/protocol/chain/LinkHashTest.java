package org.motcua.protocol.chain;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.Vectors;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.json.CanonicalJson;

class LinkHashTest {

    private static Batch example() throws Exception {
        return Batch.read(org.motcua.protocol.json.StrictJson.parseCanonical(CanonicalJson.write(Vectors.tree("example-batch.json"))));
    }

    @Test
    void theLinkInputOfEvent1IsTheExactBytesOfSection15() throws Exception {
        Batch b = example();
        LinkHash.Envelope envelope = BatchChain.envelope(b, b.events().get(0));
        assertArrayEquals(Vectors.bytes("example-link-input-1.txt"), envelope.linkInput());
        assertEquals(Vectors.EVENT1_HASH, envelope.hash());
        assertEquals(Vectors.EVENT2_HASH, BatchChain.envelope(b, b.events().get(1)).hash());
        assertEquals("e188075b8dd0597a7d2eb31a548e784751c4ed46391eb4131c0686cabedc5221",
                LinkHash.payloadHash(b.events().get(0).payloadBytes()));
    }

    @Test
    void theExampleBatchIsInternallyConsistent() throws Exception {
        assertTrue(BatchChain.firstFailure(example()).isEmpty());
    }

    @Test
    void eachKindOfInconsistencyIsNamed() throws Exception {
        Batch b = example();
        assertEquals(new BatchChain.Failure(2, "payload-hash"), BatchChain.firstFailure(with(b, 1, e -> {
            ObjectNode p = e.payload().deepCopy();
            p.put("note", "changed");
            return new WireEvent(e.aggregateId(), e.blobs(), e.createdAt(), e.eventId(), e.hash(), p, e.payloadHash(),
                    e.prevHash(), e.seq(), e.type());
        })).orElseThrow());
        assertEquals(new BatchChain.Failure(2, "prev-hash"), BatchChain.firstFailure(with(b, 1, e ->
                new WireEvent(e.aggregateId(), e.blobs(), e.createdAt(), e.eventId(), e.hash(), e.payload(), e.payloadHash(),
                        Sha256.ZEROS, e.seq(), e.type()))).orElseThrow());
        assertEquals(new BatchChain.Failure(1, "link-hash"), BatchChain.firstFailure(with(b, 0, e ->
                new WireEvent(e.aggregateId(), e.blobs(), "2025-05-31T08:15:31.123+07:00", e.eventId(), e.hash(), e.payload(),
                        e.payloadHash(), e.prevHash(), e.seq(), e.type()))).orElseThrow());
        assertEquals(new BatchChain.Failure(1, "genesis"), BatchChain.firstFailure(with(b, 0, e ->
                new WireEvent(e.aggregateId(), e.blobs(), e.createdAt(), e.eventId(), e.hash(), e.payload(), e.payloadHash(),
                        "1".repeat(64), e.seq(), e.type()))).orElseThrow());
        // the same events moved to another device's chain no longer link
        Batch moved = new Batch(b.batchId(), "11111111-2222-4333-8444-555555555555", b.epoch(), b.events(), 1, 2);
        assertEquals(new BatchChain.Failure(1, "link-hash"), BatchChain.firstFailure(moved).orElseThrow());
    }

    private static Batch with(Batch b, int index, java.util.function.UnaryOperator<WireEvent> change) {
        List<WireEvent> events = new ArrayList<>(b.events());
        events.set(index, change.apply(events.get(index)));
        return new Batch(b.batchId(), b.deviceId(), b.epoch(), events, b.fromSeq(), b.toSeq());
    }
}
