package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code enrolmentResponse}: the device's certificate, the CA to pin and the response-signing certificate. */
public record EnrolmentResponse(byte[] caCertificate, String codeId, byte[] deviceCertificate, String deviceId,
        int deviceNumber, String requestSha256, byte[] responseCertificate, String serverTime, String unitCode,
        String unitName) implements WireDocument {

    public static final String KIND = "enrolmentResponse";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("caCertificate", Docs.b64u(caCertificate));
        o.put("codeId", codeId);
        o.put("deviceCertificate", Docs.b64u(deviceCertificate));
        o.put("deviceId", deviceId);
        o.put("deviceNumber", deviceNumber);
        o.put("requestSha256", requestSha256);
        o.put("responseCertificate", Docs.b64u(responseCertificate));
        o.put("serverTime", serverTime);
        o.put("unitCode", unitCode);
        o.put("unitName", unitName);
        return o;
    }

    public static EnrolmentResponse read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        EnrolmentResponse e = new EnrolmentResponse(r.b64u("caCertificate", 0), r.string("codeId", 8),
                r.b64u("deviceCertificate", 0), r.uuid("deviceId"), (int) r.integer("deviceNumber", 1, 9),
                r.hash("requestSha256"), r.b64u("responseCertificate", 0), r.time("serverTime"), r.string("unitCode", 64),
                r.string("unitName", 300));
        r.end();
        return e;
    }
}
