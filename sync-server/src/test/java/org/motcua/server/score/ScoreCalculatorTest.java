package org.motcua.server.score;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.server.score.CommuneScore.Cost;
import org.motcua.server.score.CommuneScore.Group;
import org.motcua.server.score.CommuneScore.Reason;
import org.motcua.server.score.DossierFacts.SupplementStep;

/**
 * The index's formulas on hand-made dossiers of a commune, December 2026 (1 December is a Tuesday), judged on Sunday 20
 * December at 10:00, Vietnam time.
 */
class ScoreCalculatorTest {

    static final String UNIT = "000.17.22.H56";
    static final Instant AS_OF = at("2026-12-20T10:00");
    static final Period DECEMBER = Period.containing(Period.Kind.MONTH, AS_OF);
    static final Period NOVEMBER = Period.containing(Period.Kind.MONTH, at("2026-11-15T10:00"));
    final ScoreCalculator calculator = new ScoreCalculator(WorkingTime.weekdays());
    int next = 1;

    static Instant at(String local) {
        return LocalDateTime.parse(local).atZone(Period.VIETNAM).toInstant();
    }

    /** A dossier received at the desk with a scan, ended by {@code endAction} at {@code ended} (null: open). */
    DossierFacts dossier(String received, String due, String ended, String endAction, SupplementStep... steps) {
        String code = UNIT + "-" + received.substring(2, 4) + received.substring(5, 7) + received.substring(8, 10) + "-"
                + String.format("%04d", next++);
        return new DossierFacts("id-" + code, code, at(received), at(due), ended == null ? null : at(ended),
                ended == null ? null : endAction, null, List.of(steps), true, true, null);
    }

    static SupplementStep request(String at) {
        return new SupplementStep(true, at(at));
    }

    static SupplementStep supplied(String at) {
        return new SupplementStep(false, at(at));
    }

    CommuneScore score(Period period, DossierFacts... dossiers) {
        return calculator.score(UNIT, period, AS_OF, List.of(dossiers), List.of());
    }

    static List<Reason> reasons(Group g) {
        return g.costs().stream().map(Cost::reason).toList();
    }

