package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code sessionRequest}, signed by the device; its nonce is the idempotency key (§6.3). */
public record SessionRequest(String deviceId, byte[] nonce, String requestedAt) implements WireDocument {

    public static final String KIND = "sessionRequest";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("deviceId", deviceId);
        o.put("nonce", Docs.b64u(nonce));
        o.put("requestedAt", requestedAt);
        return o;
    }

    public static SessionRequest read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        SessionRequest req = new SessionRequest(r.uuid("deviceId"), r.b64u("nonce", 16), r.time("requestedAt"));
        r.end();
        return req;
    }
}
