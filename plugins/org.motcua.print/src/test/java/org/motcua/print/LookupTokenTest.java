package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.core.numbering.DossierCode;

class LookupTokenTest {

    @Test
    void theQrPayloadIsTheCodeAndTheTokenSeparatedByABar() {
        DossierCode code = new DossierCode("000.17.22.H56", LocalDate.of(2021, 5, 31), 1);
        assertEquals("000.17.22.H56-210531-0001|ABCDEFGH", LookupToken.qrPayload(code, "ABCDEFGH"));
    }

    @Test
    void withTheProvincesLookupPageTheQrPayloadIsItsUrl() {
        DossierCode code = new DossierCode("000.17.22.H56", LocalDate.of(2021, 5, 31), 1);
        assertEquals("https://motcua.tinh.gov.vn/tra-cuu?code=000.17.22.H56-210531-0001&token=ABCDEFGH",
                LookupToken.qrPayload(code, "ABCDEFGH", Optional.of("https://motcua.tinh.gov.vn/tra-cuu")));
        assertEquals("000.17.22.H56-210531-0001|ABCDEFGH", LookupToken.qrPayload(code, "ABCDEFGH", Optional.empty()));
        for (String odd : new String[] {"javascript:alert(1)", "https://x.vn/tra-cuu?a=b", "https://x.vn/a b", "https://x.vn/\"",
                "https://" + "x".repeat(200) + ".vn"}) {
            assertEquals("000.17.22.H56-210531-0001|ABCDEFGH", LookupToken.qrPayload(code, "ABCDEFGH", Optional.of(odd)), odd);
        }
    }
}
