package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code session}: a bearer token for the device's non-signature endpoints. */
public record Session(String deviceId, String expiresAt, String requestSha256, String serverTime, byte[] token)
        implements WireDocument {

    public static final String KIND = "session";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("deviceId", deviceId);
        o.put("expiresAt", expiresAt);
        o.put("requestSha256", requestSha256);
        o.put("serverTime", serverTime);
        o.put("token", Docs.b64u(token));
        return o;
    }

    public static Session read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        Session s = new Session(r.uuid("deviceId"), r.time("expiresAt"), r.hash("requestSha256"), r.time("serverTime"),
                r.b64u("token", 32));
        r.end();
        return s;
    }
}
