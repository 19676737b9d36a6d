package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.pki.Certificates;
import org.motcua.store.sync.DeviceEnrolments;

/** Enrolment (§6.1) against the fake province over real HTTP on loopback, and offline by file (§11). */
class EnrolmentTest {

    @TempDir
    Path dir;

    @Test
    void aVerifiedAnswerIsCommittedOnlyAfterConfirmation() throws Exception {
        try (FakeProvince province = new FakeProvince(false); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            EnrolmentOffer offer = desk.engine.beginEnrolment(province.baseUrl(), province.newCode()).join();
            assertEquals(Certificates.fingerprint(province.ca.certificate()), offer.caFingerprint());
            assertEquals(3, offer.deviceNumber());
            assertFalse(desk.engine.status().enrolled(), "nothing is committed before the admin confirms");
            assertEquals(1, desk.store.device().deviceNumber());
            desk.engine.confirmEnrolment(offer).join();
            SyncStatus s = desk.engine.status();
            assertTrue(s.enrolled());
            assertEquals(3, s.deviceNumber(), "codes issued from now on use the server's number");
            assertEquals(FakeProvince.UNIT_NAME, s.unitName());
            DeviceEnrolments.Enrolment e = new DeviceEnrolments(desk.store).current().orElseThrow();
            assertEquals(province.baseUrl().toString(), e.baseUrl());
            assertTrue(new DeviceEnrolments(desk.store).pending().isEmpty());
            assertEquals(3, desk.receive().code().sequence() / 1000 + 1, "the new range: 2001..2999");
        }
    }

    @Test
    void aLostAnswerIsFetchedAgainWithTheVeryRequestBytes() throws Exception {
        try (FakeProvince province = new FakeProvince(false); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            String code = province.newCode();
            EnrolmentOffer first = desk.engine.beginEnrolment(province.baseUrl(), code).join();
            byte[] sent = new DeviceEnrolments(desk.store).pending().orElseThrow().request();
            // the answer "was lost": the officer tries again with the same code
            EnrolmentOffer again = desk.engine.beginEnrolment(province.baseUrl(), code).join();
            assertEquals(first, again);
            assertTrue(java.util.Arrays.equals(sent, province.usedCodes.values().iterator().next()[0]));
            assertEquals(2, province.requestsTo("/enrolments"));
            desk.engine.confirmEnrolment(again).join();
            assertTrue(desk.engine.status().enrolled());
        }
    }

    @Test
    void aMistypedCodeIsRefusedByName() throws Exception {
        try (FakeProvince province = new FakeProvince(false); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            province.newCode();
            String wrong = "Q4M7-XK2P-7K3Q-W9ZD-2HXM-4TNB-8VRC-6JPF-GA";
            CompletionException e = assertThrows(CompletionException.class,
                    () -> desk.engine.beginEnrolment(province.baseUrl(), wrong).join());
            assertEquals(SyncFailure.Reason.CODE_INVALID, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
            e = assertThrows(CompletionException.class, () -> desk.engine.beginEnrolment(province.baseUrl(), "12-34").join());
            assertEquals(SyncFailure.Reason.CODE_MALFORMED, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
            assertFalse(desk.engine.status().enrolled());
        }
    }

    @Test
    void offlineEnrolmentByFile() throws Exception {
        try (FakeProvince province = new FakeProvince(false); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            String code = province.newCode();
            Path request = desk.engine.writeEnrolmentRequest(province.baseUrl(), code, dir).join();
            assertTrue(request.getFileName().toString().matches("motcua-enrol-[0-9A-Z]{8}\\.json"));
            Path answer = province.answerEnrolmentFile(request, dir.resolve("answer.json"));
            // an answer whose MAC does not match (tampered on the stick) is refused, nothing committed
            org.motcua.protocol.doc.EnrolmentFile good = org.motcua.protocol.doc.Docs.parse(Files.readAllBytes(answer),
                    org.motcua.protocol.doc.EnrolmentFile::read);
            byte[] badMac = good.mac().clone();
            badMac[0] ^= 1;
            Path tampered = Files.write(dir.resolve("tampered.json"),
                    new org.motcua.protocol.doc.EnrolmentFile(badMac, good.message()).canonical());
            CompletionException e = assertThrows(CompletionException.class, () -> desk.engine.readEnrolmentResponse(tampered).join());
            assertEquals(SyncFailure.Reason.RESPONSE_INVALID, assertInstanceOf(SyncFailure.class, e.getCause()).reason());
            assertFalse(desk.engine.status().enrolled());

            EnrolmentOffer offer = desk.engine.readEnrolmentResponse(answer).join();
            assertEquals(Certificates.fingerprint(province.ca.certificate()), offer.caFingerprint());
            desk.engine.confirmEnrolment(offer).join();
            assertTrue(desk.engine.status().enrolled());
        }
    }
}
