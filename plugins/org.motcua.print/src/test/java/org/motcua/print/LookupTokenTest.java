package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.core.numbering.DossierCode;

class LookupTokenTest {

    @Test
    void theTokenIsEightBase32CharactersStableForADossierAndDifferentBetweenDossiers() {
        UUID id = UUID.fromString("3b0c7a8e-52d1-4f7e-9c8a-1d2e3f405162");
        String token = LookupToken.of(id);
        assertTrue(token.matches("[A-Z2-7]{8}"), token);
        assertEquals(token, LookupToken.of(UUID.fromString(id.toString())));
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < 10_000; i++) {
            seen.add(LookupToken.of(new UUID(42, i)));
        }
        assertTrue(seen.size() > 9_990, "40-bit tokens of 10,000 dossiers hardly ever collide: " + seen.size());
        assertNotEquals(LookupToken.of(new UUID(0, 1)), LookupToken.of(new UUID(0, 2)));
    }

    @Test
    void theQrPayloadIsTheCodeAndTheTokenSeparatedByABar() {
        DossierCode code = new DossierCode("000.17.22.H56", LocalDate.of(2021, 5, 31), 1);
        assertEquals("000.17.22.H56-210531-0001|ABCDEFGH", LookupToken.qrPayload(code, "ABCDEFGH"));
    }
}
