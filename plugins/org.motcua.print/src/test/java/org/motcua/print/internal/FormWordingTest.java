package org.motcua.print.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motcua.print.FormEdition;

class FormWordingTest {

    @Test
    void datesAreWrittenAsDecree30Says() throws Exception {
        FormWording w = FormWording.load(FormEdition.EDITION_2025, Optional.empty());
        assertEquals("Mẫu Thuận, ngày 09 tháng 3 năm 2026", w.placeAndDay("Mẫu Thuận", LocalDate.of(2026, 3, 9)));
        assertEquals("ngày 05 tháng 02 năm 2026", w.day(LocalDate.of(2026, 2, 5)));
        assertEquals("ngày 25 tháng 12 năm 2026", w.day(LocalDate.of(2026, 12, 25)));
        assertEquals("09 giờ 05 phút, ngày 01 tháng 01 năm 2027", w.time(LocalDateTime.of(2027, 1, 1, 9, 5)));
        assertEquals("09/03/2026", w.shortDay(LocalDate.of(2026, 3, 9)));
    }

    @Test
    void blanksAreFilledOnceEmptyOnesAreDottedAndBoldOnesSplitOut() throws Exception {
        FormWording w = FormWording.load(FormEdition.EDITION_2025, Optional.empty());
        assertEquals("Mã hồ sơ: {code}", w.text("receipt.code", "code", "{code}"));
        assertEquals("Mã hồ sơ: …………………………", w.text("receipt.code", "code", ""));
        assertEquals("Mã hồ sơ: " + w.dots(), w.text("receipt.code", "code", null));
        assertEquals(List.of(new Span("Mã hồ sơ: ", Face.REGULAR), new Span("X-1", Face.BOLD)),
                w.spans("receipt.code", Face.REGULAR, Set.of("code"), "code", "X-1"));
        assertEquals("[no.such.key]", w.raw("no.such.key"));
    }

    @Test
    void the2018WordingOverridesOnlyWhatDiffersAndBothEditionsHaveEveryKey() throws Exception {
        FormWording y2025 = FormWording.load(FormEdition.EDITION_2025, Optional.empty());
        FormWording y2018 = FormWording.load(FormEdition.EDITION_2018, Optional.empty());
        assertEquals(y2025.keys(), y2018.keys());
        assertEquals("Bộ phận Một cửa", y2025.raw("desk.name"));
        assertEquals("Bộ phận Tiếp nhận và Trả kết quả", y2018.raw("desk.name"));
        assertEquals(y2025.raw("receipt.title"), y2018.raw("receipt.title"));
        assertTrue(y2025.keys().size() > 100, "" + y2025.keys().size());
    }
}
