package org.motcua.protocol.json;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.motcua.protocol.Vectors;

class StrictJsonTest {

    private static JsonRejected rejected(String json) {
        return assertThrows(JsonRejected.class, () -> StrictJson.parseCanonical(json.getBytes(StandardCharsets.UTF_8)));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "{\"a\":1,\"a\":2}|duplicate-member",
        "{\"a\":1.5}|number",
        "{\"a\":1.0}|number",
        "{\"a\":1e2}|number",
        "{\"a\":9007199254740992}|number",
        "{\"a\":123456789012345678901234567890}|number",
        "{\"a\":1}x|trailing-data",
        "{\"a\":1}{}|trailing-data",
        "{\"a\":|syntax",
        "|syntax",
        "{'a':1}|syntax",
        "{\"a\":01}|syntax",
        "{\"a\":\"\\ud800\"}|utf8"})
    void invalidJsonNamesTheCheck(String json, String check) {
        JsonRejected e = rejected(json == null ? "" : json);
        assertEquals(JsonRejected.Kind.JSON_INVALID, e.kind());
        assertEquals(check, e.check());
    }

    @Test
    void invalidUtf8IsNamedUtf8() throws Exception {
        byte[] bytes = {'{', '"', 'a', '"', ':', '"', (byte) 0xC3, (byte) 0x28, '"', '}'};
        JsonRejected e = assertThrows(JsonRejected.class, () -> StrictJson.parse(bytes));
        assertEquals("utf8", e.check());
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "{\"a\": 1}", "{\"b\":1,\"a\":2}", "{\"a\":\"\\u001F\"}", "{\"a\":\"\\u0041\"}", "{\"a\":\"\\/\"}",
        "{\"a\":-0}", " {\"a\":1}", "{\"a\":1}\n", "\uFEFF{\"a\":1}"})
    void validButNotCanonicalIsNotCanonical(String json) {
        JsonRejected e = rejected(json);
        assertEquals(JsonRejected.Kind.NOT_CANONICAL, e.kind());
        assertNull(e.check());
    }

    @Test
    void deepNestingIsRefusedBeforeItCostsMemory() {
        String deep = "[".repeat(10_000) + "]".repeat(10_000);
        assertEquals("syntax", rejected(deep).check());
    }

    @Test
    void theExampleBatchRoundTrips() throws Exception {
        byte[] canonical = CanonicalJson.write(Vectors.tree("example-batch.json"));
        assertTrue(StrictJson.isCanonical(canonical));
        assertEquals(2, StrictJson.parseCanonical(canonical).get("events").size());
    }
}
