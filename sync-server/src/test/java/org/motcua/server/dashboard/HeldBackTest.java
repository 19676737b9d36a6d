package org.motcua.server.dashboard;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class HeldBackTest {

    private static final Instant SYNC = Instant.parse("2025-06-10T03:00:00Z");

    @Test
    void thePaceOfTheEpochTimesTheSilence() {
        // 100 events in 10 days, silent for 3 days: about 30 held back.
        assertEquals(30L, HeldBack.estimate(100L, SYNC.minus(Duration.ofDays(10)), SYNC, SYNC.plus(Duration.ofDays(3))));
    }

    @Test
    void aDeviceInTouchHoldsNothingBack() {
        assertEquals(0L, HeldBack.estimate(100L, SYNC.minus(Duration.ofDays(10)), SYNC, SYNC.plus(HeldBack.IN_TOUCH)));
    }

    @Test
    void aFreshEpochCountsAsADay() {
        assertEquals(12L, HeldBack.estimate(6L, SYNC.minus(Duration.ofMinutes(5)), SYNC, SYNC.plus(Duration.ofDays(2))));
    }

    @Test
    void aDeviceThatNeverSyncedHasNoEstimate() {
        assertNull(HeldBack.estimate(null, null, null, SYNC));
        assertNull(HeldBack.estimate(5L, SYNC, null, SYNC));
    }
}
