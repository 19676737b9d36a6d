package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.cert.X509Certificate;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.cms.SignatureInvalid;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.RekeyResponse;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.store.sync.DeviceRekeys;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.sync.internal.BatchFreezer;
import org.motcua.sync.internal.CycleFailure;

/**
 * Rekey (§6.2) from the desk's side against the fake province over real HTTP on loopback, with a real encrypted store:
 * the key and certificate switch in one transaction that re-signs the batches frozen before it (which the province
 * then acknowledges under their own ids and bytes); a lost answer is asked again with the very same bytes; an answer
 * that fails verification changes nothing and the old key keeps working; the refusals of §8.3/§14.
 */
class RekeyTest {

    @TempDir
    java.nio.file.Path dir;
    private FakeProvince province;
    private TestDesk desk;

    @BeforeEach
    void enrolledDesk() throws Exception {
        province = new FakeProvince(false);
        desk = TestDesk.create(dir, "desk", 1);
        desk.enrol(province);
    }

    @AfterEach
    void close() {
        desk.close();
        province.close();
    }

    @Test
    void aRekeySwitchesTheKeyAndBatchesFrozenBeforeItAreAcknowledgedAfterItUnderTheirOwnBytes() throws Exception {
        DeviceEnrolments.Enrolment before = enrolment();
        X509Certificate oldCert = Certificates.parse(before.deviceCertificate());
        for (int i = 0; i < 4; i++) {
            desk.receive();
        }
        List<FrozenBatch> frozen = freezeTwoSmallBatches();

        RekeyResult r = desk.engine.rekey("quantri", Role.ADMIN).join();

        DeviceEnrolments.Enrolment after = enrolment();
        X509Certificate newCert = Certificates.parse(after.deviceCertificate());
        assertNotEquals(oldCert.getSerialNumber(), newCert.getSerialNumber());
        assertEquals(newCert.getSerialNumber().toString(16), r.certificateSerial());
        assertEquals(newCert.getNotAfter().toInstant(), r.validUntil());
        assertEquals(newCert, province.deviceCert, "the desk holds the certificate the province pinned");
        assertEquals(List.of(oldCert), province.rekeys.superseded);
        assertFalse(r.sentAgain());
        assertEquals(2, r.batchesResigned());
        assertTrue(new DeviceRekeys(desk.store).pending().isEmpty(), "the request is gone with the switch");
        byte[] probe = "the stored key is the certified one".getBytes(java.nio.charset.StandardCharsets.UTF_8);
        CmsVerifier.verifyDevice(CmsSigner.signDevice(probe, DeviceKeys.privateKey(after.privateKey()), newCert), probe, newCert);
        assertEquals(0, rowsHolding(before.privateKey()), "the old key is nowhere in the database");

        for (FrozenBatch old : frozen) {
            FrozenBatch now = desk.outbox.batch(old.batchId()).orElseThrow();
            assertEquals(FrozenBatch.FROZEN, now.state());
            assertArrayEquals(old.body(), now.body(), "frozen bytes never change");
            assertEquals(r.certificateSerial(), now.signerSerial());
            CmsVerifier.verifyDevice(now.signature(), now.body(), newCert);
            assertThrows(SignatureInvalid.class, () -> CmsVerifier.verifyDevice(now.signature(), now.body(), oldCert));
        }

        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem(), s.problemDetail());
        assertEquals(0, s.eventsWaiting());
        assertEquals(4, province.ledger.eventsStored());
        for (FrozenBatch old : frozen) {
            assertEquals(1, province.batchPosts(old.batchId().toString()), "sent once, under its frozen idempotency key");
            assertEquals(old.bodySha256(), province.ledger.receipts.get(old.batchId().toString()).bodySha256(),
                    "the province committed exactly the bytes frozen before the rekey");
            assertEquals(FrozenBatch.ACKED, desk.outbox.batch(old.batchId()).orElseThrow().state());
        }
        assertTrue(desk.store.verifyAudit().intact());
        assertEquals(List.of("quantri DEVICE_KEY_RENEWED"), auditOfKeys());
    }

    @Test
    void aLostAnswerIsAskedAgainWithTheVeryBytesAndTheNextSyncFinishesTheSwitch() throws Exception {
        desk.receive();
        DeviceEnrolments.Enrolment before = enrolment();
        province.answerDelay = Duration.ofSeconds(5);
        province.delayedAnswers = 1;
        assertEquals(SyncFailure.Reason.OFFLINE, failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        assertEquals(1, province.rekeys.committed(), "the province pinned the new certificate; its answer was lost");
        assertTrue(new DeviceRekeys(desk.store).pending().isPresent(), "the request is kept");
        assertArrayEquals(before.privateKey(), enrolment().privateKey(), "nothing switched without a verified answer");

        // the province now refuses the old key for batches: the next attempt finishes the renewal before sending
        desk.receive();
        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem(), s.problemDetail());
        assertEquals(0, s.eventsWaiting());
        assertEquals(2, province.ledger.eventsStored());
        assertEquals(2, province.rekeys.bodies.size());
        assertArrayEquals(province.rekeys.bodies.get(0), province.rekeys.bodies.get(1), "the same request bytes");
        assertEquals(province.rekeys.signatures.get(0), province.rekeys.signatures.get(1), "and the same signature");
        assertEquals(1, province.rekeys.committed());
        assertEquals(province.deviceCert, Certificates.parse(enrolment().deviceCertificate()));
        assertTrue(new DeviceRekeys(desk.store).pending().isEmpty());
    }

    @Test
    void anAnswerWithABadSignatureIsRefusedAndTheOldKeyKeepsWorking() throws Exception {
        province.rekeys.corruptSignature = true;
        forgedAnswerIsRefusedThenTheRequestIsFinished(UnaryOperator.identity());
    }

    @Test
    void anAnswerForOtherRequestBytesIsRefusedAndTheOldKeyKeepsWorking() throws Exception {
        forgedAnswerIsRefusedThenTheRequestIsFinished(a -> new RekeyResponse(a.deviceCertificate(), a.deviceId(),
                Sha256.hex(new byte[] {1, 2, 3}), a.serverTime()));
    }

    @Test
    void anAnswerCertifyingAnotherKeyIsRefusedAndTheOldKeyKeepsWorking() throws Exception {
        X509Certificate other = CertificateProfiles.device(province.ca, DeviceKeys.generate().getPublic(), province.deviceId,
                FakeProvince.UNIT, Instant.now());
        forgedAnswerIsRefusedThenTheRequestIsFinished(a -> new RekeyResponse(Certificates.der(other), a.deviceId(),
                a.requestSha256(), a.serverTime()));
    }

    /**
     * The province's answer is forged (nothing pinned there): the desk refuses it and changes nothing, keeps the
     * request, and goes on sending with the old key; once true answers come, the same request bytes complete.
     */
    private void forgedAnswerIsRefusedThenTheRequestIsFinished(UnaryOperator<RekeyResponse> forgery) throws Exception {
        DeviceEnrolments.Enrolment before = enrolment();
        province.rekeys.forgery = forgery;
        assertEquals(SyncFailure.Reason.RESPONSE_INVALID,
                failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        DeviceEnrolments.Enrolment unchanged = enrolment();
        assertArrayEquals(before.privateKey(), unchanged.privateKey());
        assertArrayEquals(before.deviceCertificate(), unchanged.deviceCertificate());
        assertTrue(new DeviceRekeys(desk.store).pending().isPresent(), "kept: a true answer may still come");

        // the old key keeps working: a sync (which tries the renewal again, refused again) sends with it
        desk.receive();
        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem(), s.problemDetail());
        assertEquals(1, province.ledger.eventsStored());
        FrozenBatch sent = desk.outbox.batch(desk.outbox.all().get(0).batchId().orElseThrow()).orElseThrow();
        CmsVerifier.verifyDevice(sent.signature(), sent.body(), Certificates.parse(before.deviceCertificate()));
        assertEquals(2, province.rekeys.bodies.size(), "the sync tried the kept request once more");
        assertEquals(0, province.rekeys.committed());

        province.rekeys.forgery = null;
        province.rekeys.corruptSignature = false;
        RekeyResult r = desk.engine.rekey("quantri", Role.ADMIN).join();
        assertTrue(r.sentAgain(), "the request kept was sent, not a new one");
        assertEquals(3, province.rekeys.bodies.size());
        province.rekeys.bodies.forEach(b -> assertArrayEquals(province.rekeys.bodies.get(0), b));
        assertEquals(province.deviceCert, Certificates.parse(enrolment().deviceCertificate()));
        desk.receive();
        assertEquals(Optional.empty(), desk.sync().problem());
        assertEquals(2, province.ledger.eventsStored());
    }

    @Test
    void onlyAnAdministratorRenewsTheKeyAndNothingIsSentOrStoredOtherwise() throws Exception {
        for (Role role : Role.values()) {
            if (role != Role.ADMIN) {
                assertEquals(SyncFailure.Reason.ADMIN_ONLY, failureOf(() -> desk.engine.rekey("tiepnhan1", role).join()));
            }
        }
        assertEquals(0, province.requestsTo("/rekey"));
        assertTrue(new DeviceRekeys(desk.store).pending().isEmpty());
    }

    @Test
    void aRevokedDeviceStopsSyncingAndKeepsItsKey() throws Exception {
        DeviceEnrolments.Enrolment before = enrolment();
        province.revoked = true;
        assertEquals(SyncFailure.Reason.DEVICE_REVOKED, failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        SyncStatus s = desk.engine.status();
        assertEquals(Optional.of(SyncProblem.DEVICE_REVOKED), s.problem());
        assertTrue(s.stopped(), "re-enrolment is needed");
        assertArrayEquals(before.privateKey(), enrolment().privateKey());
    }

    @Test
    void aBusyProvinceIsAskedAgainWithTheSameRequestAndARefusalForGoodForgetsIt() throws Exception {
        province.rekeys.nextProblem = ProblemType.REQUEST_IN_PROGRESS;
        assertEquals(SyncFailure.Reason.SERVER_BUSY, failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        assertTrue(new DeviceRekeys(desk.store).pending().isPresent());
        assertFalse(desk.engine.status().stopped());
        assertTrue(desk.engine.rekey("quantri", Role.ADMIN).join().sentAgain());
        assertArrayEquals(province.rekeys.bodies.get(0), province.rekeys.bodies.get(1));

        // a refusal for good (here nonce-reused, 422): the server stored nothing, the request and its key are forgotten
        DeviceEnrolments.Enrolment current = enrolment();
        province.rekeys.nextProblem = ProblemType.NONCE_REUSED;
        assertEquals(SyncFailure.Reason.SERVER_REFUSED, failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        assertTrue(new DeviceRekeys(desk.store).pending().isEmpty());
        assertArrayEquals(current.privateKey(), enrolment().privateKey());
        assertFalse(desk.engine.status().stopped(), "syncing goes on with the current key");
        desk.receive();
        assertEquals(Optional.empty(), desk.sync().problem());
        // the next renewal is a new request (new key, new nonce)
        desk.engine.rekey("quantri", Role.ADMIN).join();
        assertFalse(Arrays.equals(province.rekeys.bodies.get(2), province.rekeys.bodies.get(3)));
        assertEquals(2, province.rekeys.committed());
    }

    @Test
    void aReEnrolmentForgetsARekeyStillWaitingForItsAnswer() throws Exception {
        province.answerDelay = Duration.ofSeconds(5);
        province.delayedAnswers = 1;
        assertEquals(SyncFailure.Reason.OFFLINE, failureOf(() -> desk.engine.rekey("quantri", Role.ADMIN).join()));
        assertTrue(new DeviceRekeys(desk.store).pending().isPresent());
        // the province's admin issues a re-enrolment code instead (e.g. the old key is thought compromised)
        desk.enrol(province);
        assertTrue(new DeviceRekeys(desk.store).pending().isEmpty(), "signed by a key the desk no longer holds");
        desk.receive();
        assertEquals(Optional.empty(), desk.sync().problem(), "the next attempt does not resend the void request");
        assertEquals(1, province.rekeys.bodies.size());
        assertEquals(1, province.ledger.eventsStored());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    private DeviceEnrolments.Enrolment enrolment() {
        return new DeviceEnrolments(desk.store).current().orElseThrow();
    }

    /** Freezes two batches of about 1 KiB of gzip each (signed with the current key) without sending them. */
    private List<FrozenBatch> freezeTwoSmallBatches() {
        List<FrozenBatch> frozen = desk.engine.onEngineThread(ctx -> {
            List<FrozenBatch> out = new ArrayList<>();
            try {
                for (int i = 0; i < 2; i++) {
                    out.add(BatchFreezer.freezeNext(ctx, 1024).orElseThrow());
                }
            } catch (CycleFailure e) {
                throw new AssertionError(e);
            }
            return out;
        }).join();
        assertEquals(2, frozen.size());
        assertTrue(desk.outbox.waiting() > 0);
        return frozen;
    }

    /** Rows of the enrolment and of a pending rekey that hold {@code key}. */
    private long rowsHolding(byte[] key) {
        return desk.store.read(c -> {
            long n = 0;
            for (String table : List.of("sync_enrolment", "sync_rekey_request", "sync_enrolment_request")) {
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + table + " WHERE private_key = ?")) {
                    ps.setBytes(1, key);
                    try (ResultSet rs = ps.executeQuery()) {
                        rs.next();
                        n += rs.getLong(1);
                    }
                }
            }
            return n;
        });
    }

    private List<String> auditOfKeys() {
        return desk.store.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT actor, action FROM audit_log WHERE action LIKE 'DEVICE_KEY%'");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1) + " " + rs.getString(2));
                }
            }
            return out;
        });
    }

    private static SyncFailure.Reason failureOf(Runnable call) {
        CompletionException e = assertThrows(CompletionException.class, call::run);
        return assertInstanceOf(SyncFailure.class, e.getCause()).reason();
    }
}
