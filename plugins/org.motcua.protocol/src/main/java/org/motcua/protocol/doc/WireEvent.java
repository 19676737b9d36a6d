package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.regex.Pattern;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;

/**
 * One event as it travels in a batch (§4.1). The link values ({@code payloadHash}, {@code prevHash}, {@code hash})
 * are carried as the device computed them; {@link org.motcua.protocol.chain.LinkHash} recomputes them.
 */
public record WireEvent(String aggregateId, List<String> blobs, String createdAt, String eventId, String hash,
        ObjectNode payload, String payloadHash, String prevHash, long seq, String type) {

    public static final Pattern TYPE = Pattern.compile("[A-Z][A-Za-z0-9]{1,63}");

    public WireEvent {
        blobs = List.copyOf(blobs);
    }

    public ObjectNode toJson() {
        ObjectNode o = Docs.F.objectNode();
        o.put("aggregateId", aggregateId);
        o.set("blobs", Docs.strings(blobs));
        o.put("createdAt", createdAt);
        o.put("eventId", eventId);
        o.put("hash", hash);
        o.set("payload", payload);
        o.put("payloadHash", payloadHash);
        o.put("prevHash", prevHash);
        o.put("seq", seq);
        o.put("type", type);
        return o;
    }

    /** The canonical bytes of the payload, whose SHA-256 is {@code payloadHash}. */
    public byte[] payloadBytes() {
        return CanonicalJson.write(payload);
    }

    static WireEvent read(DocReader r) {
        String type = r.string("type", 64);
        if (type != null && !TYPE.matcher(type).matches()) {
            r.fault("type", "must match " + TYPE.pattern());
        }
        ObjectNode payload = r.rawObject("payload") instanceof ObjectNode o ? o : null;
        return new WireEvent(r.uuid("aggregateId"), r.sortedHashes("blobs", 10_000), r.time("createdAt"),
                r.uuid("eventId"), r.hash("hash"), payload, r.hash("payloadHash"), r.hash("prevHash"),
                r.integer("seq", 1, CanonicalJson.MAX_INTEGER), type);
    }
}
