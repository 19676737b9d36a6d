package org.motcua.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ProtocolVersionTest {

    @Test
    void currentVersionComesFromTheBuiltResource() {
        assertEquals(ProtocolVersion.parse("1.0"), ProtocolVersion.CURRENT);
        assertNotEquals("unknown", ProtocolVersion.BUILD_VERSION);
        assertFalse(ProtocolVersion.BUILD_VERSION.contains("${"), "build version must be filtered by Maven");
    }

    @Test
    void sameMajorIsCompatibleOtherMajorIsNot() {
        ProtocolVersion v1 = ProtocolVersion.parse("1.3");
        assertTrue(v1.isCompatibleWith(ProtocolVersion.parse("1.0")));
        assertFalse(v1.isCompatibleWith(ProtocolVersion.parse("2.0")));
        assertTrue(ProtocolVersion.parse("1.10").compareTo(ProtocolVersion.parse("1.9")) > 0);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1", "1.0.0", "a.b", "-1.0", "1.-2"})
    void malformedVersionsAreRejected(String text) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> ProtocolVersion.parse(text));
        assertTrue(e.getMessage().contains("major"), e.getMessage());
    }

    @Test
    void healthStatusCarriesTheCurrentVersion() {
        HealthStatus h = HealthStatus.up("test");
        assertEquals("UP", h.status());
        assertEquals("1.0", h.protocolVersion());
    }
}
