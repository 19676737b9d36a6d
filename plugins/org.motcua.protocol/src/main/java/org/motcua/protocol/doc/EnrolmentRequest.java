package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.1 {@code enrolmentRequest}: the device's CSR and facts, MACed with the enrolment code. */
public record EnrolmentRequest(String codeId, byte[] csr, DeviceFacts device, String deviceId, byte[] nonce,
        String requestedAt) implements WireDocument {

    public static final String KIND = "enrolmentRequest";

    /** What the device says about itself; informational for the admin. */
    public record DeviceFacts(String clientVersion, String hostname, String installedAt, String osName, String osVersion,
            Optional<Integer> provisionalDeviceNumber) {

        ObjectNode toJson() {
            ObjectNode o = Docs.F.objectNode();
            o.put("clientVersion", clientVersion);
            o.put("hostname", hostname);
            o.put("installedAt", installedAt);
            o.put("osName", osName);
            o.put("osVersion", osVersion);
            provisionalDeviceNumber.ifPresent(n -> o.put("provisionalDeviceNumber", n));
            return o;
        }

        static DeviceFacts read(DocReader r) {
            DeviceFacts f = new DeviceFacts(r.string("clientVersion", 100), r.string("hostname", 253), r.time("installedAt"),
                    r.string("osName", 100), r.string("osVersion", 100),
                    r.optInteger("provisionalDeviceNumber", 1, 9).map(Long::intValue));
            return f;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("codeId", codeId);
        o.put("csr", Docs.b64u(csr));
        o.set("device", device.toJson());
        o.put("deviceId", deviceId);
        o.put("nonce", Docs.b64u(nonce));
        o.put("requestedAt", requestedAt);
        return o;
    }

    public static EnrolmentRequest read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        String codeId = r.string("codeId", 8);
        if (codeId != null && codeId.length() != 8) {
            r.fault("codeId", "must be 8 characters");
        }
        byte[] csr = r.b64u("csr", 0);
        DocReader d = r.object("device");
        DeviceFacts facts = DeviceFacts.read(d);
        d.endObject();
        EnrolmentRequest req = new EnrolmentRequest(codeId, csr, facts, r.uuid("deviceId"), r.b64u("nonce", 16),
                r.time("requestedAt"));
        r.end();
        return req;
    }
}
