package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code rekeyResponse}. */
public record RekeyResponse(byte[] deviceCertificate, String deviceId, String requestSha256, String serverTime)
        implements WireDocument {

    public static final String KIND = "rekeyResponse";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("deviceCertificate", Docs.b64u(deviceCertificate));
        o.put("deviceId", deviceId);
        o.put("requestSha256", requestSha256);
        o.put("serverTime", serverTime);
        return o;
    }

    public static RekeyResponse read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        RekeyResponse resp = new RekeyResponse(r.b64u("deviceCertificate", 0), r.uuid("deviceId"), r.hash("requestSha256"),
                r.time("serverTime"));
        r.end();
        return resp;
    }
}
