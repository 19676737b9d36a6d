package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.IllegalTransitionException;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.internal.Sql;

class DossierIntakeTest {

    /** Tuesday 10 March 2026, 09:15: an ordinary working morning. */
    private static final LocalDateTime MORNING = LocalDateTime.of(2026, 3, 10, 9, 15);

    @TempDir
    Path dir;

    private Store store;
    private DossierIntake intake;

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
        intake = new DossierIntake(store, StoreFixture.DEADLINES);
    }

    @AfterEach
    void close() {
        store.close();
    }

    @Test
    void aReceivedDossierIsStoredWithItsHandoverOutboxEventAndAuditEntry() throws Exception {
        IntakeRequest request = StoreFixture.intake(StoreFixture.birthRegistration(), 7, MORNING);
        Dossier d = intake.receive(request, Role.RECEIVING_OFFICER, MORNING);

        assertEquals("000.00.01.H99-260310-0001", d.code().format());
        assertEquals(DossierStatus.RECEIVED, d.status());
        assertEquals(StoreFixture.DEADLINES.dueAt(MORNING, StoreFixture.birthRegistration().processingTime(),
                StoreFixture.birthRegistration().afternoonCutOff()), d.dueAt());
        assertEquals("2026-M1", d.registerBook());
        assertEquals(1, d.registerEntry());
        assertEquals(Optional.of(d), store.dossier(d.id()));
        assertEquals(Optional.of(d), store.dossierByCode(d.code().format()));

        List<HandoverRecord> log = store.handovers(d.id());
        assertEquals(1, log.size());
        assertEquals(DossierAction.RECEIVE, log.get(0).action());
        assertEquals("tiepnhan1", log.get(0).toOfficer());

        assertEquals(1, store.count("outbox"));
        assertEquals(1, store.count("audit_log"));
        assertTrue(store.verifyOutbox().intact());
        assertTrue(store.verifyAudit().intact());
        String auditDetail = store.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT detail FROM audit_log")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertFalse(auditDetail.contains("001085000007"), "no full citizen ID in the audit: " + auditDetail);
        String payload = store.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT payload FROM outbox")) {
                rs.next();
                return new String(rs.getBytes(1), StandardCharsets.UTF_8);
            }
        });
        assertTrue(payload.contains("\"dossierCode\":\"000.00.01.H99-260310-0001\""), payload);
        assertTrue(payload.contains("Nguyễn Văn An 7"), payload);
        // the schema-1 payload of the contract, canonical; the receipt's token itself never leaves the desk
        org.motcua.protocol.events.DossierReceived received = org.motcua.protocol.events.DossierReceived.read(
                org.motcua.protocol.json.StrictJson.parseCanonical(payload.getBytes(StandardCharsets.UTF_8)));
        String token = store.lookupToken(d.id()).orElseThrow();
        assertEquals(org.motcua.store.internal.LookupTokens.sha256(token), received.lookupTokenSha256());
        assertFalse(payload.contains(token), payload);
        assertEquals("2026-03-10T09:15:00.000+07:00", received.receivedAt());
    }

    @Test
    void theDossierSurvivesClosingAndReopening() {
        Dossier d = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 1, MORNING),
                Role.RECEIVING_OFFICER, MORNING);
        store.close();
        store = Store.open(dir.resolve("desk"), StoreFixture.KEY);
        assertEquals(Optional.of(d), store.dossier(d.id()));
        assertEquals(1, store.device().deviceNumber());
    }

    @Test
    void refusedInputWritesNothing() {
        IntakeRequest good = StoreFixture.intake(StoreFixture.birthRegistration(), 1, MORNING);
        IntakeRequest missingDocs = new IntakeRequest(good.procedure(), good.applicant(), List.of(), 1, good.channel(),
                good.delivery(), MORNING, "tiepnhan1", Optional.empty(), "");
        ValidationException e = assertThrows(ValidationException.class,
                () -> intake.receive(missingDocs, Role.RECEIVING_OFFICER, MORNING));
        assertTrue(e.messages(Locale.forLanguageTag("vi")).contains("Chưa đánh dấu giấy tờ nào"), e.messages(Locale.ROOT));
        assertNothingWritten();
    }

    @Test
    void roleIsCheckedBeforeAnythingIsWritten() {
        IntakeRequest request = StoreFixture.intake(StoreFixture.birthRegistration(), 1, MORNING);
        assertThrows(IllegalTransitionException.class, () -> intake.receive(request, Role.COMMUNITY_ASSISTANT, MORNING));
        assertThrows(IllegalTransitionException.class, () -> intake.receive(request, Role.ADMIN, MORNING));
        assertNothingWritten();
    }

    @Test
    void communityTeamCollectsInTheFieldAsANewDossier() {
        IntakeRequest base = StoreFixture.intake(StoreFixture.birthRegistration(), 3, MORNING);
        IntakeRequest field = new IntakeRequest(base.procedure(), base.applicant(), base.documents(), 1, base.channel(),
                base.delivery(), MORNING, "tinhnguyen1", Optional.of(new FieldAssistance("tinhnguyen1", "Thôn Nà Hang")), "");
        Dossier d = intake.receive(field, Role.COMMUNITY_ASSISTANT, MORNING);
        assertEquals(DossierStatus.NEW, d.status());
        assertEquals(Optional.of(new FieldAssistance("tinhnguyen1", "Thôn Nà Hang")), store.dossier(d.id()).orElseThrow().assistance());
        assertEquals(DossierAction.COLLECT_IN_FIELD, store.handovers(d.id()).get(0).action());
    }

    @Test
    void unknownProcedureVersionIsRefused() {
        IntakeRequest base = StoreFixture.intake(StoreFixture.birthRegistration(), 3, MORNING);
        var p = base.procedure();
        var unknown = new org.motcua.core.catalogue.Procedure(p.code(), p.national(), 99, p.name(), p.fieldCode(),
                p.fieldName(), p.processingTime(), false, p.afternoonCutOff(), p.feeText(), p.documents(), p.onlineLevel(),
                p.decidingBody(), true);
        IntakeRequest request = new IntakeRequest(unknown, base.applicant(), base.documents(), 1, base.channel(),
                base.delivery(), MORNING, "tiepnhan1", Optional.empty(), "");
        ValidationException e = assertThrows(ValidationException.class,
                () -> intake.receive(request, Role.RECEIVING_OFFICER, MORNING));
        assertEquals("intake.procedure.unknown", e.violations().get(0).code());
        assertNothingWritten();
    }

    @Test
    void twoDevicesOfOneCommuneNeverShareACode() {
        Store second = StoreFixture.newStore(dir, "laptop", 2);
        try {
            DossierIntake other = new DossierIntake(second, StoreFixture.DEADLINES);
            Set<String> codes = new HashSet<>();
            for (int i = 0; i < 600; i++) {
                LocalDateTime at = MORNING.plusSeconds(i * 7L);
                assertTrue(codes.add(intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, at),
                        Role.RECEIVING_OFFICER, at).code().format()));
                assertTrue(codes.add(other.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, at),
                        Role.RECEIVING_OFFICER, at).code().format()));
            }
            assertEquals(1200, codes.size());
            assertTrue(store.verifyOutbox().intact());
            assertTrue(second.verifyAudit().intact());
        } finally {
            second.close();
        }
    }

    @Test
    void aDeskGivenALowerDeviceNumberAtEnrolmentReceivesOnThatSameDayWithoutReusingANumber() {
        try (Store third = StoreFixture.newStore(dir, "third", 3)) {
            DossierIntake desk3 = new DossierIntake(third, StoreFixture.DEADLINES);
            List<Integer> numbers = new java.util.ArrayList<>();
            for (int i = 1; i <= 2; i++) {
                numbers.add(desk3.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MORNING.plusMinutes(i)),
                        Role.RECEIVING_OFFICER, MORNING.plusHours(1)).code().sequence());
            }
            // the province enrolled it as device 1 (its number 3 was taken): the new range from the same day on
            third.write(c -> {
                org.motcua.store.internal.Sql.update(c, "UPDATE device SET device_number = 1");
                third.deviceChanged(c);
                return null;
            });
            for (int i = 3; i <= 4; i++) {
                numbers.add(desk3.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MORNING.plusMinutes(i)),
                        Role.RECEIVING_OFFICER, MORNING.plusHours(1)).code().sequence());
            }
            assertEquals(List.of(2001, 2002, 1, 2), numbers);
        }
    }

    @Test
    void tamperingIsPinpointedInBothChains() {
        for (int i = 0; i < 5; i++) {
            intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), i, MORNING), Role.RECEIVING_OFFICER, MORNING);
        }
        store.write(c -> Sql.update(c, "UPDATE outbox SET payload = ? WHERE local_seq = 3", "{}".getBytes()));
        assertEquals(3, store.verifyOutbox().firstBroken().getAsLong());
        store.write(c -> Sql.update(c, "UPDATE audit_log SET actor = 'someone-else' WHERE seq = 4"));
        assertEquals(4, store.verifyAudit().firstBroken().getAsLong());
        store.write(c -> Sql.update(c, "DELETE FROM audit_log WHERE seq = 2"));
        assertEquals(3, store.verifyAudit().firstBroken().getAsLong());
    }

    @Test
    void aDuplicateCodeIsRefusedAndNothingIsWritten() {
        intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 1, MORNING), Role.RECEIVING_OFFICER, MORNING);
        Dossier second = intake.receive(StoreFixture.intake(StoreFixture.birthRegistration(), 2, MORNING),
                Role.RECEIVING_OFFICER, MORNING);
        // As after restoring the day counter from an older backup: the next code is one already used.
        store.write(c -> Sql.update(c, "UPDATE day_counter SET last_sequence = last_sequence - 1"));
        long before = store.count("outbox");
        ValidationException e = assertThrows(ValidationException.class, () -> intake.receive(
                StoreFixture.intake(StoreFixture.birthRegistration(), 3, MORNING), Role.RECEIVING_OFFICER, MORNING));
        assertEquals("intake.code.duplicate", e.violations().get(0).code());
        assertEquals("Mã hồ sơ " + second.code().format() + " đã được dùng cho một hồ sơ khác; không có gì được lưu.",
                e.messages(Locale.forLanguageTag("vi")));
        assertEquals(2, store.count("dossier"));
        assertEquals(before, store.count("outbox"));
        assertEquals(second, store.dossier(second.id()).orElseThrow());
    }

    @Test
    void manyDossiersAreReceivedInOneTransactionAllOrNothing() {
        List<IntakeRequest> requests = new java.util.ArrayList<>();
        for (int n = 1; n <= 5; n++) {
            requests.add(StoreFixture.intake(StoreFixture.birthRegistration(), n, MORNING.plusMinutes(n)));
        }
        IntakeRequest good = requests.get(0);
        IntakeRequest nameless = new IntakeRequest(good.procedure(), new org.motcua.core.dossier.Applicant(
                good.applicant().kind(), "", good.applicant().citizenId(), good.applicant().birthDate(),
                good.applicant().phone(), "", good.applicant().address(), Optional.empty()), good.documents(), 1,
                good.channel(), good.delivery(), MORNING, "tiepnhan1", Optional.empty(), "");
        List<IntakeRequest> withABadOne = new java.util.ArrayList<>(requests);
        withABadOne.add(nameless);
        assertThrows(ValidationException.class, () -> intake.receiveAll(withABadOne, Role.RECEIVING_OFFICER, MORNING.plusHours(1)));
        assertNothingWritten();

        List<Dossier> stored = intake.receiveAll(requests, Role.RECEIVING_OFFICER, MORNING.plusHours(1));
        assertEquals(List.of(1, 2, 3, 4, 5), stored.stream().map(d -> d.code().sequence()).toList());
        assertEquals(5, store.count("dossier"));
        assertEquals(5, store.count("outbox"));
        assertTrue(store.verifyOutbox().intact());
        assertTrue(store.verifyAudit().intact());
    }

    private void assertNothingWritten() {
        for (String table : List.of("dossier", "dossier_document", "handover", "outbox", "audit_log", "day_counter")) {
            assertEquals(0, store.count(table), table);
        }
    }
}
