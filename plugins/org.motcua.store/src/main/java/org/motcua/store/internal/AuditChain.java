package org.motcua.store.internal;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Objects;

/**
 * The audit log's own hash chain, which links every audit entry to the one before it.
 *
 * <p>Each link is {@code SHA-256(previousHash || ":" || sequence || ":" || payloadHash)}, hex encoded, so an
 * edited, removed or reordered entry breaks the chain at a known position. The audit log never leaves the desk, so
 * this chain is the store's own business; the outbox is linked by the wire contract's
 * {@link org.motcua.protocol.chain.LinkHash} instead.
 */
public final class AuditChain {

    /** The previous hash of the first entry. */
    public static final String GENESIS = "0".repeat(64);

    private static final HexFormat HEX = HexFormat.of();

    private AuditChain() {
    }

    /** Hex SHA-256 of the payload bytes. */
    public static String payloadHash(byte[] payload) {
        return HEX.formatHex(sha256().digest(payload));
    }

    /** The hash of link number {@code sequence} whose payload hashes to {@code payloadHash}. */
    public static String link(String previousHash, long sequence, String payloadHash) {
        Objects.requireNonNull(previousHash, "previousHash");
        Objects.requireNonNull(payloadHash, "payloadHash");
        String material = previousHash + ":" + sequence + ":" + payloadHash;
        return HEX.formatHex(sha256().digest(material.getBytes(StandardCharsets.US_ASCII)));
    }

    /** One event as the chain sees it. */
    public record Link(long sequence, String payloadHash, String previousHash, String hash) {
    }

    /**
     * Checks that the links follow each other from {@code expectedPrevious} with consecutive sequences.
     *
     * @return the index of the first broken link, or -1 when the whole list verifies
     */
    public static int firstBrokenLink(String expectedPrevious, long firstSequence, List<Link> links) {
        String previous = expectedPrevious;
        long sequence = firstSequence;
        for (int i = 0; i < links.size(); i++) {
            Link l = links.get(i);
            boolean ok = l.sequence() == sequence
                    && l.previousHash().equals(previous)
                    && l.hash().equals(link(previous, sequence, l.payloadHash()));
            if (!ok) {
                return i;
            }
            previous = l.hash();
            sequence++;
        }
        return -1;
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
