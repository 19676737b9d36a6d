package org.motcua.protocol.codec;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.regex.Pattern;

/**
 * The value formats of §3.2 other than hashes and b64u: uuid, time and date. Parsers accept exactly the contract's
 * syntax (lowercase uuids; RFC 3339 date-times with an explicit offset and 0–9 fraction digits).
 */
public final class WireFormats {

    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private WireFormats() {
    }

    /** Same as matching {@code [0-9a-f]{8}-…-[0-9a-f]{12}}, by hand: it runs for every id of every event. */
    public static boolean isUuid(String text) {
        if (text == null || text.length() != 36) {
            return false;
        }
        for (int i = 0; i < 36; i++) {
            char c = text.charAt(i);
            boolean dash = i == 8 || i == 13 || i == 18 || i == 23;
            if (dash ? c != '-' : !((c >= '0' && c <= '9') || (c >= 'a' && c <= 'f'))) {
                return false;
            }
        }
        return true;
    }

    public static boolean isTime(String text) {
        return parseOrNull(text) != null;
    }

    /**
     * The time, or null when {@code text} is not the contract's RFC 3339 form. Accepts exactly what the pattern plus
     * {@code OffsetDateTime.parse} accept, without their cost (this runs several times for every event of a batch).
     */
    private static OffsetDateTime parseOrNull(String t) {
        if (t == null || t.length() < 20 || t.length() > 35 || !TIME.matcher(t).matches()) {
            return null;
        }
        try {
            int n = t.length();
            int fractionEnd = 19;
            int nanos = 0;
            if (t.charAt(19) == '.') {
                fractionEnd = 20;
                while (fractionEnd < n && Character.isDigit(t.charAt(fractionEnd))) {
                    fractionEnd++;
                }
                String digits = t.substring(20, fractionEnd);
                nanos = Integer.parseInt(digits) * POWERS[9 - digits.length()];
            }
            ZoneOffset offset = t.charAt(fractionEnd) == 'Z' ? ZoneOffset.UTC
                    : ZoneOffset.ofHoursMinutes((t.charAt(fractionEnd) == '-' ? -1 : 1) * num(t, fractionEnd + 1),
                            (t.charAt(fractionEnd) == '-' ? -1 : 1) * num(t, fractionEnd + 4));
            return OffsetDateTime.of(Integer.parseInt(t.substring(0, 4)), num(t, 5), num(t, 8), num(t, 11), num(t, 14), num(t, 17),
                    nanos, offset);
        } catch (java.time.DateTimeException | NumberFormatException e) {
            return null;
        }
    }

    private static final int[] POWERS = {1, 10, 100, 1_000, 10_000, 100_000, 1_000_000, 10_000_000, 100_000_000};

    private static int num(String t, int at) {
        return (t.charAt(at) - '0') * 10 + (t.charAt(at + 1) - '0');
    }

    public static boolean isDate(String text) {
        if (text == null || !DATE.matcher(text).matches()) {
            return false;
        }
        try {
            LocalDate.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
    }

    public static OffsetDateTime parseTime(String text) {
        OffsetDateTime t = parseOrNull(text);
        if (t == null) {
            throw new IllegalArgumentException("not an RFC 3339 time with offset: " + text);
        }
        return t;
    }

    /** The server's form: UTC, {@code Z}, milliseconds (§3.2). */
    public static String serverTime(java.time.Instant instant) {
        return SERVER_TIME.format(instant.truncatedTo(ChronoUnit.MILLIS).atOffset(ZoneOffset.UTC));
    }

    /** A time with its offset and milliseconds, e.g. {@code 2025-05-31T08:15:30.123+07:00}. */
    public static String time(OffsetDateTime t) {
        return DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSXXX").format(t.truncatedTo(ChronoUnit.MILLIS));
    }
}
