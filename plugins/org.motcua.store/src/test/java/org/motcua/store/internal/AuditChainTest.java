package org.motcua.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class AuditChainTest {

    private static List<AuditChain.Link> chainOf(String... payloads) {
        List<AuditChain.Link> links = new ArrayList<>();
        String previous = AuditChain.GENESIS;
        long seq = 1;
        for (String p : payloads) {
            String ph = AuditChain.payloadHash(p.getBytes(StandardCharsets.UTF_8));
            String h = AuditChain.link(previous, seq, ph);
            links.add(new AuditChain.Link(seq, ph, previous, h));
            previous = h;
            seq++;
        }
        return links;
    }

    @Test
    void knownSha256OfEmptyPayload() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                AuditChain.payloadHash(new byte[0]));
    }

    @Test
    void intactChainVerifies() {
        assertEquals(-1, AuditChain.firstBrokenLink(AuditChain.GENESIS, 1, chainOf("a", "b", "c", "d")));
    }

    @Test
    void editedPayloadIsPinpointed() {
        List<AuditChain.Link> links = chainOf("a", "b", "c", "d");
        AuditChain.Link third = links.get(2);
        String forged = AuditChain.payloadHash("C".getBytes(StandardCharsets.UTF_8));
        links.set(2, new AuditChain.Link(third.sequence(), forged, third.previousHash(), third.hash()));
        assertEquals(2, AuditChain.firstBrokenLink(AuditChain.GENESIS, 1, links));
    }

    @Test
    void missingOrReorderedLinksAreDetected() {
        List<AuditChain.Link> links = chainOf("a", "b", "c");
        List<AuditChain.Link> gap = new ArrayList<>(List.of(links.get(0), links.get(2)));
        assertEquals(1, AuditChain.firstBrokenLink(AuditChain.GENESIS, 1, gap));
        List<AuditChain.Link> swapped = new ArrayList<>(List.of(links.get(1), links.get(0)));
        assertEquals(0, AuditChain.firstBrokenLink(AuditChain.GENESIS, 1, swapped));
    }

    @Test
    void sequenceIsPartOfTheLink() {
        String ph = AuditChain.payloadHash("x".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(AuditChain.link(AuditChain.GENESIS, 1, ph), AuditChain.link(AuditChain.GENESIS, 2, ph));
    }
}
