package org.motcua.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;

/**
 * Reads one JSON object member by member against its schema and collects every fault with its JSON pointer, so a
 * {@code schema-invalid} problem can name them all. A strict reader (requests, §13) also refuses members it was
 * not asked for; a lenient one (responses) ignores them.
 *
 * <p>Usage: read every member, then call {@link #end()}, which throws when anything was wrong; values read before
 * that are placeholders (null, 0) wherever a fault was recorded, and must not be used.
 */
public final class DocReader {

    private final JsonNode node;
    private final String pointer;
    private final List<SchemaInvalid.Error> errors;
    private final boolean strict;
    private final Set<String> seen = new HashSet<>();

    private DocReader(JsonNode node, String pointer, List<SchemaInvalid.Error> errors, boolean strict) {
        this.node = node;
        this.pointer = pointer;
        this.errors = errors;
        this.strict = strict;
        if (node != null && !node.isObject()) {
            fault("", "must be an object");
        }
    }

    /** For requests: unknown members are faults. */
    public static DocReader strict(JsonNode node) {
        return top(node, true);
    }

    /** For responses: unknown members are ignored (§13). */
    public static DocReader lenient(JsonNode node) {
        return top(node, false);
    }

    private static DocReader top(JsonNode node, boolean strict) {
        DocReader r = new DocReader(node, "", new ArrayList<>(), strict);
        if (node == null) {
            r.fault("", "must be an object");
        }
        return r;
    }

    public JsonNode node() {
        return node;
    }

    public boolean has(String name) {
        return node != null && node.isObject() && node.has(name);
    }

    // --- scalars ---------------------------------------------------------------------------------------------

    public String string(String name) {
        return string(name, Integer.MAX_VALUE);
    }

