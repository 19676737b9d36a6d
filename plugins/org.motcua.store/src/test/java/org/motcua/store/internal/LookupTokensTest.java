package org.motcua.store.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class LookupTokensTest {

    @Test
    void randomTokensAreEightCrockfordCharactersAndRarelyCollide() {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            String t = LookupTokens.random();
            assertTrue(t.matches("[0-9A-HJKMNP-TV-Z]{8}"), t);
            seen.add(t);
        }
        assertTrue(seen.size() > 9_990, "40 random bits: " + seen.size());
    }

    @Test
    void onlyTheHashTravels() {
        assertEquals(64, LookupTokens.sha256("7KQX2M4P").length());
        assertEquals("7EF6RRS7", LookupTokens.derivedFromId(java.util.UUID.fromString("3b0c7a8e-52d1-4f7e-9c8a-1d2e3f405162")));
    }
}
