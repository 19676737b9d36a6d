package org.motcua.protocol.json;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motcua.protocol.Vectors;
import org.motcua.protocol.codec.Sha256;

class CanonicalJsonTest {

    @Test
    void theExampleBatchIsThe1608BytesOfSection15() {
        byte[] canonical = CanonicalJson.write(Vectors.tree("example-batch.json"));
        assertEquals(1608, canonical.length);
        assertEquals(Vectors.BATCH_SHA256, Sha256.hex(canonical));
    }

    @Test
    void membersAreSortedByUtf16CodeUnitsAtEveryDepth() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("b", 1);
        o.put("a", 2);
        o.put("\uD83D\uDE00", 3); // a surrogate pair sorts by its code units, before U+FF5E
        o.put("\uFF5E", 4);
        o.putObject("c").put("z", 1).put("y", 2);
        assertEquals("{\"a\":2,\"b\":1,\"c\":{\"y\":2,\"z\":1},\"\uD83D\uDE00\":3,\"\uFF5E\":4}", CanonicalJson.writeString(o));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', ignoreLeadingAndTrailingWhitespace = false, value = {
        "0022|\\\"", "005c|\\\\", "0008|\\b", "0009|\\t", "000a|\\n", "000c|\\f", "000d|\\r",
        "0000|\\u0000", "001f|\\u001f", "000b|\\u000b", "002f|/", "007f|\u007f", "2028|\u2028", "1ec7|ệ"})
    void escapesExactlyAsRule4(String hex, String expected) {
        String s = String.valueOf((char) Integer.parseInt(hex, 16));
        assertEquals("\"" + expected + "\"", CanonicalJson.writeString(JsonNodeFactory.instance.textNode(s)));
    }

    @Test
    void vietnameseIsWrittenAsLiteralUtf8() {
        byte[] bytes = CanonicalJson.write(JsonNodeFactory.instance.textNode("Nguyễn Văn An"));
        assertArrayEquals("\"Nguyễn Văn An\"".getBytes(StandardCharsets.UTF_8), bytes);
    }

    @Test
    void refusesWhatTheContractCannotCarry() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(f.numberNode(1.5)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(f.numberNode(1L << 53)));
        assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(f.textNode("\uD800")));
        assertEquals("9007199254740991", CanonicalJson.writeString(f.numberNode((1L << 53) - 1)));
        assertEquals("-9007199254740991", CanonicalJson.writeString(f.numberNode(-(1L << 53) + 1)));
    }

    /**
     * The writer encodes UTF-8 itself: on 2,000 random trees (every escape, runs of plain ASCII, Latin-1, Vietnamese, other BMP
     * characters, surrogate pairs, members in any order, nesting, integers at the limits) its bytes are exactly
     * {@code String.getBytes(UTF_8)} of the plain rendering below, and a lone surrogate is refused wherever it sits.
     */
    @Test
    void writesTheSameBytesAsAStringRenderingEncodedByTheJdk() {
        java.util.Random random = new java.util.Random(20261130);
        for (int i = 0; i < 2_000; i++) {
            com.fasterxml.jackson.databind.JsonNode tree = randomValue(random, 0);
            assertArrayEquals(Rendering.of(tree).getBytes(StandardCharsets.UTF_8), CanonicalJson.write(tree), Rendering.of(tree));
        }
        for (String lone : new String[] {"\uD800", "a\uDBFFb", "\uDC00", "x\uDFFF", "\uDE00\uD83D"}) {
            ObjectNode inValue = JsonNodeFactory.instance.objectNode().put("k", lone);
            ObjectNode inName = JsonNodeFactory.instance.objectNode().put(lone, 1);
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(inValue));
            assertThrows(IllegalArgumentException.class, () -> CanonicalJson.write(inName));
        }
    }

    private static final String ALPHABET = "az AZ09\"\\/\b\t\n\f\r\u0000\u0001\u001f\u007f\u0080\u00e9\u00ff\u0100\u07ff\u0800"
            + "ệễạĐđ\u2028\uFFFD\uFFFF";

    private static String randomString(java.util.Random random) {
        StringBuilder b = new StringBuilder();
        if (random.nextInt(3) == 0) { // a longer run of printable ASCII first, as in ids and codes (" and \ among them)
            for (int i = random.nextInt(40); i > 0; i--) {
                b.append((char) (0x20 + random.nextInt(0x60)));
            }
        }
        int n = random.nextInt(12);
        for (int i = 0; i < n; i++) {
            if (random.nextInt(10) == 0) {
                b.appendCodePoint(0x10000 + random.nextInt(0x100000)); // a surrogate pair
            } else {
                b.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
            }
        }
        return b.toString();
    }

    private static com.fasterxml.jackson.databind.JsonNode randomValue(java.util.Random random, int depth) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        switch (depth > 3 ? random.nextInt(4) : random.nextInt(6)) {
            case 0:
                return f.textNode(randomString(random));
            case 1:
                long[] edges = {0, -1, 1, CanonicalJson.MAX_INTEGER, -CanonicalJson.MAX_INTEGER, random.nextInt()};
                return f.numberNode(edges[random.nextInt(edges.length)]);
            case 2:
                return random.nextBoolean() ? f.booleanNode(random.nextBoolean()) : f.nullNode();
            case 3:
                return f.textNode("");
            case 4:
                var array = f.arrayNode();
                for (int i = random.nextInt(4); i > 0; i--) {
                    array.add(randomValue(random, depth + 1));
                }
                return array;
            default:
                ObjectNode o = f.objectNode();
                for (int i = random.nextInt(6); i > 0; i--) {
                    o.set(randomString(random), randomValue(random, depth + 1));
                }
                return o;
        }
    }

    /** MC-JCS as text, the plainest way: sorted names, the escapes of rule 4, everything else as it is. */
    private static final class Rendering {
        static String of(com.fasterxml.jackson.databind.JsonNode node) {
            StringBuilder out = new StringBuilder();
            append(out, node);
            return out.toString();
        }

        private static void append(StringBuilder out, com.fasterxml.jackson.databind.JsonNode node) {
            if (node.isObject()) {
                java.util.List<String> names = new java.util.ArrayList<>();
                node.fieldNames().forEachRemaining(names::add);
                java.util.Collections.sort(names);
                out.append('{');
                for (int i = 0; i < names.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    string(out, names.get(i));
                    out.append(':');
                    append(out, node.get(names.get(i)));
                }
                out.append('}');
            } else if (node.isArray()) {
                out.append('[');
                for (int i = 0; i < node.size(); i++) {
                    out.append(i > 0 ? "," : "");
                    append(out, node.get(i));
                }
                out.append(']');
            } else if (node.isTextual()) {
                string(out, node.textValue());
            } else {
                out.append(node.isNull() ? "null" : node.isBoolean() ? String.valueOf(node.booleanValue()) : node.longValue());
            }
        }

        private static void string(StringBuilder out, String s) {
            out.append('"');
            for (char c : s.toCharArray()) {
                switch (c) {
                    case '"' -> out.append("\\\"");
                    case '\\' -> out.append("\\\\");
                    case '\b' -> out.append("\\b");
                    case '\t' -> out.append("\\t");
                    case '\n' -> out.append("\\n");
                    case '\f' -> out.append("\\f");
                    case '\r' -> out.append("\\r");
                    default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
                }
            }
            out.append('"');
        }
    }
}