    @Test
    void aDossierReturnedEarlyScoresLikeOneOnTime() {
        CommuneScore s = score(DECEMBER, dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-02T10:00", "MARK_DONE"),
                dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-04T17:30", "MARK_DONE"));
        Group onTime = s.group("on-time");
        assertEquals(2, onTime.total());
        assertEquals(2, onTime.counted());
        assertEquals(20.0, onTime.points(), 1e-9);
        assertTrue(onTime.costs().isEmpty());
    }

    @Test
    void theCitizensSupplementTimeIsNotCounted() {
        // Due Thursday 3 December 17:30; asked on Wednesday 08:00, brought on Monday 7 December 08:00: 24 working hours
        // (3 days) of waiting move the index's due time to Tuesday 8 December 17:30.
        DossierFacts paused = dossier("2026-12-01T08:00", "2026-12-03T17:30", "2026-12-08T16:00", "MARK_DONE",
                request("2026-12-02T08:00"), supplied("2026-12-07T08:00"));
        DossierFacts unpaused = dossier("2026-12-01T08:00", "2026-12-03T17:30", "2026-12-08T16:00", "MARK_DONE");
        DossierFacts tooLate = dossier("2026-12-01T08:00", "2026-12-03T17:30", "2026-12-09T07:31", "MARK_DONE",
                request("2026-12-02T08:00"), supplied("2026-12-07T08:00"));
        Group onTime = score(DECEMBER, paused, unpaused, tooLate).group("on-time");
        assertEquals(3, onTime.total());
        assertEquals(1, onTime.counted());
        assertEquals(List.of(unpaused.dossierCode(), tooLate.dossierCode()),
                onTime.costs().stream().map(Cost::dossierCode).toList());
        assertEquals(at("2026-12-03T17:30"), onTime.costs().get(0).dueAt());
        assertEquals(at("2026-12-08T17:30"), onTime.costs().get(1).dueAt(), "the paused dossier's index due time");
        assertEquals(List.of(Reason.ENDED_LATE, Reason.ENDED_LATE), reasons(onTime));
        assertEquals(20.0 / 3, onTime.points(), 1e-9);
    }

    @Test
    void aSecondSupplementRequestMakesTheDossierLateWhenItEnds() {
        DossierFacts twice = dossier("2026-12-01T08:00", "2026-12-11T17:30", "2026-12-04T09:00", "MARK_DONE",
                request("2026-12-01T10:00"), supplied("2026-12-02T08:00"), request("2026-12-02T09:00"),
                supplied("2026-12-03T08:00"));
        DossierFacts once = dossier("2026-12-01T08:00", "2026-12-11T17:30", "2026-12-04T09:00", "MARK_DONE",
                request("2026-12-01T10:00"), supplied("2026-12-02T08:00"));
        Group onTime = score(DECEMBER, twice, once).group("on-time");
        assertEquals(1, onTime.counted());
        assertEquals(List.of(Reason.SECOND_SUPPLEMENT), reasons(onTime));
        assertEquals(twice.dossierCode(), onTime.costs().get(0).dossierCode());
    }

    @Test
    void aSecondRequestStillOpenAlreadyCostsThePoint() {
        DossierFacts open = dossier("2026-12-01T08:00", "2026-12-30T17:30", null, null,
                request("2026-12-01T10:00"), supplied("2026-12-02T08:00"), request("2026-12-10T09:00"));
        Group onTime = score(DECEMBER, open).group("on-time");
        assertEquals(List.of(Reason.SECOND_SUPPLEMENT), reasons(onTime));
        assertNull(onTime.costs().get(0).endedAt());
    }

    @Test
    void aDossierOpenAtThePeriodsEndIsJudgedThen() {
        // November is over on 1 December 00:00: one open dossier was past due by then, one was not yet due.
        DossierFacts overdue = dossier("2026-11-23T08:00", "2026-11-27T17:30", null, null);
        DossierFacts inTime = dossier("2026-11-26T08:00", "2026-12-03T17:30", null, null);
        // Ended in December, after its due time in November: at November's end it was open and late.
        DossierFacts endedAfter = dossier("2026-11-23T08:00", "2026-11-26T17:30", "2026-12-02T08:00", "MARK_DONE");
        Group november = score(NOVEMBER, overdue, inTime, endedAfter).group("on-time");
        assertEquals(3, november.total());
        assertEquals(1, november.counted());
        assertEquals(List.of(Reason.OPEN_LATE, Reason.OPEN_LATE), reasons(november));
        assertTrue(november.costs().stream().allMatch(c -> c.endedAt() == null));
        // In December the three are judged again: the one ended on 2 December ended late; the other two are open.
        CommuneScore december = score(DECEMBER, overdue, inTime, endedAfter);
        assertEquals(List.of(Reason.OPEN_LATE, Reason.OPEN_LATE, Reason.ENDED_LATE), reasons(december.group("on-time")));
    }

    @Test
    void anOpenDossierDueBeforeThePeriodClosesIsListedWithoutCostingYet() {
        DossierFacts dueSoon = dossier("2026-12-15T08:00", "2026-12-22T17:30", null, null);
        DossierFacts dueNextMonth = dossier("2026-12-18T08:00", "2027-01-05T17:30", null, null);
        CommuneScore s = score(DECEMBER, dueSoon, dueNextMonth);
        assertEquals(20.0, s.group("on-time").points(), 1e-9);
        assertEquals(1, s.dueSoonCount());
        assertEquals(dueSoon.dossierCode(), s.dueSoon().get(0).dossierCode());
        assertEquals(Reason.DUE_BEFORE_PERIOD_END, s.dueSoon().get(0).reason());
        // Paused for a supplement, the same dossier's due time moves with the waiting, still running when judged.
        DossierFacts waiting = dossier("2026-12-15T08:00", "2026-12-17T17:30", null, null, request("2026-12-16T07:30"));
        CommuneScore w = score(DECEMBER, waiting);
        assertTrue(w.group("on-time").costs().isEmpty(), "waiting for the citizen is not late");
    }

    @Test
    void aRefusalCountsAsEndedOnItsDay() {
        DossierFacts refused = dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-01T09:00", "REFUSE");
        DossierFacts refusedLate = dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-07T09:00", "REFUSE");
        DossierFacts withdrawn = dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-02T09:00", "WITHDRAW");
        CommuneScore s = score(DECEMBER, refused, refusedLate, withdrawn);
        Group onTime = s.group("on-time");
        assertEquals(3, onTime.total());
        assertEquals(2, onTime.counted());
        assertEquals(List.of(Reason.ENDED_LATE), reasons(onTime));
        assertEquals(refusedLate.dossierCode(), onTime.costs().get(0).dossierCode());
        assertEquals(at("2026-12-07T09:00"), onTime.costs().get(0).endedAt());
        assertEquals(0, s.group("digitised-results").total(), "a refusal has no result to digitise");
        assertEquals(0, s.dueSoonCount());
    }

    @Test
    void aDossierEndedBeforeThePeriodDoesNotCount() {
        DossierFacts november = dossier("2026-11-20T08:00", "2026-11-25T17:30", "2026-11-30T17:00", "MARK_DONE");
        assertEquals(0, score(DECEMBER, november).group("on-time").total());
        assertEquals(1, score(NOVEMBER, november).group("on-time").total());
        assertEquals(List.of(Reason.ENDED_LATE), reasons(score(NOVEMBER, november).group("on-time")));
    }

    @Test
    void theDesksOwnJudgementOfAnEndingIsUsed() {
        // The desk knew a holiday the server's week does not: it judged against Friday 17:30.
        DossierFacts d = new DossierFacts("id-x", UNIT + "-261201-0001", at("2026-12-01T08:00"), at("2026-12-03T17:30"),
                at("2026-12-04T16:00"), "MARK_DONE", at("2026-12-04T17:30"), List.of(), true, true, null);
        assertEquals(1, score(DECEMBER, d).group("on-time").counted());
    }

    @Test
    void lateDossiersAndUnhappyCitizensCostSatisfactionFromNinetyPercentDown() {
        List<DossierFacts> ten = new ArrayList<>();
        for (int i = 0; i < 9; i++) {
            ten.add(dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-02T10:00", "MARK_DONE"));
        }
        ten.add(dossier("2026-12-01T08:00", "2026-12-02T17:30", "2026-12-03T10:00", "MARK_DONE"));
        CommuneScore ninety = calculator.score(UNIT, DECEMBER, AS_OF, ten, List.of());
        assertEquals(18.0, ninety.group("satisfaction").points(), 1e-9, "90 % gives full marks");
        assertEquals(18.0, ninety.group("on-time").points(), 1e-9);

        DossierFacts rated = ten.get(0);
        ten.set(0, new DossierFacts(rated.dossierId(), rated.dossierCode(), rated.receivedAt(), rated.receiptDueAt(),
                rated.endedAt(), rated.endAction(), null, List.of(), true, true, at("2026-12-03T08:00")));
        // A dossier of October rated in December counts with December's dossiers.
        ten.add(new DossierFacts("id-oct", UNIT + "-261001-0001", at("2026-10-01T08:00"), at("2026-10-05T17:30"),
                at("2026-10-02T08:00"), "MARK_DONE", null, List.of(), true, true, at("2026-12-05T08:00")));
        CommuneScore eighty = calculator.score(UNIT, DECEMBER, AS_OF, ten, List.of());
        Group satisfaction = eighty.group("satisfaction");
        assertEquals(11, satisfaction.total());
        assertEquals(3, satisfaction.costCount());
        assertEquals(List.of(Reason.ENDED_LATE, Reason.NOT_SATISFIED, Reason.NOT_SATISFIED), reasons(satisfaction));
        assertEquals(18.0 * (8.0 / 11) / 0.9, satisfaction.points(), 1e-9);
        // A rating given in November is not December's.
        assertEquals(0, calculator.score(UNIT, NOVEMBER, AS_OF, ten, List.of()).group("satisfaction").total(),
                "November holds none of these dossiers, and the October dossier's rating is December's");
    }

    @Test
    void digitisationCountsScansAtReceptionAndResultFilesAtTheEnd() {
        DossierFacts scanned = dossier("2026-12-01T08:00", "2026-12-04T17:30", "2026-12-02T10:00", "MARK_DONE");
        DossierFacts paper = new DossierFacts("id-p", UNIT + "-261201-0100", at("2026-12-01T08:00"), at("2026-12-04T17:30"),
                at("2026-12-02T10:00"), "MARK_DONE", null, List.of(), false, false, null);
        CommuneScore s = score(DECEMBER, scanned, paper);
        assertEquals(4.0, s.group("digitised-documents").points(), 1e-9);
        assertEquals(List.of(Reason.NO_DIGITISED_DOCUMENTS), reasons(s.group("digitised-documents")));
        assertEquals(4.0, s.group("digitised-results").points(), 1e-9);
        assertEquals(List.of(Reason.NO_DIGITISED_RESULT), reasons(s.group("digitised-results")));
    }

    @Test
    void aHoleInADesksDailyNumbersIsADossierNotSynced() {
        List<String> codes = List.of(UNIT + "-261201-0001", UNIT + "-261201-0002", UNIT + "-261201-0004",
                UNIT + "-261201-1001", UNIT + "-261201-9005", UNIT + "-261130-0003");
        Group synced = calculator.score(UNIT, DECEMBER, AS_OF, List.of(), codes).group("synced");
        assertEquals(6, synced.total(), "five held in December and one missing; November's code is not December's");
        assertEquals(5, synced.counted());
        assertEquals(List.of(UNIT + "-261201-0003"), synced.costs().stream().map(Cost::dossierCode).toList());
        assertEquals(5.0, synced.points(), 1e-9);
    }

    @Test
    void theEstimatedAndPortalGroupsAddUpToOneHundred() {
        CommuneScore s = score(DECEMBER);
        assertEquals(60.0, s.estimatedMax(), 1e-9);
        assertEquals(60.0, s.estimatedPoints(), 1e-9, "no dossier, nothing lost");
        assertEquals(100.0, s.groups().stream().mapToDouble(Group::maxPoints).sum(), 1e-9);
        assertFalse(s.group("online-payment").estimated());
        assertEquals(0.0, s.group("online-payment").points());
    }

    @Test
    void aLongListIsCutButCountedWhole() {
        List<DossierFacts> late = new ArrayList<>();
        for (int i = 0; i < ScoreCalculator.MAX_COSTS_LISTED + 50; i++) {
            late.add(dossier("2026-12-01T08:00", "2026-12-02T17:30", "2026-12-03T10:00", "MARK_DONE"));
        }
        Group onTime = calculator.score(UNIT, DECEMBER, AS_OF, late, List.of()).group("on-time");
        assertEquals(ScoreCalculator.MAX_COSTS_LISTED, onTime.costs().size());
        assertEquals(ScoreCalculator.MAX_COSTS_LISTED + 50, onTime.costCount());
        assertEquals(0.0, onTime.points(), 1e-9);
    }

    @Test
    void periodsFollowVietnamsCalendar() {
        Period q = Period.containing(Period.Kind.QUARTER, at("2026-12-31T23:59"));
        assertEquals(at("2026-10-01T00:00"), q.start());
        assertEquals(at("2027-01-01T00:00"), q.end());
        assertEquals(at("2026-01-01T00:00"), Period.containing(Period.Kind.YEAR, AS_OF).start());
        assertEquals(q.end(), q.judgedAt(at("2027-02-01T00:00")));
    }
}
