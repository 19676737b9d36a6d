package org.motcua.core.calendar;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

class HolidayCalendarLoaderTest {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");

    private static InputStream json(String text) {
        return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void sampleFileIsReadWhole() {
        List<CalendarEntry> entries = HolidayCalendarLoader.readSample();
        assertEquals(42, entries.size());
        Map<DayKind, Long> byKind = entries.stream()
                .collect(Collectors.groupingBy(CalendarEntry::kind, Collectors.counting()));
        assertEquals(38L, byKind.get(DayKind.HOLIDAY));
        assertEquals(2L, byKind.get(DayKind.DAY_OFF_SWAPPED));
        assertEquals(2L, byKind.get(DayKind.COMPENSATORY_WORKING_DAY));
    }

    @Test
    void sampleKeepsSourcesAndUncertainty() {
        List<CalendarEntry> entries = HolidayCalendarLoader.readSample();
        assertTrue(entries.stream().allMatch(e -> !e.source().isBlank()));
        CalendarEntry cultureDay = entries.stream().filter(e -> e.date().equals(LocalDate.of(2026, 11, 24)))
                .findFirst().orElseThrow();
        assertFalse(cultureDay.confirmed());
        assertEquals("Ngày Văn hóa Việt Nam", cultureDay.name());
        List<CalendarEntry> of2027 = entries.stream().filter(e -> e.date().getYear() == 2027).toList();
        assertEquals(List.of(LocalDate.of(2027, 1, 1), LocalDate.of(2027, 4, 30), LocalDate.of(2027, 5, 1),
                LocalDate.of(2027, 9, 2)), of2027.stream().map(CalendarEntry::date).toList());
        assertTrue(of2027.stream().allMatch(CalendarEntry::inferred));
    }

    @Test
    void unknownFieldsAreIgnoredAndOptionalOnesDefault() {
        List<CalendarEntry> entries = HolidayCalendarLoader.read(json("""
                [{"date": "2027-02-05", "kind": "holiday", "name": "Tết", "upstreamId": 17}]"""));
        CalendarEntry entry = entries.get(0);
        assertEquals(LocalDate.of(2027, 2, 5), entry.date());
        assertTrue(entry.confirmed());
        assertFalse(entry.inferred());
        assertEquals("", entry.source());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "not json at all                                                                   | calendar.json",
        "{\"date\": \"2026-01-01\"}                                                        | calendar.notArray",
        "[42]                                                                              | calendar.entry",
        "[{\"date\": \"2026-02-30\", \"kind\": \"holiday\"}]                               | calendar.date",
        "[{\"date\": \"01/01/2026\", \"kind\": \"holiday\"}]                               | calendar.date",
        "[{\"kind\": \"holiday\"}]                                                         | calendar.date",
        "[{\"date\": \"2026-01-01\", \"kind\": \"vacation\"}]                              | calendar.kind",
        "[{\"date\": \"2026-01-01\"}]                                                      | calendar.kind",
        "[{\"date\": \"2026-01-10\", \"isWeekend\": false, \"kind\": \"compensatory-working-day\"}] | calendar.weekday",
        "[{\"date\": \"2026-01-01\", \"weekday\": \"Thứ Sáu\", \"kind\": \"holiday\"}]      | calendar.weekday",
        "[{\"date\": \"2026-01-09\", \"kind\": \"compensatory-working-day\"}]              | calendar.compensatoryOnWeekday",
        "[{\"date\": \"2026-01-03\", \"kind\": \"day-off-swapped\"}]                       | calendar.swapOnWeekend"})
    void badFilesAreRefusedWithAReason(String text, String code) {
        ValidationException e = assertThrows(ValidationException.class, () -> HolidayCalendarLoader.read(json(text)));
        assertEquals(List.of(code), e.violations().stream().map(Violation::code).toList());
    }

    @Test
    void everyBadEntryIsReportedAtOnce() {
        ValidationException e = assertThrows(ValidationException.class, () -> HolidayCalendarLoader.read(json("""
                [{"date": "2026-01-01", "kind": "holiday"},
                 {"date": "2026-01-01", "kind": "holiday"},
                 {"date": "2026-13-01", "kind": "holiday"},
                 {"date": "2026-01-05", "kind": "nghỉ"}]""")));
        assertEquals(List.of("calendar.duplicate", "calendar.date", "calendar.kind"),
                e.violations().stream().map(Violation::code).toList());
        assertEquals("""
                Ngày 01/01/2026 xuất hiện nhiều lần trong lịch ngày nghỉ.
                Mục thứ 3 của lịch ngày nghỉ có ngày không hợp lệ: “2026-13-01” (cần dạng năm-tháng-ngày, ví dụ 2026-01-01).
                Ngày 05/01/2026 có loại “nghỉ” không được hỗ trợ (chỉ nhận holiday, day-off-swapped hoặc compensatory-working-day).""",
                e.messages(VI));
    }

    @Test
    void extraEntriesWinOverTheFile() {
        CalendarEntry tet2027 = CalendarEntry.of(LocalDate.of(2027, 2, 8), DayKind.HOLIDAY, "Tết Đinh Mùi", "test");
        CalendarEntry cultureDayConfirmed = CalendarEntry.of(LocalDate.of(2026, 11, 24), DayKind.HOLIDAY,
                "Ngày Văn hóa Việt Nam", "luật sửa đổi (giả định trong kiểm thử)");
        try (InputStream in = HolidayCalendarLoader.class.getResourceAsStream(HolidayCalendarLoader.SAMPLE_RESOURCE)) {
            WorkingCalendar calendar = HolidayCalendarLoader.load(in, WorkingSessions.standard(),
                    List.of(tet2027, cultureDayConfirmed));
            assertFalse(calendar.isWorkingDay(LocalDate.of(2027, 2, 8)));
            assertFalse(calendar.isWorkingDay(LocalDate.of(2026, 11, 24)));
            assertEquals(43, calendar.entries().size());
        } catch (java.io.IOException e) {
            throw new AssertionError(e);
        }
    }
}
