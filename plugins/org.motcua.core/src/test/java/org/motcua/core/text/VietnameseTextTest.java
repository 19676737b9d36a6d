package org.motcua.core.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.text.Normalizer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class VietnameseTextTest {

    @ParameterizedTest
    @CsvSource({
        "Nguyễn Văn An,nguyen van an",
        "ĐẶNG THỊ ĐÀO,dang thi dao",
        "  Trần   Hữu  Đức ,tran huu duc",
        "Hoàng Thị Thuỷ,hoang thi thuy",
        "nguyen van an,nguyen van an"})
    void foldsToPlainLowerCase(String typed, String folded) {
        assertEquals(folded, VietnameseText.fold(typed));
    }

    @ParameterizedTest
    @CsvSource({"Hộ tịch,HO_TICH", "Thi đua - Khen thưởng,THI_DUA_KHEN_THUONG", "Đất đai,DAT_DAI"})
    void identifiersFromLabels(String label, String id) {
        assertEquals(id, VietnameseText.identifier(label));
    }

    @ParameterizedTest
    @CsvSource({"Nguyễn Văn An"})
    void decomposedInputFoldsAndNormalizesLikeComposed(String composed) {
        String decomposed = Normalizer.normalize(composed, Normalizer.Form.NFD);
        assertEquals(VietnameseText.fold(composed), VietnameseText.fold(decomposed));
        assertEquals(composed, VietnameseText.normalize(decomposed));
    }
}
