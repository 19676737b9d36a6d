package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * Returning the result (status 10): who collected it and the citizen's rating are stored with the return handover,
 * in the same transaction, and travel upstream in the step's event; incomplete details are refused with the
 * officer's words and change nothing.
 */
class ResultReturnTest {

    private static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;
    private Store store;
    private DossierWorkflow workflow;
    private Dossier dossier;

    @BeforeEach
    void aFinishedDossier() {
        store = StoreFixture.newStore(dir, "desk", 1);
        workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
        Procedure p = StoreFixture.CATALOGUE.latest("1.005461").orElseThrow();
        dossier = new DossierIntake(store, StoreFixture.DEADLINES).receive(StoreFixture.intake(p, 1, MON),
                Role.RECEIVING_OFFICER, MON);
        workflow.take(dossier.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "",
                MON.plusHours(1));
        workflow.take(dossier.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "",
                MON.plusDays(1));
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void anAuthorisedPersonCollectsAndTheRatingIsStoredAndSentUpstream() throws Exception {
        ResultReturn how = ResultReturn.of(CollectedBy.AUTHORISED_PERSON, "Trần Thị Bình",
                Optional.of(CitizenId.parse("001185000123", null)), "", Optional.of(Satisfaction.ACCEPTABLE),
                "Chờ hơi lâu");
        HandoverRecord step = workflow.returnResult(dossier.id(), how, Role.RECEIVING_OFFICER, "tiepnhan1",
                MON.plusDays(2));

        assertEquals(DossierStatus.RETURNED, step.status());
        assertEquals("Trần Thị Bình", step.toOfficer(), "the return goes to whoever collected it");
        ReturnedResult stored = new ResultReturns(store).of(dossier.id()).orElseThrow();
        assertEquals(how, stored.details());
        assertEquals(MON.plusDays(2), stored.at());
        assertEquals("tiepnhan1", stored.by());

        OutboxEvent last = lastEvent();
        DossierActionTaken payload = DossierActionTaken.read(StrictJson.parse(last.payload()));
        DossierActionTaken.ResultReturned sent = payload.resultReturned().orElseThrow();
        assertEquals("AUTHORISED_PERSON", sent.collectedBy());
        assertEquals(Optional.of("Trần Thị Bình"), sent.collectorName());
        assertEquals(Optional.of("001185000123"), sent.collectorCitizenId());
        assertEquals(Optional.of("ACCEPTABLE"), sent.rating());
        assertEquals("Chờ hơi lâu", sent.comment());
    }

    @Test
    void aResultSentByPostKeepsItsTrackingNumberAndNeedsNoRating() throws Exception {
        ResultReturn how = ResultReturn.of(CollectedBy.POST, "", Optional.empty(), "ee 123456789 vn", Optional.empty(), "");
        assertEquals("EE123456789VN", how.trackingNumber(), "typed with spaces and small letters, kept as printed");
        HandoverRecord step = workflow.returnResult(dossier.id(), how, Role.RECEIVING_OFFICER, "tiepnhan1", MON.plusDays(2));
        assertTrue(step.toOfficer().endsWith("EE123456789VN"), step.toOfficer());
        DossierActionTaken.ResultReturned sent = DossierActionTaken.read(StrictJson.parse(lastEvent().payload()))
                .resultReturned().orElseThrow();
        assertEquals(Optional.of("EE123456789VN"), sent.trackingNumber());
        assertEquals(Optional.empty(), sent.rating());
    }

    @Test
    void incompleteDetailsAreRefusedInTheOfficersWordsAndNothingChanges() {
        ValidationException noId = assertThrows(ValidationException.class, () -> ResultReturn.of(
                CollectedBy.AUTHORISED_PERSON, "Trần Thị Bình", Optional.empty(), "", Optional.empty(), ""));
        assertTrue(noId.messages(VI).contains("số định danh cá nhân của người được ủy quyền"), noId.messages(VI));
        ValidationException noTracking = assertThrows(ValidationException.class, () -> ResultReturn.of(
                CollectedBy.POST, "", Optional.empty(), " ", Optional.empty(), ""));
        assertTrue(noTracking.messages(VI).contains("mã vận đơn"), noTracking.messages(VI));
        ValidationException badTracking = assertThrows(ValidationException.class, () -> ResultReturn.of(
                CollectedBy.POST, "", Optional.empty(), "EE-12", Optional.empty(), ""));
        assertTrue(badTracking.messages(VI).contains("EE-12"), badTracking.messages(VI));

        long events = store.count("outbox");
        int steps = store.handovers(dossier.id()).size();
        ValidationException plain = assertThrows(ValidationException.class, () -> workflow.take(dossier.id(),
                DossierAction.RETURN_RESULT, Role.RECEIVING_OFFICER, "tiepnhan1", "Nguyễn Văn An", "", MON.plusDays(2)));
        assertTrue(plain.messages(VI).contains("ai nhận"), plain.messages(VI));
        assertThrows(RuntimeException.class, () -> workflow.returnResult(dossier.id(),
                ResultReturn.byApplicant(Optional.empty(), ""), Role.PROCESSING_OFFICER, "xuly1", MON.plusDays(2)),
                "only the desk returns results");
        assertEquals(events, store.count("outbox"));
        assertEquals(steps, store.handovers(dossier.id()).size());
        assertEquals(Optional.empty(), new ResultReturns(store).of(dossier.id()));
    }

    private OutboxEvent lastEvent() {
        List<OutboxEvent> all = new SyncOutbox(store).all();
        return all.get(all.size() - 1);
    }
}
