package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;

class ReceivedDossiersTest {

    /** Friday 6 March 2026, late afternoon: the day before the range. */
    private static final LocalDateTime FRIDAY = LocalDateTime.of(2026, 3, 6, 16, 0);
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 20, 10, 0);

    @TempDir
    Path dir;

    private Store store;
    private final List<Dossier> inRange = new ArrayList<>();
    private Dossier before;
    private Dossier after;

    /** One dossier the day before the range, seven on 9–11 March, one the day after. */
    @BeforeEach
    void fill() {
        store = StoreFixture.newStore(dir, "desk", 1);
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        before = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 1, FRIDAY), Role.RECEIVING_OFFICER, NOW);
        for (int i = 0; i < 7; i++) {
            LocalDateTime at = LocalDateTime.of(2026, 3, 9 + i / 3, 8, 0).plusMinutes(10 * i);
            inRange.add(intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 10 + i, at),
                    Role.RECEIVING_OFFICER, NOW));
        }
        after = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 2, LocalDateTime.of(2026, 3, 12, 7, 0)),
                Role.RECEIVING_OFFICER, NOW);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void pagesThroughExactlyTheRangeInReceptionOrder() {
        ReceivedDossiers received = new ReceivedDossiers(store);
        List<String> codes = new ArrayList<>();
        int offset = 0;
        Page<ReceivedDossiers.Received> page;
        do {
            page = received.between(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 11), offset, 3);
            assertTrue(page.items().size() <= 3);
            page.items().forEach(r -> codes.add(r.dossier().code().format()));
            offset += page.items().size();
        } while (page.hasMore());
        assertEquals(inRange.stream().map(d -> d.code().format()).toList(), codes);
        assertFalse(codes.contains(before.code().format()));
        assertFalse(codes.contains(after.code().format()));
    }

    @Test
    void readsWholeDossiersAndWhenTheResultWasReturned() {
        Dossier first = inRange.get(0);
        DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
        LocalDateTime handedBack = LocalDateTime.of(2026, 3, 10, 15, 45);
        workflow.take(first.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "",
                LocalDateTime.of(2026, 3, 9, 9, 0));
        workflow.take(first.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "",
                LocalDateTime.of(2026, 3, 10, 14, 0));
        workflow.returnResult(first.id(), ResultReturn.byApplicant(Optional.empty(), ""), Role.RECEIVING_OFFICER,
                "tiepnhan1", handedBack);

        List<ReceivedDossiers.Received> rows = new ReceivedDossiers(store)
                .between(LocalDate.of(2026, 3, 9), LocalDate.of(2026, 3, 9), 0, 10).items();
        assertEquals(3, rows.size());
        assertEquals(Optional.of(handedBack), rows.get(0).returnedAt());
        assertEquals(store.dossier(first.id()).orElseThrow(), rows.get(0).dossier());
        assertEquals(Optional.empty(), rows.get(1).returnedAt());
        assertFalse(rows.get(1).dossier().documents().isEmpty());
    }

    @Test
    void refusesAPageLargerThanTheLimit() {
        ReceivedDossiers received = new ReceivedDossiers(store);
        assertThrows(IllegalArgumentException.class, () -> received.between(LocalDate.of(2026, 3, 9),
                LocalDate.of(2026, 3, 9), 0, DossierQuery.MAX_LIMIT + 1));
    }
}
