package org.motcua.core.numbering;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

class DossierCodeTest {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    @Test
    void formatsAsPrintedOnTheReceipt() {
        DossierCode code = new DossierCode("000.17.22.H56", LocalDate.of(2021, 5, 31), 1);
        assertEquals("000.17.22.H56-210531-0001", code.format());
        assertEquals(code, DossierCode.parse("000.17.22.H56-210531-0001"));
        assertEquals(new DossierCode("000.00.04.G14", LocalDate.of(2026, 1, 9), 9999),
                DossierCode.parse("  000.00.04.g14-260109-9999 "));
    }

    @Test
    void parseAndFormatRoundTrip() {
        Random random = new Random(5L);
        for (int i = 0; i < 5_000; i++) {
            String unit = String.format(Locale.ROOT, "%03d.%02d.%02d.%c%02d", random.nextInt(1000),
                    random.nextInt(100), random.nextInt(100), (char) ('A' + random.nextInt(26)), random.nextInt(100));
            LocalDate date = LocalDate.of(2000, 1, 1).plusDays(random.nextInt(36_524));
            DossierCode code = new DossierCode(unit, date, 1 + random.nextInt(9999));
            assertEquals(code, DossierCode.parse(code.format()), code.format());
            assertEquals(25, code.format().length());
        }
    }

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', value = {
        "''                              | dossierCode.required",
        "'   '                           | dossierCode.required",
        "000.17.22.H56-210531            | dossierCode.shape",
        "000.17.22.H56-210531-0001-2     | dossierCode.shape",
        "000.17.22.H56 210531 0001       | dossierCode.shape",
        "00.17.22.H56-210531-0001        | dossierCode.unit",
        "000.17.22.H5-210531-0001        | dossierCode.unit",
        "000.17.22.556-210531-0001       | dossierCode.unit",
        "000,17,22,H56-210531-0001       | dossierCode.unit",
        "000.17.22.H56-210231-0001       | dossierCode.date",
        "000.17.22.H56-211331-0001       | dossierCode.date",
        "000.17.22.H56-21053-0001        | dossierCode.date",
        "000.17.22.H56-2105311-0001      | dossierCode.date",
        "000.17.22.H56-210531-0000       | dossierCode.sequence",
        "000.17.22.H56-210531-001        | dossierCode.sequence",
        "000.17.22.H56-210531-10000      | dossierCode.sequence",
        "000.17.22.H56-210531-00a1       | dossierCode.sequence",
        "abc-xyz-1                       | dossierCode.unit dossierCode.date dossierCode.sequence"})
    void badCodesAreRefusedWithSpecificReasons(String raw, String codes) {
        ValidationException e = assertThrows(ValidationException.class, () -> DossierCode.parse(raw));
        assertEquals(Arrays.asList(codes.split(" ")), e.violations().stream().map(Violation::code).toList());
    }

    @Test
    void nullIsMissing() {
        ValidationException e = assertThrows(ValidationException.class, () -> DossierCode.parse(null));
        assertEquals("Chưa nhập mã hồ sơ.", e.messages(VI));
    }

    @Test
    void messagesAreVietnameseWithEnglishFallback() {
        ValidationException e = assertThrows(ValidationException.class,
                () -> DossierCode.parse("000.17.22.H56-210231-0000"));
        assertEquals("""
                “210231” không phải ngày tiếp nhận hợp lệ theo dạng YYMMDD (năm-tháng-ngày, mỗi phần 2 chữ số).
                Số thứ tự “0000” của mã hồ sơ phải gồm 4 chữ số, từ 0001 đến 9999.""", e.messages(VI));
        assertEquals("""
                "210231" is not a valid receipt date in the form YYMMDD.
                The dossier number "0000" must have 4 digits, from 0001 to 9999.""", e.messages(Locale.GERMANY));
    }

    @Test
    void constructorRefusesWhatCannotBePrinted() {
        LocalDate day = LocalDate.of(2026, 3, 2);
        assertEquals(List.of("dossierCode.unit"), codes(() -> new DossierCode("H56", day, 1)));
        assertEquals(List.of("dossierCode.year"), codes(() -> new DossierCode("000.17.22.H56", LocalDate.of(1999, 12, 31), 1)));
        assertEquals(List.of("dossierCode.year"), codes(() -> new DossierCode("000.17.22.H56", LocalDate.of(2100, 1, 1), 1)));
        assertEquals(List.of("dossierCode.sequence"), codes(() -> new DossierCode("000.17.22.H56", day, 0)));
        assertEquals(List.of("dossierCode.sequence"), codes(() -> new DossierCode("000.17.22.H56", day, 10_000)));
    }

    private static List<String> codes(org.junit.jupiter.api.function.Executable action) {
        return assertThrows(ValidationException.class, action).violations().stream().map(Violation::code).toList();
    }
}
