package org.motcua.core.identity;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motcua.core.validation.ValidationException;

class CitizenIdTest {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @Test
    void validNumberIsDecoded() {
        CitizenId id = CitizenId.parse("001 085 012345", LocalDate.of(1985, 3, 2));
        assertEquals("001085012345", id.digits());
        assertEquals("001", id.provinceCode());
        assertEquals(1985, id.birthYear());
        assertTrue(id.isMale());
    }

    @ParameterizedTest
    @CsvSource({"079305000001,2005,false", "036200123456,2000,true", "001199000001,1999,false"})
    void centuryAndSexDigit(String digits, int year, boolean male) {
        CitizenId id = CitizenId.parse(digits, null);
        assertEquals(year, id.birthYear());
        assertEquals(male, id.isMale());
    }

    @Test
    void toStringNeverShowsTheFullNumber() {
        CitizenId id = CitizenId.parse("001085012345", null);
        assertEquals("*********345", id.toString());
        assertFalse(id.toString().contains("001085"));
    }

    @ParameterizedTest
    @CsvSource({
        "'',citizenId.required",
        "12345,citizenId.format",
        "00108501234X,citizenId.digitsOnly",
        "0010 85-012345,citizenId.digitsOnly",
        "0010850123456,citizenId.format",
        "003085012345,citizenId.province",
        "099085012345,citizenId.province"})
    void invalidNumbersAreRefusedWithAReason(String raw, String code) {
        ValidationException e = assertThrows(ValidationException.class, () -> CitizenId.parse(raw, null));
        assertEquals(code, e.violations().get(0).code());
    }

    @Test
    void birthYearMustAgreeWithDateOfBirth() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> CitizenId.parse("001085012345", LocalDate.of(1986, 1, 1)));
        assertEquals("Số định danh cá nhân cho năm sinh 1985 nhưng ngày sinh đã nhập thuộc năm 1986.",
                e.messages(VI));
    }

    @Test
    void englishFallbackForOtherLocales() {
        ValidationException e = assertThrows(ValidationException.class, () -> CitizenId.parse("12", null));
        assertEquals("The citizen ID must have exactly 12 digits (got 2).", e.messages(Locale.FRANCE));
    }

    @Test
    void aLetterIsNamedAsNotADigitRatherThanCountedAsOne() {
        ValidationException e = assertThrows(ValidationException.class, () -> CitizenId.parse("00109901234A", null));
        assertEquals("Số định danh cá nhân chỉ gồm chữ số; \"A\" không phải chữ số.", e.messages(VI));
    }

    @ParameterizedTest
    @CsvSource({"001599012345,2199", "001400000001,2100", "001227012345,2027"})
    void noNumberMayEncodeABirthYearAfterToday(String digits, int year) {
        LocalDate today = LocalDate.of(2026, 11, 30);
        ValidationException e = assertThrows(ValidationException.class, () -> CitizenId.parse(digits, null, today));
        assertEquals("citizenId.futureYear", e.violations().get(0).code());
        assertTrue(e.messages(VI).contains(String.valueOf(year)), e.messages(VI));
        assertEquals(2026, CitizenId.parse("001226012345", null, today).birthYear(), "born this year is fine");
    }
}
