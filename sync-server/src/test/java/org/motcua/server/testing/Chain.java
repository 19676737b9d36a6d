package org.motcua.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.UUID;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.json.CanonicalJson;

/** A device's chain in one epoch: each new event gets the next seq and is linked to the previous one (§4.1). */
public final class Chain {

    public final String deviceId;
    public final String epoch;
    private long seq;
    private String prevHash = Sha256.ZEROS;

    public Chain(String deviceId, String epoch) {
        this.deviceId = deviceId;
        this.epoch = epoch;
    }

    public Chain(String deviceId) {
        this(deviceId, UUID.randomUUID().toString());
    }

    public WireEvent next(String type, String aggregateId, ObjectNode payload, List<String> blobs, String createdAt) {
        return next(UUID.randomUUID().toString(), type, aggregateId, payload, blobs, createdAt);
    }

    public WireEvent next(String eventId, String type, String aggregateId, ObjectNode payload, List<String> blobs, String createdAt) {
        seq++;
        String payloadHash = Sha256.hex(CanonicalJson.write(payload));
        String hash = new LinkHash.Envelope(aggregateId, blobs, createdAt, deviceId, epoch, eventId, payloadHash, prevHash, seq, type)
                .hash();
        WireEvent e = new WireEvent(aggregateId, blobs, createdAt, eventId, hash, payload, payloadHash, prevHash, seq, type);
        prevHash = hash;
        return e;
    }

    /** Re-links an existing event (same eventId, envelope and payload) as the next position of this chain (§4.3). */
    public WireEvent rechain(WireEvent e) {
        return next(e.eventId(), e.type(), e.aggregateId(), e.payload(), e.blobs(), e.createdAt());
    }

    public long seq() {
        return seq;
    }
}
