package org.motcua.protocol.json;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Map;

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
        Utf8 out = new Utf8();
        append(out, node);
        return out.toArray();
    }

    public static String writeString(JsonNode node) {
        return new String(write(node), StandardCharsets.UTF_8);
    }

    private static void append(Utf8 out, JsonNode node) {
        switch (node.getNodeType()) {
            case OBJECT -> {
                @SuppressWarnings("unchecked")
                Map.Entry<String, JsonNode>[] members = node.properties().toArray(new Map.Entry[0]);
                if (!sorted(members)) {
                    Arrays.sort(members, Map.Entry.comparingByKey());
                }
                out.put('{');
                for (int i = 0; i < members.length; i++) {
                    if (i > 0) {
                        out.put(',');
                    }
                    string(out, members[i].getKey());
                    out.put(':');
                    append(out, members[i].getValue());
                }
                out.put('}');
            }
            case ARRAY -> {
                out.put('[');
                for (int i = 0; i < node.size(); i++) {
                    if (i > 0) {
                        out.put(',');
                    }
                    append(out, node.get(i));
                }
                out.put(']');
            }
            case STRING -> string(out, node.textValue());
            case NUMBER -> out.ascii(Long.toString(integer(node)));
            case BOOLEAN -> out.ascii(node.booleanValue() ? "true" : "false");
            case NULL -> out.ascii("null");
            default -> throw new IllegalArgumentException("not a JSON value: " + node.getNodeType());
        }
    }

    /** Members in UTF-16 code unit order already (every canonical document read back): no sort needed. */
    private static boolean sorted(Map.Entry<String, JsonNode>[] members) {
        for (int i = 1; i < members.length; i++) {
            if (members[i - 1].getKey().compareTo(members[i].getKey()) > 0) {
                return false;
            }
        }
        return true;
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

    private static void string(Utf8 out, String s) {
        out.put('"');
        for (int i = out.plainPrefix(s); i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.ascii("\\\"");
                case '\\' -> out.ascii("\\\\");
                case '\b' -> out.ascii("\\b");
                case '\t' -> out.ascii("\\t");
                case '\n' -> out.ascii("\\n");
                case '\f' -> out.ascii("\\f");
                case '\r' -> out.ascii("\\r");
                default -> {
                    if (c < 0x20) {
                        out.ascii("\\u00");
                        out.put(HEX[c >> 4]);
                        out.put(HEX[c & 0xF]);
                    } else if (Character.isHighSurrogate(c)) {
                        if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                            throw new IllegalArgumentException("lone surrogate at " + i);
                        }
                        out.codePoint(Character.toCodePoint(c, s.charAt(++i)));
                    } else if (Character.isLowSurrogate(c)) {
                        throw new IllegalArgumentException("lone surrogate at " + i);
                    } else {
                        out.codePoint(c);
                    }
                }
            }
        }
        out.put('"');
    }

    /**
     * The output, encoded to UTF-8 as it is written (surrogate pairs were checked by the caller): one growing byte
     * array, where a StringBuilder held a UTF-16 copy of any document with Vietnamese text and then two more copies.
     */
    private static final class Utf8 {
        private byte[] bytes = new byte[512];
        private int length;

        void put(char ascii) {
            if (length == bytes.length) {
                grow(1);
            }
            bytes[length++] = (byte) ascii;
        }

        void ascii(String s) {
            int n = s.length();
            if (length + n > bytes.length) {
                grow(n);
            }
            for (int i = 0; i < n; i++) {
                bytes[length++] = (byte) s.charAt(i);
            }
        }

        /**
         * Copies the leading characters of {@code s} that are written as they are and in one byte each (U+0020 to
         * U+007F except {@code "} and {@code \}) and returns how many: ids, codes, times, member names and numbers
         * as text are nothing else, so most strings take this loop alone, without the escape and encoding checks.
         */
        int plainPrefix(String s) {
            int n = s.length();
            if (length + n > bytes.length) {
                grow(n);
            }
            int i = 0;
            while (i < n) {
                char c = s.charAt(i);
                if (c < 0x20 || c > 0x7F || c == '"' || c == '\\') {
                    break;
                }
                bytes[length + i] = (byte) c;
                i++;
            }
            length += i;
            return i;
        }

        void codePoint(int cp) {
            if (length + 4 > bytes.length) {
                grow(4);
            }
            if (cp < 0x80) {
                bytes[length++] = (byte) cp;
            } else if (cp < 0x800) {
                bytes[length++] = (byte) (0xC0 | cp >> 6);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else if (cp < 0x10000) {
                bytes[length++] = (byte) (0xE0 | cp >> 12);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            } else {
                bytes[length++] = (byte) (0xF0 | cp >> 18);
                bytes[length++] = (byte) (0x80 | cp >> 12 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp >> 6 & 0x3F);
                bytes[length++] = (byte) (0x80 | cp & 0x3F);
            }
        }

        private void grow(int atLeast) {
            bytes = Arrays.copyOf(bytes, Math.max(bytes.length * 2, length + atLeast));
        }

        byte[] toArray() {
            return Arrays.copyOf(bytes, length);
        }
    }
}
