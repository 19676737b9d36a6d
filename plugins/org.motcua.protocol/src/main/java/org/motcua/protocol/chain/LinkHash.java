package org.motcua.protocol.chain;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.CanonicalJson;

/**
 * The link hash of §4.1: SHA-256 of the MC-JCS object of the event's envelope (every member but {@code hash} and
 * {@code payload}) plus the chain's {@code deviceId} and {@code epoch}. Binding the envelope and the chain means no
 * stored field can change, and no event move to another chain, without breaking the link.
 */
public final class LinkHash {

    private LinkHash() {
    }

    /** The envelope of one event, as it is linked. */
    public record Envelope(String aggregateId, List<String> blobs, String createdAt, String deviceId, String epoch,
            String eventId, String payloadHash, String prevHash, long seq, String type) {

        public Envelope {
            blobs = List.copyOf(blobs);
        }

        /** The exact bytes whose SHA-256 is the link hash. */
        public byte[] linkInput() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("aggregateId", aggregateId);
            var array = o.putArray("blobs");
            blobs.forEach(array::add);
            o.put("createdAt", createdAt);
            o.put("deviceId", deviceId);
            o.put("epoch", epoch);
            o.put("eventId", eventId);
            o.put("payloadHash", payloadHash);
            o.put("prevHash", prevHash);
            o.put("seq", seq);
            o.put("type", type);
            return CanonicalJson.write(o);
        }

        public String hash() {
            return Sha256.hex(linkInput());
        }
    }

    /** hex(SHA-256(MC-JCS(payload))). */
    public static String payloadHash(byte[] canonicalPayload) {
        return Sha256.hex(canonicalPayload);
    }
}
