package org.motcua.protocol.enrol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HexFormat;
import org.junit.jupiter.api.Test;

class EnrolmentCodeTest {

    @Test
    void theExampleOfSection15() {
        EnrolmentCode code = EnrolmentCode.parse("Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA");
        assertEquals("Q4M7XK2P", code.codeId());
        assertEquals("cc04bcb927d349c7da6e7efdba1ec587ff1cfeeb06b2327e64485f27c57b605c",
                HexFormat.of().formatHex(code.macKey()));
        assertEquals("Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA", code.grouped());
    }

    @Test
    void typedCodesAreNormalised() {
        EnrolmentCode typed = EnrolmentCode.parse(" q4m7 xk2p 7k3q w9zd 2hxm 4tnb 8vrc 6jpf ga ");
        assertEquals("Q4M7XK2P", typed.codeId());
        assertEquals(EnrolmentCode.parse("0111-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA").codeId(),
                EnrolmentCode.parse("OIL1-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA").codeId());
    }

    @Test
    void wrongLengthOrLettersAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> EnrolmentCode.parse("Q4M7-XK2P"));
        assertThrows(IllegalArgumentException.class, () -> EnrolmentCode.parse("Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GU"));
    }

    @Test
    void generatedCodesParseBackAndNeverPrintTheirSecret() {
        EnrolmentCode code = EnrolmentCode.generate();
        assertEquals(code.codeId(), EnrolmentCode.parse(code.grouped()).codeId());
        assertFalse(code.toString().contains(code.grouped().substring(10)));
    }
}
