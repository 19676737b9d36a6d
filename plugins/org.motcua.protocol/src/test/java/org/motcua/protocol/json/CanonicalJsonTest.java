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
}
