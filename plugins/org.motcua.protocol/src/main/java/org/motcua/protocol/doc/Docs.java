package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/** Small helpers shared by the document types: building objects, reading {@code kind} and {@code protocol}. */
public final class Docs {

    static final JsonNodeFactory F = JsonNodeFactory.instance;

    private Docs() {
    }

    /** A new signed-document object with its {@code kind} and {@code protocol}. */
    static ObjectNode signed(String kind) {
        ObjectNode o = F.objectNode();
        o.put("kind", kind);
        o.put("protocol", Protocol.VERSION);
        return o;
    }

    static ArrayNode strings(List<String> values) {
        ArrayNode a = F.arrayNode();
        values.forEach(a::add);
        return a;
    }

    static String b64u(byte[] bytes) {
        return B64u.encode(bytes);
    }

    /** Reads {@code kind} (must equal {@code expected}) and {@code protocol} (must be 1; see {@link #protocolOf}). */
    static void header(DocReader r, String kind) {
        r.constant("kind", kind);
        r.integer("protocol", Protocol.VERSION, Protocol.VERSION);
    }

    /**
     * The {@code protocol} member when it is an integer other than 1, which §7 step 8 answers with
     * {@code unsupported-protocol} before any schema check; -1 when it is 1, absent or not an integer (the schema
     * check reports those).
     */
    public static long unsupportedProtocolOf(JsonNode doc) {
        JsonNode p = doc == null ? null : doc.get("protocol");
        if (p != null && p.isIntegralNumber() && p.longValue() != Protocol.VERSION) {
            return p.longValue();
        }
        return -1;
    }

    /** Canonical bytes of a document. */
    public static byte[] canonical(ObjectNode doc) {
        return CanonicalJson.write(doc);
    }

    /** Parse canonical bytes, then read them with {@code reader}: the path every signed document takes in. */
    public static <T> T parse(byte[] bytes, Reader<T> reader) throws JsonRejected, SchemaInvalid {
        return reader.read(StrictJson.parseCanonical(bytes));
    }

    /** Reads one document type from a parsed tree. */
    @FunctionalInterface
    public interface Reader<T> {
        T read(JsonNode node) throws SchemaInvalid;
    }
}
