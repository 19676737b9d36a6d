package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * §11 offline enrolment: {@code motcua-enrol-<codeId>.json} wraps the enrolment request bytes and their MAC; the
 * admin CLI answers with the same wrapper around the response bytes.
 */
public record EnrolmentFile(byte[] mac, byte[] message) implements WireDocument {

    public static final String KIND = "enrolmentFile";

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("mac", Docs.b64u(mac));
        o.put("message", Docs.b64u(message));
        return o;
    }

    public static EnrolmentFile read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        EnrolmentFile f = new EnrolmentFile(r.b64u("mac", 32), r.b64u("message", 0));
        r.end();
        return f;
    }
}
