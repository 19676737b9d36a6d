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

    private static final Pattern UUID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
    private static final Pattern TIME = Pattern.compile(
            "\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");
    private static final Pattern DATE = Pattern.compile("\\d{4}-\\d{2}-\\d{2}");
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private WireFormats() {
    }

    public static boolean isUuid(String text) {
        return text != null && UUID.matcher(text).matches();
    }

    public static boolean isTime(String text) {
        if (text == null || !TIME.matcher(text).matches()) {
            return false;
        }
        try {
            OffsetDateTime.parse(text);
            return true;
        } catch (DateTimeParseException e) {
            return false;
        }
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
        if (!isTime(text)) {
            throw new IllegalArgumentException("not an RFC 3339 time with offset: " + text);
        }
        return OffsetDateTime.parse(text);
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
