package org.motcua.protocol.codec;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The hand-written time, uuid and hash checks accept exactly what the patterns and {@code OffsetDateTime.parse} accept. */
class TimeFormatTest {

    private static final Pattern TIME = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}(\\.\\d{1,9})?(Z|[+-]\\d{2}:\\d{2})");

    private static OffsetDateTime reference(String s) {
        if (!TIME.matcher(s).matches()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(s);
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    @Test
    void timesAgreeWithTheJdkParser() {
        List<String> samples = List.of("2025-05-31T08:15:30.123+07:00", "2025-05-31T08:15:30Z", "2025-05-31T08:15:30.1Z",
                "2025-05-31T08:15:30.123456789-03:30", "2024-02-29T00:00:00Z", "2025-02-29T00:00:00Z", "2025-04-31T00:00:00Z",
                "2025-05-31T24:00:00Z", "2025-05-31T23:59:60Z", "2025-13-01T00:00:00Z", "2025-00-10T00:00:00Z",
                "2025-05-31T08:15:30+18:00", "2025-05-31T08:15:30+18:01", "2025-05-31T08:15:30-18:00", "2025-05-31T08:15:30+05:60",
                "2025-05-31T08:15:30-00:00", "2025-05-31T08:15:30.1234567890Z", "2025-05-31T08:15:30.Z", "2025-05-31 08:15:30Z",
                "2025-05-31T08:15:30", "2025-05-31T08:15:30z", "0000-01-01T00:00:00Z", "9999-12-31T23:59:59.999999999+14:00", "");
        for (String s : samples) {
            OffsetDateTime expected = reference(s);
            assertEquals(expected != null, WireFormats.isTime(s), s);
            if (expected != null) {
                assertEquals(expected, WireFormats.parseTime(s), s);
            }
        }
    }

    @Test
    void uuidsAndHashesAgreeWithTheirPatterns() {
        Pattern uuid = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");
        for (String s : List.of("3f1c9a52-7d4e-4b8a-9c61-0e2f5b7d8a14", "3F1C9A52-7d4e-4b8a-9c61-0e2f5b7d8a14",
                "3f1c9a527d4e-4b8a-9c61-0e2f5b7d8a14-", "3f1c9a52-7d4e-4b8a-9c61-0e2f5b7d8a1", "3f1c9a52-7d4e-4b8a-9c61-0e2f5b7d8a1g", "")) {
            assertEquals(uuid.matcher(s).matches(), WireFormats.isUuid(s), s);
        }
        Pattern hash = Pattern.compile("[0-9a-f]{64}");
        String h = "3ff86b26ed9c581f6689573a9c5296383009b8dcbf42554e851fc7de2e5b5b5f";
        for (String s : List.of(h, h.toUpperCase(), h.substring(1), h + "0", h.replace('f', 'g'), "")) {
            assertEquals(hash.matcher(s).matches(), Sha256.isHash(s), s);
        }
    }
}
