package org.motcua.protocol.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Iterator;
import java.util.Map;

/**
 * The strict parser of §3.1: I-JSON only (valid UTF-8, no lone surrogates, no duplicate member names), integers
 * only, one value and nothing after it. {@link #parseCanonical} also re-serialises with {@link CanonicalJson} and
 * compares byte for byte, which is what every receiver of a signed document does.
 */
public final class StrictJson {

    /** Deeper documents are refused: no protocol document nests more than a few levels. */
    public static final int MAX_DEPTH = 64;

    private static final JsonFactory FACTORY = JsonFactory.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
            .streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(MAX_DEPTH).build())
            .build();
    private static final ObjectMapper MAPPER = new ObjectMapper(FACTORY);

    private StrictJson() {
    }

    /** Parses {@code bytes} strictly. */
    public static JsonNode parse(byte[] bytes) throws JsonRejected {
        requireUtf8(bytes);
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(bytes)) {
            if (p.nextToken() == null) {
                throw JsonRejected.invalid("syntax", "empty document");
            }
            root = read(p);
            JsonToken after;
            try {
                after = p.nextToken();
            } catch (JsonParseException e) {
                throw JsonRejected.invalid("trailing-data", "data after the top-level value");
            }
            if (after != null) {
                throw JsonRejected.invalid("trailing-data", "data after the top-level value");
            }
        } catch (IOException e) {
            throw JsonRejected.invalid(isDuplicate(e) ? "duplicate-member" : "syntax", describe(e));
        }
        return root;
    }

    /** Jackson reports a duplicate name as a parse error, possibly wrapped by data binding. */
    private static boolean isDuplicate(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonParseException p && String.valueOf(p.getOriginalMessage()).startsWith("Duplicate field")) {
                return true;
            }
        }
        return false;
    }

    private static String describe(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof StreamConstraintsException) {
                return "nested deeper than " + MAX_DEPTH;
            }
        }
        return e instanceof JsonParseException p ? p.getOriginalMessage() : e.getMessage();
    }

    /** Parses strictly and requires the bytes to be exactly their MC-JCS form. */
    public static JsonNode parseCanonical(byte[] bytes) throws JsonRejected {
        JsonNode root = parse(bytes);
        byte[] canonical = CanonicalJson.write(root);
        if (!Arrays.equals(canonical, bytes)) {
            throw JsonRejected.notCanonical("the bytes are valid JSON but not in canonical (MC-JCS) form");
        }
        return root;
    }

    /** True when {@code bytes} are exactly the canonical form of a strictly valid document. */
    public static boolean isCanonical(byte[] bytes) {
        try {
            parseCanonical(bytes);
            return true;
        } catch (JsonRejected e) {
            return false;
        }
    }

    private static JsonNode read(JsonParser p) throws IOException, JsonRejected {
        JsonNode node = MAPPER.readTree(p);
        check(node);
        return node;
    }

    /** Numbers must be integers within ±(2^53−1); strings and names must not hold lone surrogates. */
    private static void check(JsonNode node) throws JsonRejected {
        switch (node.getNodeType()) {
            case OBJECT -> {
                for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                    Map.Entry<String, JsonNode> e = it.next();
                    requireWellFormed(e.getKey());
                    check(e.getValue());
                }
            }
            case ARRAY -> {
                for (JsonNode child : node) {
                    check(child);
                }
            }
            case STRING -> requireWellFormed(node.textValue());
            case NUMBER -> {
                if (!node.isIntegralNumber()) {
                    throw JsonRejected.invalid("number", "only integers are allowed; decimals are strings");
                }
                if (!node.canConvertToLong() || Math.abs(node.longValue()) > CanonicalJson.MAX_INTEGER) {
                    throw JsonRejected.invalid("number", "integer outside ±(2^53−1)");
                }
            }
            default -> {
                // booleans and null
            }
        }
    }

    private static void requireWellFormed(String s) throws JsonRejected {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    throw JsonRejected.invalid("utf8", "lone surrogate");
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                throw JsonRejected.invalid("utf8", "lone surrogate");
            }
        }
    }

    /** Jackson would report bad UTF-8 as a syntax error somewhere later; the contract names it {@code utf8}. */
    private static void requireUtf8(byte[] bytes) throws JsonRejected {
        try {
            StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes));
        } catch (CharacterCodingException e) {
            throw JsonRejected.invalid("utf8", "not valid UTF-8");
        }
    }

    /** The node factory documents are built with (exact integers, no decimals). */
    public static JsonNodeFactory nodes() {
        return JsonNodeFactory.instance;
    }
}
