package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code rekeyRequest}: a new key's CSR, signed with the current device key. */
public record RekeyRequest(byte[] csr, String deviceId, byte[] nonce, String requestedAt) implements WireDocument {

    public static final String KIND = "rekeyRequest";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("csr", Docs.b64u(csr));
        o.put("deviceId", deviceId);
        o.put("nonce", Docs.b64u(nonce));
        o.put("requestedAt", requestedAt);
        return o;
    }

    public static RekeyRequest read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        RekeyRequest req = new RekeyRequest(r.b64u("csr", 0), r.uuid("deviceId"), r.b64u("nonce", 16), r.time("requestedAt"));
        r.end();
        return req;
    }
}
