package org.motcua.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class PortalFormatsTest {

    @Test
    void datesAreVietnamTimeWithoutSeparators() {
        assertEquals("20250531081530", PortalFormats.time("2025-05-31T08:15:30.123+07:00"));
        assertEquals("20250531081530", PortalFormats.time("2025-05-31T01:15:30.000Z"), "a UTC time becomes Vietnam's");
        assertEquals("20250601000000", PortalFormats.time("2025-05-31T17:00:00.000Z"), "and may fall on the next day");
        assertEquals("", PortalFormats.time((String) null));
    }

    @Test
    void onlyTheNationalStatusListPasses() {
        for (int s = 1; s <= 10; s++) {
            assertEquals(s, PortalFormats.status(s));
        }
        assertEquals("Đã trả kết quả", PortalFormats.statusName(10));
        assertThrows(IllegalArgumentException.class, () -> PortalFormats.status(0));
        assertThrows(IllegalArgumentException.class, () -> PortalFormats.status(11));
    }

    @Test
    void backOffDoublesWithJitterUpToItsCap() {
        Backoff low = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.0);
        Backoff high = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30), () -> 0.999999);
        assertEquals(Duration.ofSeconds(1), low.after(1));
        assertEquals(Duration.ofSeconds(8), low.after(4));
        assertEquals(Duration.ofMillis(15_999), high.after(4));
        assertEquals(Duration.ofMinutes(15), low.after(40), "half the cap at the least");
        assertEquals(Duration.ofMillis(1_799_999), high.after(40));
    }
}
