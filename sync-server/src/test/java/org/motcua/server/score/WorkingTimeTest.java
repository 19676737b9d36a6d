package org.motcua.server.score;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Working time as deadlines count it: sessions, lunch, weekends, the calendar's days off and compensatory days. */
class WorkingTimeTest {

    static java.time.Instant at(String local) {
        return ScoreCalculatorTest.at(local);
    }

    final WorkingTime week = WorkingTime.weekdays();
    /** 2 September 2025 (Tuesday) and the day before are days off; Saturday 30 August is worked instead. */
    final WorkingTime national = new WorkingTime(Set.of(LocalDate.parse("2025-09-01"), LocalDate.parse("2025-09-02")),
            Set.of(LocalDate.parse("2025-08-30")));

    @Test
    void onlySessionsCount() {
        assertEquals(Duration.ofHours(1), week.between(at("2025-06-02T11:00"), at("2025-06-02T14:00")), "lunch is not counted");
        assertEquals(Duration.ofHours(2), week.between(at("2025-06-06T16:00"), at("2025-06-09T08:00")), "nor the weekend");
        assertEquals(Duration.ZERO, week.between(at("2025-06-09T08:00"), at("2025-06-06T16:00")));
        assertEquals(Duration.ofHours(40), week.between(at("2025-06-02T00:00"), at("2025-06-09T00:00")));
    }

    @Test
    void aDueTimeMovesByWorkingTime() {
        assertEquals(at("2025-06-09T09:00"), week.plus(at("2025-06-06T17:00"), Duration.ofHours(2)), "half an hour on Friday");
        assertEquals(at("2025-06-03T11:30"), week.plus(at("2025-06-02T17:30"), Duration.ofHours(4)),
                "a whole morning ends at the session's end, not at the next start");
        assertEquals(at("2025-06-06T17:30"), week.plus(at("2025-06-04T17:30"), Duration.ofHours(16)));
        assertEquals(at("2025-06-02T12:00"), week.plus(at("2025-06-02T12:00"), Duration.ZERO), "no pause, no move");
    }

    @Test
    void theCalendarsDaysOffAndCompensatoryDaysCount() {
        assertEquals(Duration.ofHours(8), national.between(at("2025-08-29T17:30"), at("2025-09-03T07:30")), "only Saturday's work");
        assertEquals(Duration.ZERO, week.between(at("2025-08-30T07:30"), at("2025-08-31T17:30")));
        assertEquals(at("2025-09-03T09:30"), national.plus(at("2025-08-29T17:30"), Duration.ofHours(10)));
    }
}
