package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.UpstreamDecisions.Decision;
import org.motcua.store.UpstreamDecisions.Outcome;
import org.motcua.store.sync.FeedStore;

/**
 * §5.6 decisions on the desk: applied with the feed's cursor or not at all; a dossier takes the decided status through
 * the lifecycle with a timeline entry by the decider and no outbox event; a decision the lifecycle does not allow here,
 * or for a dossier this desk does not hold, is kept and shown, not dropped; the officer sees each once.
 */
class UpstreamDecisionTest {

    static final LocalDateTime TUESDAY = LocalDateTime.of(2026, 12, 1, 9, 0);
    static final long V1 = 1_764_468_000_000L;

    @TempDir
    Path dir;

    @Test
    void decisionsAreAppliedWithTheCursorThroughTheLifecycleAndShownOnce() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
            DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
            Dossier handedUp = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 1, TUESDAY), Role.RECEIVING_OFFICER,
                    TUESDAY);
            workflow.take(handedUp.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "Sở Tư pháp", "",
                    TUESDAY.plusHours(1));
            Dossier atDesk = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 2, TUESDAY), Role.RECEIVING_OFFICER,
                    TUESDAY);
            long pendingBefore = new org.motcua.store.sync.SyncOutbox(store).waiting();
            FeedStore feed = new FeedStore(store);
            UpstreamDecisions decisions = new UpstreamDecisions(store);
            UUID feedId = UUID.randomUUID();
            FeedStore.Item done = item(decision(handedUp, "9", "QĐ 12/QĐ-STP"), V1);

            // A page whose second item cannot be stored: the decision goes with it, cursor included.
            CalendarData broken = new CalendarData(2026, List.of("2026-12-03", "2026-12-03"), List.of(), Map.of());
            byte[] brokenBytes = CanonicalJson.write(broken.toJson());
            assertThrows(RuntimeException.class, () -> feed.apply(List.of(done, new FeedStore.Item(CalendarData.ITEM_TYPE, "2026", V1,
                    Sha256.hex(brokenBytes), brokenBytes)), new FeedStore.Cursor(feedId, 2, Optional.empty())));
            assertEquals(Optional.empty(), feed.cursor());
            assertEquals(DossierStatus.PROCESSING, store.dossier(handedUp.id()).orElseThrow().status());
            assertEquals(List.of(), decisions.unseen());

            UUID nobody = UUID.randomUUID();
            FeedStore.Item unknown = item(new DossierDecisionData(nobody.toString(), "000.00.01.H99-261201-0777",
                    UUID.randomUUID().toString(), "9", "2026-12-02T03:00:00.000Z", "Sở Tư pháp", Optional.empty()), V1);
            FeedStore.Item notAllowed = item(decision(atDesk, "9", null), V1);
            feed.apply(List.of(done, unknown, notAllowed), new FeedStore.Cursor(feedId, 3, Optional.empty()));
            assertEquals(3, feed.cursor().orElseThrow().lastSeq());

            Dossier decided = store.dossier(handedUp.id()).orElseThrow();
            assertEquals(DossierStatus.DONE, decided.status(), "PROCESSING -> DONE is MARK_DONE in the lifecycle");
            List<HandoverRecord> timeline = store.handovers(handedUp.id());
            HandoverRecord last = timeline.get(timeline.size() - 1);
            assertEquals(List.of(3, DossierAction.MARK_DONE, DossierStatus.DONE, "Sở Tư pháp", "QĐ 12/QĐ-STP",
                    LocalDateTime.of(2026, 12, 2, 10, 0)), List.of(last.step(), last.action(), last.status(), last.fromOfficer(),
                    last.note(), last.at()), "the decider's step at the decision's time (Vietnam)");
            assertEquals(DossierStatus.RECEIVED, store.dossier(atDesk.id()).orElseThrow().status(),
                    "RECEIVED -> DONE is no step of the lifecycle: the dossier stays as it is");
            assertEquals(1, store.handovers(atDesk.id()).size());
            assertEquals(pendingBefore, new org.motcua.store.sync.SyncOutbox(store).waiting(),
                    "no event goes up: the province recorded the decision");
            assertTrue(store.verifyAudit().firstBroken().isEmpty());

            List<Decision> told = decisions.unseen();
            assertEquals(List.of(Outcome.APPLIED, Outcome.UNKNOWN, Outcome.CONFLICT), told.stream().map(Decision::outcome).toList());
            assertEquals(Optional.of(3), told.get(0).handoverStep(), "the timeline entry decided upstream");
            assertEquals(List.of(handedUp.code().format(), "000.00.01.H99-261201-0777", atDesk.code().format()),
                    told.stream().map(Decision::dossierCode).toList());
            assertEquals(1, decisions.of(handedUp.id()).size());

            // Read again after a feed reset: nothing applies twice.
            feed.apply(List.of(done), new FeedStore.Cursor(UUID.randomUUID(), 1, Optional.empty()));
            assertEquals(timeline.size(), store.handovers(handedUp.id()).size());

            decisions.markSeen(told.stream().map(Decision::decisionId).toList(), TUESDAY.plusDays(1));
            assertEquals(List.of(), decisions.unseen(), "each is shown once");
        }
    }

    private static DossierDecisionData decision(Dossier d, String status, String note) {
        return new DossierDecisionData(d.id().toString(), d.code().format(), UUID.randomUUID().toString(), status,
                "2026-12-02T03:00:00.000Z", "Sở Tư pháp", Optional.ofNullable(note));
    }

    private static FeedStore.Item item(DossierDecisionData d, long version) {
        byte[] bytes = CanonicalJson.write(d.toJson());
        return new FeedStore.Item(DossierDecisionData.ITEM_TYPE, d.aggregateId(), version, Sha256.hex(bytes), bytes);
    }
}
