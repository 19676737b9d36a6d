package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.lifecycle.Timeliness;

/**
 * The on-time figures follow the service-quality index: an apology's new date earns nothing back, a second supplement
 * request is late however early the result, a withdrawal ends a dossier and counts, and the report counts the
 * ratings of returned results. Five working days from Monday 9 March 2026 08:30: the receipt says Monday 16 March.
 */
class IndexOnTimeTest {

    private static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);

    @TempDir
    Path dir;
    private Store store;
    private DossierWorkflow workflow;
    private DossierIntake intake;
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

    private UUID received(int n) {
        return intake.receive(StoreFixture.intake(fiveDays, n, MON), Role.RECEIVING_OFFICER, MON).id();
    }

    private void handOver(UUID id, LocalDateTime at) {
        workflow.take(id, DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", at);
    }

    private HandoverRecord done(UUID id, LocalDateTime at) {
        return workflow.take(id, DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", at);
    }

    private void supplement(UUID id, LocalDateTime asked, LocalDateTime brought) {
        workflow.take(id, DossierAction.REQUEST_SUPPLEMENT, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1",
                "Thiếu bản sao giấy khai sinh", asked);
        workflow.take(id, DossierAction.SUPPLEMENT_RECEIVED, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", brought);
        handOver(id, brought.plusMinutes(5));
    }

    @Test
    void theReportCountsAsTheIndexDoes() {
        LocalDateTime receiptDue = LocalDateTime.of(2026, 3, 16, 8, 30);

        UUID apologised = received(1);
        handOver(apologised, MON.plusHours(1));
        workflow.extend(apologised, ProcessingTime.workingDays(2), Role.PROCESSING_OFFICER, "xuly1",
                "Cần xác minh thêm", LocalDateTime.of(2026, 3, 13, 9, 0));
        assertEquals(receiptDue, workflow.receiptDue(apologised), "the receipt's date is kept for form 04 and the index");
        HandoverRecord late = done(apologised, LocalDateTime.of(2026, 3, 17, 9, 0));   // before the new date
        assertEquals(Optional.of(Timeliness.LATE), late.timeliness(), "the apology earns nothing back");

        UUID askedTwice = received(2);
        handOver(askedTwice, MON.plusHours(1));
        supplement(askedTwice, MON.plusHours(2), MON.plusHours(3));
        supplement(askedTwice, MON.plusHours(5), MON.plusHours(6));
        assertEquals(Optional.of(Timeliness.LATE), done(askedTwice, LocalDateTime.of(2026, 3, 10, 9, 0)).timeliness(),
                "a second supplement request is late");

        UUID waitedOnce = received(3);
        handOver(waitedOnce, MON.plusHours(1));
        // asked Tuesday 08:00, brought back Thursday 08:00: two working days not counted, so Wednesday 18 is in time
        supplement(waitedOnce, LocalDateTime.of(2026, 3, 10, 8, 0), LocalDateTime.of(2026, 3, 12, 8, 0));
        HandoverRecord inTime = done(waitedOnce, LocalDateTime.of(2026, 3, 17, 16, 0));
        assertEquals(Optional.of(Timeliness.EARLY), inTime.timeliness(), inTime.toString());

        UUID withdrawn = received(4);
        workflow.take(withdrawn, DossierAction.WITHDRAW, Role.RECEIVING_OFFICER, "tiepnhan1", "", "Công dân rút hồ sơ",
                LocalDateTime.of(2026, 3, 11, 9, 0));

        UUID returned = received(5);
        handOver(returned, MON.plusHours(1));
        done(returned, LocalDateTime.of(2026, 3, 12, 9, 0));
        workflow.returnResult(returned, ResultReturn.byApplicant(Optional.of(Satisfaction.SATISFIED), ""),
                Role.RECEIVING_OFFICER, "tiepnhan1", LocalDateTime.of(2026, 3, 12, 10, 0));

        received(6);   // still in processing: not counted

        List<OnTimeStatistics.Row> rows = new OnTimeStatistics(store).finishedBetween(LocalDate.of(2026, 3, 1),
                LocalDate.of(2026, 3, 31), OnTimeStatistics.By.MONTH);
        assertEquals(List.of(new OnTimeStatistics.Row("2026-03", 3, 0, 2, 1, 0, 0)), rows);
    }
}
