package org.motcua.protocol.events;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.SchemaInvalid;

class PayloadsTest {

    static DossierReceived received() {
        return new DossierReceived("c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b", "000.17.22.H56-250531-0001",
                new DossierReceived.Procedure("1.001234", 1, "Hộ tịch"),
                new DossierReceived.Applicant("CITIZEN", "Nguyễn Văn An", Optional.of("001090012345"), Optional.of("1990-01-02"),
                        "0912345678", "", new DossierReceived.Address("Hà Nội", "Hòa Bình", "Thôn 3"), Optional.empty()),
                List.of(new DossierReceived.Document("Tờ khai", "ORIGINAL", 1)), 1, 1, "COUNTER",
                "2025-05-31T08:15:30.000+07:00", "2025-06-05T17:00:00.000+07:00", new DossierReceived.Register("2025-M1", 7), 2,
                "officer-07", Optional.empty(), "", Sha256.hex(new byte[] {1}), List.of());
    }

    @Test
    void aReceptionRoundTripsThroughItsCanonicalBytes() throws Exception {
        DossierReceived d = received();
        byte[] bytes = CanonicalJson.write(d.toJson());
        DossierReceived back = DossierReceived.read(org.motcua.protocol.json.StrictJson.parseCanonical(bytes));
        assertEquals(d, back);
        assertEquals("000.17.22.H56", back.unitCode());
    }

    @Test
    void anActionRoundTrips() throws Exception {
        DossierActionTaken a = new DossierActionTaken("c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b", "000.17.22.H56-250531-0001", 2,
                "REQUEST_SUPPLEMENT", 5, "officer-07", "officer-07", "2025-05-31T08:21:04.910+07:00", Optional.empty(),
                Optional.of("ON_TIME"), Optional.empty(), "Thiếu bản sao CCCD");
        assertEquals(a, DossierActionTaken.read(a.toJson()));
    }

    @Test
    void aReturnCarriesWhoCollectedTheResultAndTheRating() throws Exception {
        DossierActionTaken.ResultReturned how = new DossierActionTaken.ResultReturned("AUTHORISED_PERSON",
                Optional.of("Trần Thị Bình"), Optional.of("001185000123"), Optional.empty(), Optional.of("SATISFIED"), "");
        DossierActionTaken a = new DossierActionTaken("c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b", "000.17.22.H56-250531-0001", 4,
                "RETURN_RESULT", 10, "officer-07", "Trần Thị Bình", "2025-06-02T09:21:04.910+07:00", Optional.empty(),
                Optional.empty(), Optional.empty(), "", Optional.of(how));
        byte[] bytes = CanonicalJson.write(a.toJson());
        assertEquals(a, DossierActionTaken.read(org.motcua.protocol.json.StrictJson.parseCanonical(bytes)));

        ObjectNode badRating = a.toJson();
        ((ObjectNode) badRating.get("resultReturned")).put("rating", "DELIGHTED");
        assertEquals("/resultReturned/rating",
                assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(badRating)).errors().get(0).pointer());
        ObjectNode onAnotherAction = a.toJson().put("action", "MARK_DONE").put("status", 9);
        assertEquals("/resultReturned",
                assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(onAnotherAction)).errors().get(0).pointer());
    }

    @Test
    void aDossierDoneCarriesItsDigitisedResultWithItsNumber() throws Exception {
        String scan = Sha256.hex(new byte[] {7});
        DossierActionTaken.DigitisedResult result = new DossierActionTaken.DigitisedResult("15/QĐ-UBND",
                List.of(new AttachmentsAdded.Attachment(scan, "application/pdf", 81_234, "Quyết định", "qd-15.pdf")));
        DossierActionTaken a = new DossierActionTaken("c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b", "000.17.22.H56-250531-0001", 3,
                "MARK_DONE", 9, "officer-07", "officer-07", "2025-06-02T09:21:04.910+07:00", Optional.empty(),
                Optional.of("ON_TIME"), Optional.empty(), "", Optional.empty(), Optional.of(result));
        byte[] bytes = CanonicalJson.write(a.toJson());
        assertEquals(a, DossierActionTaken.read(org.motcua.protocol.json.StrictJson.parseCanonical(bytes)));
        assertEquals(List.of(scan), a.resultBlobs());

        ObjectNode onAHandover = a.toJson().put("action", "HAND_OVER_FOR_PROCESSING").put("status", 2);
        assertEquals("/result",
                assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(onAHandover)).errors().get(0).pointer());
        ObjectNode noFiles = a.toJson();
        ((ObjectNode) noFiles.get("result")).putArray("files");
        assertEquals("/result/files",
                assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(noFiles)).errors().get(0).pointer());
        ObjectNode blankNumber = a.toJson();
        ((ObjectNode) blankNumber.get("result")).put("number", " ");
        assertEquals("/result/number",
                assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(blankNumber)).errors().get(0).pointer());
    }

    @Test
    void badPayloadsAreSchemaInvalid() {
        ObjectNode noCode = received().toJson();
        noCode.remove("dossierCode");
        ObjectNode badId = received().toJson();
        ((ObjectNode) badId.get("applicant")).put("citizenId", "00109901234A");
        ObjectNode badStatus = received().toJson().put("status", 9);
        for (ObjectNode p : List.of(noCode, badId, badStatus)) {
            assertThrows(SchemaInvalid.class, () -> DossierReceived.read(p));
        }
        ObjectNode action = new DossierActionTaken("c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b", "000.17.22.H56-250531-0001", 2,
                "MARK_DONE", 9, "a", "b", "2025-05-31T08:21:04.910+07:00", Optional.empty(), Optional.empty(), Optional.empty(),
                "").toJson().put("action", "TELEPORT");
        SchemaInvalid e = assertThrows(SchemaInvalid.class, () -> DossierActionTaken.read(action));
        assertEquals("/action", e.errors().get(0).pointer());
    }

    @Test
    void unknownMembersFromANewerDeskAreIgnored() throws Exception {
        ObjectNode p = received().toJson().put("returnedTo", "applicant");
        assertTrue(DossierReceived.read(p).documents().size() == 1);
    }
}
