package org.motcua.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;

/**
 * The MC-JCS writer (§3.1): RFC 8785 restricted to integers. Members sorted by UTF-16 code units at every depth, no
 * whitespace, exactly the escapes of rule 4 (lowercase hex), everything else literal UTF-8.
 *
 * <p>Written by hand over {@link JsonNode} on purpose: Jackson's own serializer writes upper-case hex escapes, orders
 * POJO properties by declaration and writes doubles in exponent form, so its bytes are not canonical.
 */
public final class CanonicalJson {

    /** The largest integer the contract allows, 2^53 − 1. */
    public static final long MAX_INTEGER = (1L << 53) - 1;

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private CanonicalJson() {
    }

    /**
     * @throws IllegalArgumentException for a value the contract cannot carry: a fraction, an integer out of range,
     *                                  a lone surrogate, binary or POJO nodes
     */
    public static byte[] write(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        append(out, node);
        return utf8(out);
    }

    public static String writeString(JsonNode node) {
        StringBuilder out = new StringBuilder(256);
        append(out, node);
        return out.toString();
    }

    private static void append(StringBuilder out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                List<String> names = new ArrayList<>(node.size());
                for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                    names.add(it.next());
                }
                names.sort(String::compareTo);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    string(out, names.get(i));
                    out.append(':');
                    append(out, node.get(names.get(i)));
                }
                out.append('}');
            }
            case ARRAY -> {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.append(',');
                    }
                    append(out, node.get(i));
                }
                out.append(']');
            }
            case STRING -> string(out, node.textValue());
            case NUMBER -> out.append(integer(node));
            case BOOLEAN -> out.append(node.booleanValue());
            case NULL -> out.append("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    private static long integer(JsonNode node) {
        if (!node.isIntegralNumber() || !node.canConvertToLong()) {
            throw new IllegalArgumentException("only integers are allowed in canonical JSON");
        }
        long v = node.longValue();
        if (v > MAX_INTEGER || v < -MAX_INTEGER) {
            throw new IllegalArgumentException("integer out of range: " + v);
        }
        return v;
    }

    private static void string(StringBuilder out, String s) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\b' -> out.append("\\b");
                case '\t' -> out.append("\\t");
                case '\n' -> out.append("\\n");
                case '\f' -> out.append("\\f");
                case '\r' -> out.append("\\r");
                default -> {
                    if (c < 0x20) {
                        out.append("\\u00").append(HEX[c >> 4]).append(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate at " + i);
                        }
                        out.append(c).append(s.charAt(++i));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate at " + i);
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    private static byte[] utf8(CharSequence s) {
        // Surrogate pairs were checked above, so the standard encoder cannot substitute anything.
        return s.toString().getBytes(StandardCharsets.UTF_8);
    }
}
