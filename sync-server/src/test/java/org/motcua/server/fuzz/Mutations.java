package org.motcua.server.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.zip.GZIPOutputStream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Tuple;
import org.motcua.protocol.json.CanonicalJson;

/**
 * The fuzzer's vocabulary as jqwik arbitraries: hostile strings, JSON values (random, deeply nested, huge), byte-level
 * damage to a valid body (truncation, flipped bytes, invalid UTF-8), structure-aware edits of a valid JSON document (one
 * field replaced by a hostile value, then written canonically so the edit reaches the schema checks), and gzip bombs.
 */
final class Mutations {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** 64 MiB of zeros compressed: about 64 KB on the wire, far above every inflate limit. */
    private static final byte[] GZIP_BOMB = gzipZeros(64 << 20);
    /** A bomb in a bomb: gzip of the gzip bomb (a server that inflated twice would meet 64 MiB). */
    private static final byte[] NESTED_BOMB = gzip(GZIP_BOMB);

    private Mutations() {
    }

    // --- strings -------------------------------------------------------------------------------------------------

    /** Short hostile strings: empty, whitespace, dot segments, encodings, injections, control characters, Vietnamese. */
    static Arbitrary<String> nasty() {
        return Arbitraries.frequencyOf(
                Tuple.of(6, Arbitraries.of("", " ", "0", "-1", "null", "true", "[]", "{}", "..", "../", "..%2f", "%2e%2e", "%2e%2e%2f",
                        "%c0%ae%c0%ae", "%c0%af", "%00", "%zz", "%", "%ff%fe", "%e0%80%af", "/", "//", "\\", "'", "\"", "<script>", "${7*7}",
                        "' OR '1'='1", "; DROP TABLE devices; --", "\u0000", "\r\nX-Injected: 1", "\u202e", "\ufeff", "𝕏", "Hòa Bình",
                        "9223372036854775808", "-9223372036854775809", "1e999999", "NaN", "00000000-0000-0000-0000-000000000000",
                        "AAAAAAAAAAAAAAAAAAAAAA", "====", "001090012345")),
                Tuple.of(3, Arbitraries.strings().ofMaxLength(40)),
                Tuple.of(2, Arbitraries.strings().withCharRange('\u0000', '\u00ff').ofMaxLength(40)),
                Tuple.of(1, Arbitraries.strings().alpha().numeric().ofMinLength(1000).ofMaxLength(70_000)));
    }

    /** A hostile path segment: the segment itself, or a trick around it. */
    static Arbitrary<String> segment() {
        return Arbitraries.frequencyOf(
                Tuple.of(4, nasty().map(Mutations::pathSafe)),
                Tuple.of(2, Arbitraries.of("..", ".", "%2e%2e", "%2E%2E%2F..%2F", "..;", "%c0%ae%c0%ae", "..%252f", "%2f", "%5c",
                        "..%5c..%5c", "x%00.css", "app.css%00", "APP.CSS", "app.css/", "app.css;.js", "~root", "*", "%")),
                Tuple.of(1, Arbitraries.strings().withChars('a', '.', '/', '%', '2', 'e', 'f').ofMinLength(1).ofMaxLength(60)),
                Tuple.of(1, Arbitraries.integers().between(2_000, 40_000).map("a"::repeat)));
    }

