package org.motcua.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class HashChainTest {

    private static List<HashChain.Link> chainOf(String... payloads) {
        List<HashChain.Link> links = new ArrayList<>();
        String previous = HashChain.GENESIS;
        long seq = 1;
        for (String p : payloads) {
            String ph = HashChain.payloadHash(p.getBytes(StandardCharsets.UTF_8));
            String h = HashChain.link(previous, seq, ph);
            links.add(new HashChain.Link(seq, ph, previous, h));
            previous = h;
            seq++;
        }
        return links;
    }

    @Test
    void knownSha256OfEmptyPayload() {
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855",
                HashChain.payloadHash(new byte[0]));
    }

    @Test
    void intactChainVerifies() {
        assertEquals(-1, HashChain.firstBrokenLink(HashChain.GENESIS, 1, chainOf("a", "b", "c", "d")));
    }

    @Test
    void editedPayloadIsPinpointed() {
        List<HashChain.Link> links = chainOf("a", "b", "c", "d");
        HashChain.Link third = links.get(2);
        String forged = HashChain.payloadHash("C".getBytes(StandardCharsets.UTF_8));
        links.set(2, new HashChain.Link(third.sequence(), forged, third.previousHash(), third.hash()));
        assertEquals(2, HashChain.firstBrokenLink(HashChain.GENESIS, 1, links));
    }

    @Test
    void missingOrReorderedLinksAreDetected() {
        List<HashChain.Link> links = chainOf("a", "b", "c");
        List<HashChain.Link> gap = new ArrayList<>(List.of(links.get(0), links.get(2)));
        assertEquals(1, HashChain.firstBrokenLink(HashChain.GENESIS, 1, gap));
        List<HashChain.Link> swapped = new ArrayList<>(List.of(links.get(1), links.get(0)));
        assertEquals(0, HashChain.firstBrokenLink(HashChain.GENESIS, 1, swapped));
    }

    @Test
    void sequenceIsPartOfTheLink() {
        String ph = HashChain.payloadHash("x".getBytes(StandardCharsets.UTF_8));
        assertNotEquals(HashChain.link(HashChain.GENESIS, 1, ph), HashChain.link(HashChain.GENESIS, 2, ph));
    }
}
