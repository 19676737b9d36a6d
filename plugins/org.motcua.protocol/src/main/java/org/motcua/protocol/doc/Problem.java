package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;

/**
 * An RFC 9457 problem document (§5.7, §14). Never signed: a client treats it as a hint and confirms with a signed
 * {@code state} before changing anything (§3.5). Extension members follow the standard ones.
 */
public record Problem(String type, String title, int status, String detail, String instance, ObjectNode extensions) {

    /** A problem of a known type with a fresh request id as its instance. */
    public static Problem of(ProblemType type, String title, String detail) {
        return new Problem(type.uri(), title, type.status(), detail, "urn:uuid:" + UUID.randomUUID(), Docs.F.objectNode());
    }

    /** Adds an extension member (a number, string, array or object node). */
    public Problem with(String name, Object value) {
        ObjectNode ext = extensions.deepCopy();
        ext.set(name, value instanceof JsonNode n ? n : toNode(value));
        return new Problem(type, title, status, detail, instance, ext);
    }

    private static JsonNode toNode(Object value) {
        if (value instanceof String s) {
            return Docs.F.textNode(s);
        } else if (value instanceof Long l) {
            return Docs.F.numberNode(l);
        } else if (value instanceof Integer i) {
            return Docs.F.numberNode(i);
        } else if (value instanceof Boolean b) {
            return Docs.F.booleanNode(b);
        }
        throw new IllegalArgumentException("unsupported extension value " + value.getClass());
    }

    public Optional<ProblemType> problemType() {
        return ProblemType.of(type);
    }

    /** The bare name of the type when it is one of the contract's, else the whole type URI. */
    public String name() {
        return problemType().map(ProblemType::problemName).orElse(type);
    }

    public ObjectNode toJson() {
        ObjectNode o = Docs.F.objectNode();
        o.put("type", type);
        o.put("title", title);
        o.put("status", status);
        o.put("detail", detail);
        o.put("instance", instance);
        for (Iterator<Map.Entry<String, JsonNode>> it = extensions.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            o.set(e.getKey(), e.getValue());
        }
        return o;
    }

    /** Canonical bytes; problems need not be canonical, but one form makes stored copies comparable. */
    public byte[] bytes() {
        return CanonicalJson.write(toJson());
    }

    /** Reads a problem body leniently; anything unreadable becomes an empty result. */
    public static Optional<Problem> parse(byte[] body) {
        try {
            JsonNode n = StrictJson.parse(body);
            if (!n.isObject() || !n.path("type").isTextual() || !n.path("status").isIntegralNumber()) {
                return Optional.empty();
            }
            ObjectNode ext = ((ObjectNode) n).deepCopy();
            ext.remove(java.util.List.of("type", "title", "status", "detail", "instance"));
            return Optional.of(new Problem(n.get("type").textValue(), n.path("title").asText(""), n.get("status").intValue(),
                    n.path("detail").asText(""), n.path("instance").asText(""), ext));
        } catch (JsonRejected e) {
            return Optional.empty();
        }
    }
}
