package org.motcua.core.calendar;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * Reads the holiday calendar in the JSON format of {@code holidays-vn.json}: an array of
 * {@code {date, weekday, isWeekend, kind, name, source, inferred?, confirmed?, note?}}.
 *
 * <p>The calendar is data distributed from upstream, never code, so the loader takes any
 * {@link InputStream} and accepts extra entries (a province's own days, a late notice). Unknown fields
 * are ignored, so upstream may add some. The redundant {@code weekday} and {@code isWeekend} fields are
 * checked against the date because a wrong year or a typo in a date shows up there first.
 *
 * <p>A bundled sample ({@link #SAMPLE_RESOURCE}) covers 2025–2026 and the fixed dates of 2027; it is
 * development data, not an official calendar (see the README beside it).
 */
public final class HolidayCalendarLoader {

    /** Classpath location of the bundled sample calendar. */
    public static final String SAMPLE_RESOURCE = "/org/motcua/core/calendar/sample/holidays-vn.json";

    private static final String FIELD = "calendar";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** Weekday names as the data writes them. */
    private static final Map<String, DayOfWeek> WEEKDAY_NAMES = Map.of(
            "thứ hai", DayOfWeek.MONDAY, "thứ ba", DayOfWeek.TUESDAY, "thứ tư", DayOfWeek.WEDNESDAY,
            "thứ năm", DayOfWeek.THURSDAY, "thứ sáu", DayOfWeek.FRIDAY, "thứ bảy", DayOfWeek.SATURDAY,
            "chủ nhật", DayOfWeek.SUNDAY);

    private HolidayCalendarLoader() {
    }

    /**
     * Reads every entry of a calendar file, in file order. The stream is not closed.
     *
     * @throws ValidationException listing every bad entry when the file cannot be trusted
     * @throws UncheckedIOException when the stream cannot be read
     */
    public static List<CalendarEntry> read(InputStream in) {
        JsonNode root;
        try {
            root = JSON.readTree(in);
        } catch (JsonProcessingException e) {
            throw new ValidationException(Violation.of(FIELD, "calendar.json", e.getOriginalMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (root == null || !root.isArray()) {
            throw new ValidationException(Violation.of(FIELD, "calendar.notArray"));
        }
        List<Violation> violations = new ArrayList<>();
        List<CalendarEntry> entries = new ArrayList<>();
        Set<LocalDate> seen = new HashSet<>();
        int index = 0;
        for (JsonNode node : root) {
            index++;
            readEntry(node, index, violations).ifPresent(entry -> {
                if (!seen.add(entry.date())) {
                    violations.add(Violation.of(FIELD, "calendar.duplicate", shown(entry.date())));
                }
                entries.add(entry);
            });
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return List.copyOf(entries);
    }

    /**
     * A working calendar from a calendar file plus {@code extra} entries; an extra entry replaces the
     * file's entry for the same date.
     */
    public static WorkingCalendar load(InputStream in, WorkingSessions sessions, Collection<CalendarEntry> extra) {
        return WorkingCalendar.of(sessions, read(in)).withEntries(extra);
    }

    /** The entries of the bundled sample calendar (2025–2026, fixed dates of 2027). */
    public static List<CalendarEntry> readSample() {
        try (InputStream in = HolidayCalendarLoader.class.getResourceAsStream(SAMPLE_RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("sample calendar missing from the bundle: " + SAMPLE_RESOURCE);
            }
            return read(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A working calendar of {@code sessions} with the bundled sample holidays; for development and tests. */
    public static WorkingCalendar sampleCalendar(WorkingSessions sessions) {
        return WorkingCalendar.of(sessions, readSample());
    }

    private static Optional<CalendarEntry> readEntry(JsonNode node, int index, List<Violation> violations) {
        if (!node.isObject()) {
            violations.add(Violation.of(FIELD, "calendar.entry", index));
            return Optional.empty();
        }
        String rawDate = node.path("date").asText("");
        LocalDate date;
        try {
            date = LocalDate.parse(rawDate);
        } catch (DateTimeParseException e) {
            violations.add(Violation.of(FIELD, "calendar.date", index, rawDate));
            return Optional.empty();
        }
        String rawKind = node.path("kind").asText("");
        Optional<DayKind> kind = DayKind.fromWireName(rawKind);
        if (kind.isEmpty()) {
            violations.add(Violation.of(FIELD, "calendar.kind", shown(date), rawKind));
            return Optional.empty();
        }
        int before = violations.size();
        checkWeekday(node, date, violations);
        checkKindFitsWeekday(kind.get(), date, violations);
        if (violations.size() > before) {
            return Optional.empty();
        }
        return Optional.of(new CalendarEntry(date, kind.get(), node.path("name").asText(""),
                node.path("source").asText(""), node.path("inferred").asBoolean(false),
                node.path("confirmed").asBoolean(true)));
    }

    private static void checkWeekday(JsonNode node, LocalDate date, List<Violation> violations) {
        boolean weekend = WorkingCalendar.isWeekend(date);
        JsonNode isWeekend = node.get("isWeekend");
        if (isWeekend != null && isWeekend.isBoolean() && isWeekend.booleanValue() != weekend) {
            violations.add(Violation.of(FIELD, "calendar.weekday", shown(date)));
            return;
        }
        JsonNode weekday = node.get("weekday");
        if (weekday != null && weekday.isTextual()) {
            DayOfWeek named = WEEKDAY_NAMES.get(
                    Normalizer.normalize(weekday.asText().strip(), Normalizer.Form.NFC).toLowerCase(Locale.ROOT));
            if (named != null && named != date.getDayOfWeek()) {
                violations.add(Violation.of(FIELD, "calendar.weekday", shown(date)));
            }
        }
    }

    /** A notice never makes a weekday a làm bù day nor swaps away a weekend day: such data is a mistake. */
    private static void checkKindFitsWeekday(DayKind kind, LocalDate date, List<Violation> violations) {
        boolean weekend = WorkingCalendar.isWeekend(date);
        if (kind == DayKind.COMPENSATORY_WORKING_DAY && !weekend) {
            violations.add(Violation.of(FIELD, "calendar.compensatoryOnWeekday", shown(date)));
        } else if (kind == DayKind.DAY_OFF_SWAPPED && weekend) {
            violations.add(Violation.of(FIELD, "calendar.swapOnWeekend", shown(date)));
        }
    }

    private static String shown(LocalDate date) {
        return date.format(SHOWN);
    }
}
