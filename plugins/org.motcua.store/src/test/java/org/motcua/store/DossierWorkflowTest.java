package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.IllegalTransitionException;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.core.validation.ValidationException;

class DossierWorkflowTest {

    private static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);

    @TempDir
    Path dir;

    private Store store;
    private DossierIntake intake;
    private DossierWorkflow workflow;
    private final Procedure fiveDays = StoreFixture.CATALOGUE.latest("1.005461").orElseThrow();

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
        intake = new DossierIntake(store, StoreFixture.DEADLINES);
        workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Dossier received(int n) {
        return intake.receive(StoreFixture.intake(fiveDays, n, MON), Role.RECEIVING_OFFICER, MON);
    }

    private void finish(Dossier d, LocalDateTime at) {
        workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", at.minusHours(1));
        workflow.take(d.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", at);
    }

    @Test
    void aDossierGoesFromReceptionToReturnWithAFullHandoverLog() {
        Dossier d = received(1);
        finish(d, MON.plusDays(2));
        workflow.returnResult(d.id(), ResultReturn.byApplicant(Optional.of(Satisfaction.SATISFIED), ""),
                Role.RECEIVING_OFFICER, "tiepnhan1", MON.plusDays(3));
        List<HandoverRecord> log = store.handovers(d.id());
        assertEquals(List.of(DossierAction.RECEIVE, DossierAction.HAND_OVER_FOR_PROCESSING, DossierAction.MARK_DONE,
                DossierAction.RETURN_RESULT), log.stream().map(HandoverRecord::action).toList());
        assertEquals(List.of(1, 2, 3, 4), log.stream().map(HandoverRecord::step).toList());
        assertEquals(Optional.of(Timeliness.EARLY), log.get(2).timeliness());
        assertEquals(DossierStatus.RETURNED, store.dossier(d.id()).orElseThrow().status());
        assertEquals(Optional.of(MON.plusDays(2)), store.dossier(d.id()).orElseThrow().finishedAt());
        assertEquals(4, store.count("outbox"));
        assertTrue(store.verifyOutbox().intact());
        assertTrue(store.verifyAudit().intact());
    }

    @Test
    void aCommunityAssistantCannotRefuseOrMarkDoneAndNothingChanges() {
        Dossier d = received(1);
        assertThrows(IllegalTransitionException.class, () -> workflow.take(d.id(), DossierAction.REFUSE,
                Role.COMMUNITY_ASSISTANT, "tinhnguyen1", "", "thiếu giấy tờ", MON));
        workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", MON);
        assertThrows(IllegalTransitionException.class, () -> workflow.take(d.id(), DossierAction.MARK_DONE,
                Role.COMMUNITY_ASSISTANT, "tinhnguyen1", "", "", MON));
        assertEquals(DossierStatus.PROCESSING, store.dossier(d.id()).orElseThrow().status());
        assertEquals(2, store.handovers(d.id()).size());
    }

    @Test
    void aRefusalNeedsAReasonAndIllegalTransitionsAreRefused() {
        Dossier d = received(1);
        ValidationException e = assertThrows(ValidationException.class, () -> workflow.take(d.id(), DossierAction.REFUSE,
                Role.RECEIVING_OFFICER, "tiepnhan1", "", "  ", MON));
        assertTrue(e.messages(Locale.forLanguageTag("vi")).startsWith("Cần ghi lý do"), e.messages(Locale.ROOT));
        assertThrows(IllegalTransitionException.class, () -> workflow.returnResult(d.id(),
                ResultReturn.byApplicant(Optional.empty(), ""), Role.RECEIVING_OFFICER, "tiepnhan1", MON));
        assertEquals(1, store.handovers(d.id()).size());
        assertEquals(1, store.count("outbox"));
    }

    @Test
    void anExtensionMovesTheDueDateWithItsReasonAndNeverEarlier() {
        Dossier d = received(1);
        workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", MON);
        HandoverRecord r = workflow.extend(d.id(), ProcessingTime.workingDays(3), Role.PROCESSING_OFFICER, "xuly1",
                "Cần xác minh thêm tại thôn", MON.plusDays(4));
        LocalDateTime newDue = StoreFixture.DEADLINES.extend(d.dueAt(), ProcessingTime.workingDays(3));
        assertEquals(Optional.of(newDue), r.newDueAt());
        assertTrue(newDue.isAfter(d.dueAt()));
        assertEquals(newDue, store.dossier(d.id()).orElseThrow().dueAt());
        assertEquals(DossierStatus.PROCESSING, store.dossier(d.id()).orElseThrow().status());
        assertEquals("Cần xác minh thêm tại thôn", store.handovers(d.id()).get(2).note());
        assertThrows(ValidationException.class, () -> workflow.extend(d.id(), ProcessingTime.workingDays(1),
                Role.PROCESSING_OFFICER, "xuly1", "", MON.plusDays(4)), "an extension needs a reason");
        assertThrows(IllegalTransitionException.class, () -> workflow.extend(d.id(), ProcessingTime.workingDays(1),
                Role.COMMUNITY_ASSISTANT, "tinhnguyen1", "lý do", MON.plusDays(4)));
    }

    @Test
    void onTimeStatisticsFollowTheDueDate() {
        // Five working days from Monday 9 March 08:30: due Monday 16 March 08:30.
        finish(received(1), LocalDateTime.of(2026, 3, 12, 10, 0));   // early
        finish(received(2), LocalDateTime.of(2026, 3, 16, 8, 0));    // on the due day, before the hour: on time
        finish(received(3), LocalDateTime.of(2026, 3, 16, 14, 0));   // after the due instant: late
        received(4);                                                 // not finished: not counted
        OnTimeStatistics stats = new OnTimeStatistics(store);
        List<OnTimeStatistics.Row> byMonth = stats.finishedBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31),
                OnTimeStatistics.By.MONTH);
        assertEquals(List.of(new OnTimeStatistics.Row("2026-03", 1, 1, 1)), byMonth);
        assertEquals(2.0 / 3, byMonth.get(0).inTimeRate(), 1e-9);
        assertEquals(List.of(new OnTimeStatistics.Row("1.005461", 1, 1, 1)),
                stats.finishedBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), OnTimeStatistics.By.PROCEDURE));
        assertEquals(List.of(new OnTimeStatistics.Row("HO_TICH", 1, 1, 1)),
                stats.finishedBetween(LocalDate.of(2026, 3, 1), LocalDate.of(2026, 3, 31), OnTimeStatistics.By.FIELD));
    }

    @Test
    void receivingADossierCollectedInTheFieldStartsItsDeadlineAtTheCentre() {
        IntakeRequest base = StoreFixture.intake(fiveDays, 7, MON);
        IntakeRequest field = new IntakeRequest(base.procedure(), base.applicant(), base.documents(), 1, base.channel(),
                base.delivery(), MON, "tinhnguyen1", Optional.of(new FieldAssistance("Phạm Thị Tình", "Thôn Nà Hang")), "");
        Dossier collected = intake.receive(field, Role.COMMUNITY_ASSISTANT, MON);
        LocalDateTime atCentre = LocalDateTime.of(2026, 3, 11, 14, 0);   // Wednesday afternoon

        HandoverRecord r = workflow.take(collected.id(), DossierAction.RECEIVE, Role.RECEIVING_OFFICER, "tiepnhan1",
                "tiepnhan1", "", atCentre);

        LocalDateTime expected = StoreFixture.DEADLINES.dueAt(atCentre, fiveDays.processingTime(), fiveDays.afternoonCutOff());
        Dossier stored = store.dossier(collected.id()).orElseThrow();
        assertEquals(DossierStatus.RECEIVED, stored.status());
        assertEquals(atCentre, stored.receivedAt());
        assertEquals(expected, stored.dueAt());
        assertTrue(expected.isAfter(collected.dueAt()), "the field days do not eat the processing time");
        assertEquals(Optional.of(expected), r.newDueAt(), "the handover record tells upstream the new due date");
        assertEquals(Optional.of(new FieldAssistance("Phạm Thị Tình", "Thôn Nà Hang")), stored.assistance());
        assertEquals(2, store.count("outbox"));
        assertTrue(store.verifyOutbox().intact());
    }
}
