package org.motcua.core.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.WorkingCalendar;
import org.motcua.core.calendar.WorkingSessions;
import org.motcua.core.dossier.HandoverRecord;

/**
 * The index's on-time rule on hand-made logs, in a plain week (Monday 9 to Friday 13 March 2026, no holiday,
 * 07:30–11:30 and 13:30–17:30): the receipt's date counts, not an apology's; supplement waiting is not counted; a
 * second supplement request is late.
 */
class IndexTimelinessTest {

    private static final DeadlineCalculator DEADLINES = new DeadlineCalculator(
            WorkingCalendar.of(WorkingSessions.standard(), List.of()));
    private static final UUID ID = UUID.randomUUID();
    /** The receipt promised Wednesday 11 March, 17:30. */
    private static final LocalDateTime DUE = LocalDateTime.of(2026, 3, 11, 17, 30);

    private final List<HandoverRecord> log = new ArrayList<>();

    private void step(DossierAction action, LocalDateTime at) {
        log.add(new HandoverRecord(ID, log.size() + 1, action, DossierStatus.PROCESSING, "a", "b", at, Optional.empty(),
                Optional.empty(), Optional.empty(), ""));
    }

    @Test
    void finishedByTheReceiptsDateIsOnTimeAndAfterItLateWhateverAnApologySaid() {
        step(DossierAction.RECEIVE, LocalDateTime.of(2026, 3, 9, 8, 0));
        step(DossierAction.EXTEND_DEADLINE, LocalDateTime.of(2026, 3, 11, 9, 0));   // a new date on form 04
        assertEquals(Timeliness.ON_TIME, IndexTimeliness.judge(DUE, DUE.minusHours(1), log, DEADLINES).timeliness());
        assertEquals(Timeliness.EARLY, IndexTimeliness.judge(DUE, DUE.minusDays(1), log, DEADLINES).timeliness());
        assertEquals(Timeliness.LATE, IndexTimeliness.judge(DUE, DUE.plusDays(1), log, DEADLINES).timeliness(),
                "the apology earns nothing back");
    }

    @Test
    void theCitizensTimeForASupplementIsNotCounted() {
        step(DossierAction.RECEIVE, LocalDateTime.of(2026, 3, 9, 8, 0));
        // asked Monday 15:30, brought back Tuesday 15:30: 8 working hours waiting
        step(DossierAction.REQUEST_SUPPLEMENT, LocalDateTime.of(2026, 3, 9, 15, 30));
        step(DossierAction.SUPPLEMENT_RECEIVED, LocalDateTime.of(2026, 3, 10, 15, 30));
        LocalDateTime thursdayNoon = LocalDateTime.of(2026, 3, 12, 11, 0);
        IndexTimeliness.Judgement j = IndexTimeliness.judge(DUE, thursdayNoon, log, DEADLINES);
        assertEquals(LocalDateTime.of(2026, 3, 12, 17, 30), j.indexDue(), "the due date moves by the day waited");
        assertEquals(Timeliness.ON_TIME, j.timeliness(), "a day after the receipt's date, yet on time");
        assertEquals(Timeliness.LATE, IndexTimeliness.judge(DUE, LocalDateTime.of(2026, 3, 13, 8, 0), log, DEADLINES)
                .timeliness());
    }

    @Test
    void aSecondSupplementRequestIsLateEvenWhenFinishedEarly() {
        step(DossierAction.RECEIVE, LocalDateTime.of(2026, 3, 9, 8, 0));
        assertFalse(IndexTimeliness.secondSupplementRequest(log));
        step(DossierAction.REQUEST_SUPPLEMENT, LocalDateTime.of(2026, 3, 9, 9, 0));
        step(DossierAction.SUPPLEMENT_RECEIVED, LocalDateTime.of(2026, 3, 9, 10, 0));
        assertTrue(IndexTimeliness.secondSupplementRequest(log), "the desk warns before this one");
        step(DossierAction.REQUEST_SUPPLEMENT, LocalDateTime.of(2026, 3, 9, 14, 0));
        step(DossierAction.SUPPLEMENT_RECEIVED, LocalDateTime.of(2026, 3, 9, 15, 0));
        IndexTimeliness.Judgement j = IndexTimeliness.judge(DUE, LocalDateTime.of(2026, 3, 10, 9, 0), log, DEADLINES);
        assertEquals(2, j.supplementRequests());
        assertEquals(Timeliness.LATE, j.timeliness());
    }

    @Test
    void aWithdrawalWhileWaitingForTheCitizenEndsTheDossierWithoutCountingTheWait() {
        step(DossierAction.RECEIVE, LocalDateTime.of(2026, 3, 9, 8, 0));
        step(DossierAction.REQUEST_SUPPLEMENT, LocalDateTime.of(2026, 3, 10, 8, 0));
        LocalDateTime withdrawn = LocalDateTime.of(2026, 3, 16, 8, 0);   // next Monday, after the receipt's date
        IndexTimeliness.Judgement j = IndexTimeliness.judge(DUE, withdrawn, log, DEADLINES);
        // 32 working hours waited (Tuesday 08:00 to Monday 08:00) move the date to Tuesday 17 March
        assertEquals(LocalDateTime.of(2026, 3, 17, 17, 30), j.indexDue());
        assertEquals(Timeliness.EARLY, j.timeliness());
        assertTrue(IndexTimeliness.ENDING.contains(DossierAction.WITHDRAW));
    }
}
