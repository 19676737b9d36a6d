package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;
import org.motcua.core.numbering.DossierCode;

class LookupTokenTest {

    @Test
    void theQrPayloadIsTheCodeAndTheTokenSeparatedByABar() {
        DossierCode code = new DossierCode("000.17.22.H56", LocalDate.of(2021, 5, 31), 1);
        assertEquals("000.17.22.H56-210531-0001|ABCDEFGH", LookupToken.qrPayload(code, "ABCDEFGH"));
    }
}