    public String string(String name, int maxLength) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isTextual()) {
            fault(name, "must be a string");
            return null;
        }
        if (v.textValue().length() > maxLength) {
            fault(name, "longer than " + maxLength + " characters");
        }
        return v.textValue();
    }

    public Optional<String> optString(String name, int maxLength) {
        return has(name) ? Optional.ofNullable(string(name, maxLength)) : mark(name);
    }

    /** A string with a fixed value, e.g. {@code kind}. */
    public void constant(String name, String expected) {
        String v = string(name);
        if (v != null && !v.equals(expected)) {
            fault(name, "must be \"" + expected + "\"");
        }
    }

    public String oneOf(String name, Set<String> allowed) {
        String v = string(name);
        if (v != null && !allowed.contains(v)) {
            fault(name, "not one of " + allowed);
        }
        return v;
    }

    public String uuid(String name) {
        return formatted(name, WireFormats::isUuid, "must be a lowercase uuid");
    }

    public Optional<String> optUuid(String name) {
        return has(name) ? Optional.ofNullable(uuid(name)) : mark(name);
    }

    public String hash(String name) {
        return formatted(name, Sha256::isHash, "must be 64 lowercase hex characters");
    }

    public String time(String name) {
        return formatted(name, WireFormats::isTime, "must be an RFC 3339 time with offset");
    }

    public Optional<String> optTime(String name) {
        return has(name) ? Optional.ofNullable(time(name)) : mark(name);
    }

    public String date(String name) {
        return formatted(name, WireFormats::isDate, "must be a date YYYY-MM-DD");
    }

    /** A b64u member, decoded; {@code exactBytes} > 0 demands that length. */
    public byte[] b64u(String name, int exactBytes) {
        String v = string(name);
        if (v == null) {
            return null;
        }
        try {
            byte[] bytes = B64u.decode(v);
            if (exactBytes > 0 && bytes.length != exactBytes) {
                fault(name, "must decode to " + exactBytes + " bytes");
                return null;
            }
            return bytes;
        } catch (IllegalArgumentException e) {
            fault(name, "must be base64url without padding");
            return null;
        }
    }

    public long integer(String name, long min, long max) {
        JsonNode v = required(name);
        if (v == null) {
            return 0;
        }
        if (!v.isIntegralNumber()) {
            fault(name, "must be an integer");
            return 0;
        }
        long n = v.longValue();
        if (n < min || n > max) {
            fault(name, "must be within " + min + ".." + max);
        }
        return n;
    }

    public Optional<Long> optInteger(String name, long min, long max) {
        return has(name) ? Optional.of(integer(name, min, max)) : mark(name);
    }

    public boolean bool(String name) {
        JsonNode v = required(name);
        if (v == null) {
            return false;
        }
        if (!v.isBoolean()) {
            fault(name, "must be true or false");
            return false;
        }
        return v.booleanValue();
    }

    // --- structures ------------------------------------------------------------------------------------------

    /**
     * A nested object, read with the same strictness; call its {@link #end()} too. A missing member is reported
     * once, here; the reader returned for it reads nothing.
     */
    public DocReader object(String name) {
        return new DocReader(required(name), pointer + "/" + escape(name), errors, strict);
    }

    public Optional<DocReader> optObject(String name) {
        return has(name) ? Optional.of(object(name)) : mark(name);
    }

    /** An array of objects, each read with the same strictness. */
    public List<DocReader> objects(String name, int maxItems) {
        JsonNode v = array(name, maxItems);
        List<DocReader> out = new ArrayList<>();
        if (v != null) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                out.add(new DocReader(item.isNull() ? null : item, pointer + "/" + escape(name) + "/" + i, errors, strict));
                if (item.isNull()) {
                    errors.add(new SchemaInvalid.Error(pointer + "/" + escape(name) + "/" + i, "must be an object"));
                }
            }
        }
        return out;
    }

    /** An array of strings, each checked by {@code valid}. */
    public List<String> strings(String name, int maxItems, Function<String, Boolean> valid, String what) {
        JsonNode v = array(name, maxItems);
        List<String> out = new ArrayList<>();
        if (v != null) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (!item.isTextual() || !valid.apply(item.textValue())) {
                    errors.add(new SchemaInvalid.Error(pointer + "/" + escape(name) + "/" + i, "must be " + what));
                } else {
                    out.add(item.textValue());
                }
            }
        }
        return out;
    }

    /** An array of integers within {@code min..max}. */
    public List<Long> integers(String name, int maxItems, long min, long max) {
        JsonNode v = array(name, maxItems);
        List<Long> out = new ArrayList<>();
        if (v != null) {
            for (int i = 0; i < v.size(); i++) {
                JsonNode item = v.get(i);
                if (!item.isIntegralNumber() || item.longValue() < min || item.longValue() > max) {
                    errors.add(new SchemaInvalid.Error(pointer + "/" + escape(name) + "/" + i,
                            "must be an integer within " + min + ".." + max));
                } else {
                    out.add(item.longValue());
                }
            }
        }
        return out;
    }

    /** An array of hashes, sorted ascending without duplicates (the envelope's {@code blobs}). */
    public List<String> sortedHashes(String name, int maxItems) {
        List<String> hashes = strings(name, maxItems, Sha256::isHash, "64 lowercase hex characters");
        for (int i = 1; i < hashes.size(); i++) {
            if (hashes.get(i - 1).compareTo(hashes.get(i)) >= 0) {
                fault(name, "must be sorted ascending without duplicates");
                break;
            }
        }
        return hashes;
    }

    /** The raw JSON of an object member (payloads, feed data). */
    public JsonNode rawObject(String name) {
        JsonNode v = required(name);
        if (v != null && !v.isObject()) {
            fault(name, "must be an object");
            return null;
        }
        return v;
    }

    /** The raw JSON of any member. */
    public JsonNode raw(String name) {
        return required(name);
    }

    private JsonNode array(String name, int maxItems) {
        JsonNode v = required(name);
        if (v == null) {
            return null;
        }
        if (!v.isArray()) {
            fault(name, "must be an array");
            return null;
        }
        if (v.size() > maxItems) {
            fault(name, "more than " + maxItems + " items");
            return null;
        }
        return v;
    }

    // --- end -------------------------------------------------------------------------------------------------

    /** Records a fault found by the caller (a cross-member rule). */
    public void fault(String name, String reason) {
        errors.add(new SchemaInvalid.Error(name.isEmpty() ? (pointer.isEmpty() ? "" : pointer) : pointer + "/" + escape(name),
                reason));
    }

    /** True when no fault has been recorded so far (in this reader or its parent and siblings). */
    public boolean ok() {
        return errors.isEmpty();
    }

    /**
     * Finishes this object: in strict mode, members that were not read are faults. The top-level reader throws
     * when any fault was recorded anywhere in the document.
     */
    public void end() throws SchemaInvalid {
        endObject();
        if (pointer.isEmpty() && !errors.isEmpty()) {
            throw new SchemaInvalid(errors);
        }
    }

    /** Finishes a nested object: in strict mode its unread members are faults, which the top-level {@link #end()} reports. */
    public void endObject() {
        if (strict && node != null && node.isObject()) {
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String name = it.next();
                if (!seen.contains(name)) {
                    fault(name, "unknown member");
                }
            }
        }
    }

    private JsonNode required(String name) {
        seen.add(name);
        if (node == null || !node.isObject()) {
            return null;
        }
        JsonNode v = node.get(name);
        if (v == null) {
            fault(name, "missing");
            return null;
        }
        if (v.isNull()) {
            fault(name, "must not be null");
            return null;
        }
        return v;
    }

    private <T> Optional<T> mark(String name) {
        seen.add(name);
        return Optional.empty();
    }

    private String formatted(String name, Function<String, Boolean> valid, String reason) {
        String v = string(name);
        if (v != null && !valid.apply(v)) {
            fault(name, reason);
            return null;
        }
        return v;
    }

    private static String escape(String name) {
        return name.replace("~", "~0").replace("/", "~1");
    }
}
