package org.motcua.server.wire;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;

/**
 * Reads a request document the way §7 step 8 orders it, for every signed request (enrolment, session, rekey, batch):
 * strict parse ({@code json-invalid}), canonical bytes ({@code not-canonical}), {@code protocol}
 * ({@code unsupported-protocol}), then the document's schema ({@code schema-invalid} with every fault).
 */
public final class RequestDocuments {

    private RequestDocuments() {
    }

    /** Strict parse, canonical check and protocol check; the tree for the schema reader. */
    public static JsonNode parseCanonical(byte[] bytes) throws Rejection {
        JsonNode node;
        try {
            node = StrictJson.parseCanonical(bytes);
        } catch (JsonRejected e) {
            throw jsonRejected(e);
        }
        long protocol = Docs.unsupportedProtocolOf(node);
        if (protocol != -1) {
            ArrayNode supported = StrictJson.nodes().arrayNode();
            Protocol.SUPPORTED.forEach(supported::add);
            throw Rejection.of(ProblemType.UNSUPPORTED_PROTOCOL, "Protocol version not served here",
                    "The document says protocol " + protocol + "; " + Protocol.BASE_PATH + " serves version " + Protocol.VERSION + ".")
                    .with("supported", supported);
        }
        return node;
    }

    /** Parse, check and read one document type. */
    public static <T> T read(byte[] bytes, Docs.Reader<T> reader) throws Rejection {
        return schema(parseCanonical(bytes), reader);
    }

    public static <T> T schema(JsonNode node, Docs.Reader<T> reader) throws Rejection {
        try {
            return reader.read(node);
        } catch (SchemaInvalid e) {
            throw schemaInvalid(e);
        }
    }

    public static Rejection jsonRejected(JsonRejected e) {
        if (e.kind() == JsonRejected.Kind.NOT_CANONICAL) {
            return Rejection.of(ProblemType.NOT_CANONICAL, "Not canonical JSON",
                    "The body is valid JSON but not its MC-JCS form (§3.1): " + e.getMessage() + ".");
        }
        return Rejection.of(ProblemType.JSON_INVALID, "Invalid JSON", "The body is not acceptable JSON: " + e.getMessage() + ".")
                .with("check", e.check());
    }

    public static Rejection schemaInvalid(SchemaInvalid e) {
        ArrayNode errors = StrictJson.nodes().arrayNode();
        for (SchemaInvalid.Error err : e.errors()) {
            errors.addObject().put("pointer", err.pointer()).put("reason", err.reason());
        }
        return Rejection.of(ProblemType.SCHEMA_INVALID, "Document does not match its schema",
                e.errors().size() + " member(s) missing, unknown or of the wrong type: " + e.getMessage() + ".")
                .with("errors", errors);
    }

    /** 413 for a non-batch request body over {@code maxRequestBytes}. */
    public static Rejection requestTooLarge(long limit) {
        return Rejection.of(ProblemType.REQUEST_TOO_LARGE, "Request too large", "The body may hold at most " + limit + " bytes.")
                .with("limitName", "maxRequestBytes").with("limit", limit);
    }
}
