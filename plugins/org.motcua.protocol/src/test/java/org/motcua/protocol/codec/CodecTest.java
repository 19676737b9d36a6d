package org.motcua.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.motcua.protocol.Vectors;

class CodecTest {

    @Test
    void blobHashAndContentDigestOfSection15() {
        byte[] blob = Vectors.BLOB_TEXT.getBytes(StandardCharsets.US_ASCII);
        assertEquals(22, blob.length);
        assertEquals(Vectors.BLOB_SHA256, Sha256.hex(blob));
        assertEquals("sha-256=:P/hrJu2cWB9miVc6nFKWODAJuNy/QlVOhR/H3i5bW18=:", ContentDigest.of(blob));
        assertArrayEquals(Sha256.digest(blob), ContentDigest.sha256("sha-512=:AAAA:, sha-256=:P/hrJu2cWB9miVc6nFKWODAJuNy/QlVOhR/H3i5bW18=:").orElseThrow());
        assertTrue(ContentDigest.sha256("md5=:AAAA:").isEmpty());
        assertTrue(ContentDigest.sha256("sha-256=:AAAA:").isEmpty(), "not 32 bytes");
    }

    @Test
    void b64uRoundTripsWithoutPadding() {
        byte[] bytes = {(byte) 0xFB, (byte) 0xFF, 0x01};
        assertEquals("-_8B", B64u.encode(bytes));
        assertArrayEquals(bytes, B64u.decode("-_8B"));
        assertArrayEquals(new byte[] {1, 2}, B64u.decode("AQI"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"AQI=", "AQ I", "AQ+/", "AQJ", "A", "AQ\n"})
    void b64uDecoderIsStrict(String text) {
        assertFalse(B64u.isValid(text), text);
    }

    @Test
    void timesAndUuidsFollowSection32() {
        assertTrue(WireFormats.isTime("2025-05-31T08:15:30.123+07:00"));
        assertTrue(WireFormats.isTime("2025-05-31T08:15:30Z"));
        assertTrue(WireFormats.isTime("2025-05-31T08:15:30.123456789Z"));
        assertFalse(WireFormats.isTime("2025-05-31T08:15:30"), "no offset");
        assertFalse(WireFormats.isTime("2025-05-31 08:15:30Z"));
        assertFalse(WireFormats.isTime("2025-02-30T08:15:30Z"));
        assertEquals("2025-06-02T03:04:05.678Z", WireFormats.serverTime(Instant.parse("2025-06-02T03:04:05.678912Z")));
        assertTrue(WireFormats.isUuid("0d8f6c2e-5a4b-4c3d-9e8f-7a6b5c4d3e2f"));
        assertFalse(WireFormats.isUuid("0D8F6C2E-5A4B-4C3D-9E8F-7A6B5C4D3E2F"));
        assertTrue(WireFormats.isDate("2026-02-28"));
        assertFalse(WireFormats.isDate("2026-02-29"));
    }
}