    /** Keeps a string sendable on the request line: spaces and line breaks percent-encoded, the rest left as is. */
    static String pathSafe(String s) {
        StringBuilder b = new StringBuilder();
        for (char c : s.toCharArray()) {
            if (c <= ' ' || c == 0x7f || c == '?' || c == '#') {
                b.append('%').append(String.format("%02X", (int) c & 0xff));
            } else if (c > 0xff) {
                b.append(java.net.URLEncoder.encode(String.valueOf(c), StandardCharsets.UTF_8));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    // --- JSON ----------------------------------------------------------------------------------------------------

    /** A random JSON text of bounded depth (scalars, arrays, objects, odd numbers and strings). */
    static Arbitrary<String> jsonValue(int depth) {
        Arbitrary<String> scalar = Arbitraries.frequencyOf(
                Tuple.of(3, nasty().map(s -> JSON.valueToTree(s).toString())),
                Tuple.of(2, Arbitraries.of("0", "-0", "1", "-1", "1.5", "1e400", "-1e-400", "123456789012345678901234567890",
                        "9007199254740993", "0.1e1", "01", "1.", ".5", "+1", "NaN", "Infinity")),
                Tuple.of(1, Arbitraries.of("true", "false", "null")));
        if (depth <= 0) {
            return scalar;
        }
        Arbitrary<String> inner = Arbitraries.lazy(() -> jsonValue(depth - 1));
        return Arbitraries.frequencyOf(
                Tuple.of(4, scalar),
                Tuple.of(1, inner.list().ofMaxSize(4).map(l -> "[" + String.join(",", l) + "]")),
                Tuple.of(1, Combinators.combine(nasty().list().ofMaxSize(4), inner.list().ofSize(4)).as((keys, values) -> {
                    StringBuilder b = new StringBuilder("{");
                    for (int i = 0; i < keys.size(); i++) {
                        b.append(i == 0 ? "" : ",").append(JSON.valueToTree(keys.get(i)).toString()).append(':').append(values.get(i));
                    }
                    return b.append('}').toString();
                })));
    }

    /** JSON nested {@code depth} deep: arrays, objects, or both. */
    static Arbitrary<byte[]> deeplyNested() {
        return Combinators.combine(Arbitraries.integers().between(64, 300_000), Arbitraries.of("[", "{\"a\":", "[{\"k\":"))
                .as((depth, open) -> {
                    String close = switch (open) {
                        case "[" -> "]";
                        case "{\"a\":" -> "}";
                        default -> "}]";
                    };
                    return (open.repeat(depth) + "1" + close.repeat(depth)).getBytes(StandardCharsets.UTF_8);
                });
    }

    // --- bodies --------------------------------------------------------------------------------------------------

    /** A hostile body unrelated to the route's document. */
    static Arbitrary<byte[]> foreignBody() {
        return Arbitraries.frequencyOf(
                Tuple.of(3, jsonValue(4).map(s -> s.getBytes(StandardCharsets.UTF_8))),
                Tuple.of(2, Arbitraries.bytes().array(byte[].class).ofMaxSize(2048)),
                Tuple.of(1, deeplyNested()),
                Tuple.of(1, Arbitraries.integers().between(60_000, 2_500_000)
                        .map(n -> ("{\"a\":\"" + "x".repeat(n) + "\"}").getBytes(StandardCharsets.UTF_8))),
                Tuple.of(1, Arbitraries.of(GZIP_BOMB, NESTED_BOMB, new byte[] {(byte) 0x1f, (byte) 0x8b, 8, 0, 0, 0, 0, 0, 0, 3})),
                Tuple.of(1, Arbitraries.of(new byte[0], "{".getBytes(StandardCharsets.UTF_8), "\"\\ud800\"".getBytes(StandardCharsets.UTF_8),
                        new byte[] {'{', '"', 'a', '"', ':', '"', (byte) 0xc3, (byte) 0x28, '"', '}'},
                        new byte[] {'"', (byte) 0xed, (byte) 0xa0, (byte) 0x80, '"'},
                        new byte[] {'"', (byte) 0xf8, (byte) 0x88, (byte) 0x80, (byte) 0x80, (byte) 0x80, '"'},
                        "{\"a\":1,\"a\":2}".getBytes(StandardCharsets.UTF_8),
                        "\ufeff{}".getBytes(StandardCharsets.UTF_8))));
    }

    /** Byte-level damage to a valid body. */
    static Arbitrary<UnaryOperator<byte[]>> damage() {
        Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
        return Arbitraries.frequencyOf(
                Tuple.of(3, at.map(f -> b -> Arrays.copyOf(b, (int) (b.length * f)))),
                Tuple.of(3, Combinators.combine(at, Arbitraries.bytes()).as((f, v) -> b -> {
                    byte[] c = b.clone();
                    if (c.length > 0) {
                        c[Math.min(c.length - 1, (int) (c.length * f))] ^= (byte) (v == 0 ? 1 : v);
                    }
                    return c;
                })),
                Tuple.of(2, Combinators.combine(at, Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(16)).as((f, ins) -> b -> {
                    int i = (int) (b.length * f);
                    byte[] c = new byte[b.length + ins.length];
                    System.arraycopy(b, 0, c, 0, i);
                    System.arraycopy(ins, 0, c, i, ins.length);
                    System.arraycopy(b, i, c, i + ins.length, b.length - i);
                    return c;
                })),
                Tuple.of(1, Arbitraries.of(b -> concat(b, b), b -> concat(b, new byte[] {' '}), b -> concat(new byte[] {' '}, b),
                        b -> concat(b, new byte[] {(byte) 0xff}), b -> concat(new byte[] {(byte) 0xef, (byte) 0xbb, (byte) 0xbf}, b))));
    }

    /**
     * Structure-aware edits of a JSON document: a field (at any depth) replaced, removed, or given a twin; a field added;
     * the result written canonically, so only the edit can be what the server refuses.
     */
    static Arbitrary<UnaryOperator<byte[]>> edit() {
        return Combinators.combine(Arbitraries.integers().between(0, 10_000), Arbitraries.of(Edit.values()), jsonValue(3), nasty())
                .as((pick, kind, value, name) -> b -> edit(b, pick, kind, value, name));
    }

    enum Edit {
        REPLACE, REMOVE, ADD, WRAP, RAW_DUPLICATE
    }

    private static byte[] edit(byte[] doc, int pick, Edit kind, String value, String name) {
        JsonNode root;
        try {
            root = JSON.readTree(doc);
        } catch (Exception e) {
            return doc;
        }
        if (root == null || !root.isContainerNode()) {
            return doc;
        }
        if (kind == Edit.WRAP) {
            return write(JSON.createArrayNode().add(root));
        }
        List<JsonNode[]> slots = new ArrayList<>();
        collect(root, slots);
        if (slots.isEmpty()) {
            return doc;
        }
        JsonNode[] slot = slots.get(pick % slots.size());
        JsonNode parent = slot[0];
        String field = slot[1].asText();
        JsonNode replacement;
        try {
            replacement = JSON.readTree(value);
        } catch (Exception e) {
            replacement = JSON.getNodeFactory().textNode(value);
        }
        if (parent instanceof ObjectNode o) {
            switch (kind) {
                case REPLACE -> o.set(field, replacement);
                case REMOVE -> o.remove(field);
                case ADD -> o.set(name.isEmpty() ? "extra" : name, replacement);
                case RAW_DUPLICATE -> {
                    String text = new String(write(root), StandardCharsets.UTF_8);
                    String twin = JSON.valueToTree(field).toString() + ":" + value + ",";
                    int brace = text.indexOf('{');
                    return (text.substring(0, brace + 1) + twin + text.substring(brace + 1)).getBytes(StandardCharsets.UTF_8);
                }
                default -> {
                }
            }
        } else if (parent instanceof ArrayNode a) {
            int i = Integer.parseInt(field);
            switch (kind) {
                case REPLACE -> a.set(i, replacement);
                case REMOVE -> a.remove(i);
                default -> a.add(replacement);
            }
        }
        return write(root);
    }

    /** Canonical bytes when the protocol's writer takes the tree, else Jackson's (numbers outside I-JSON, for instance). */
    private static byte[] write(JsonNode root) {
        try {
            return CanonicalJson.write(root);
        } catch (RuntimeException e) {
            return root.toString().getBytes(StandardCharsets.UTF_8);
        }
    }

    private static void collect(JsonNode node, List<JsonNode[]> slots) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                slots.add(new JsonNode[] {o, JSON.getNodeFactory().textNode(f)});
                collect(o.get(f), slots);
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                slots.add(new JsonNode[] {a, JSON.getNodeFactory().textNode(Integer.toString(i))});
                collect(a.get(i), slots);
            }
        }
    }

    // --- helpers -------------------------------------------------------------------------------------------------

    static byte[] concat(byte[] a, byte[] b) {
        byte[] c = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, c, a.length, b.length);
        return c;
    }

    static byte[] gzip(byte[] data) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            z.write(data);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }

    private static byte[] gzipZeros(int n) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream z = new GZIPOutputStream(out)) {
            byte[] zeros = new byte[1 << 20];
            for (int i = 0; i < n; i += zeros.length) {
                z.write(zeros);
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toByteArray();
    }
}
