package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/** Scans attached at the counter and later: content-addressed, encrypted at rest, refused when not a scan. */
class ScannedDocumentsTest {

    private static final LocalDateTime AT = LocalDateTime.of(2026, 3, 10, 9, 0);
    private static final Locale VI = Locale.forLanguageTag("vi");

    @TempDir
    Path dir;
    private Store store;

    @BeforeEach
    void open() {
        store = StoreFixture.newStore(dir, "desk", 1);
    }

    @AfterEach
    void close() {
        store.close();
    }

    /** A scan-like file: the kind's real first bytes, then random bytes (with a marker to look for on disk). */
    static byte[] scan(String header, int size, long seed) {
        byte[] b = new byte[size];
        new Random(seed).nextBytes(b);
        byte[] h = header.getBytes(StandardCharsets.ISO_8859_1);
        System.arraycopy(h, 0, b, 0, h.length);
        byte[] marker = "CCCD-SCAN-MARKER-001085012345-Nguyen-Thi-Mai".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(marker, 0, b, size / 2, marker.length);
        return b;
    }

    static byte[] png(int size, long seed) {
        return scan("\u0089PNG\r\n\u001a\n", size, seed);
    }

    static byte[] pdf(int size, long seed) {
        return scan("%PDF-1.7\n", size, seed);
    }

    private Dossier receive(int n, List<ScanFile> scans) {
        IntakeRequest r = StoreFixture.intake(StoreFixture.birthRegistration(), n, AT);
        return new DossierIntake(store, StoreFixture.DEADLINES).receive(r, Role.RECEIVING_OFFICER, AT.plusMinutes(1), scans);
    }

    @Test
    void scansAtTheCounterGoInTheReceptionEventAndAreStoredOnce() throws Exception {
        ScanFile idCard = ScanFile.of("cccd.png", png(60_000, 1));
        ScanFile form = ScanFile.of("to-khai.pdf", pdf(90_000, 2));
        assertEquals(ScanKind.PNG, idCard.kind());
        assertEquals(ScanKind.PDF, form.kind());
        Dossier d = receive(1, List.of(idCard, form, ScanFile.of("cccd-again.png", png(60_000, 1))));

        List<ScannedDocuments.Attached> attached = new ScannedDocuments(store).of(d.id());
        assertEquals(List.of(idCard.sha256(), form.sha256()), attached.stream().map(ScannedDocuments.Attached::sha256).toList(),
                "in the order attached, the same bytes once");
        assertEquals("cccd.png", attached.get(0).fileName());
        assertTrue(attached.get(0).atReception());
        assertArrayEquals(form.bytes(), new ScannedDocuments(store).bytes(form.sha256()).orElseThrow());

        OutboxEvent e = new SyncOutbox(store).all().get(0);
        List<String> sorted = Stream.of(idCard.sha256(), form.sha256()).sorted().toList();
        assertEquals(sorted, e.blobs(), "the envelope lists the scans (§4.1, §9)");
        JsonNode payload = StrictJson.parseCanonical(e.payload());
        List<String> inPayload = new ArrayList<>();
        payload.path("attachments").forEach(h -> inPayload.add(h.asText()));
        assertEquals(sorted, inPayload);
        assertTrue(store.verifyOutbox().intact());

        // the same scan attached to another dossier is not stored again
        receive(2, List.of(ScanFile.of("cccd.png", png(60_000, 1))));
        assertEquals(2, store.count("scan_blob"));
        assertEquals(3, store.count("dossier_scan"));
    }

    @Test
    void aDossierDoneWithItsDigitisedResultSendsTheResultsNumberAndScanInTheActionItself() throws Exception {
        Dossier d = receive(1, List.of());
        DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
        workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "",
                AT.plusHours(1));
        ScanFile decision = ScanFile.of("giay-khai-sinh.pdf", pdf(30_000, 9)).forDocument("Kết quả giải quyết");
        LocalDateTime done = AT.plusHours(2);
        ValidationException noNumber = assertThrows(ValidationException.class, () -> workflow.markDone(d.id(),
                Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", done, " ", List.of(decision)));
        assertEquals("action.result.numberRequired", noNumber.violations().get(0).code());
        ValidationException noScan = assertThrows(ValidationException.class, () -> workflow.markDone(d.id(),
                Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", done, "15/GKS", List.of()));
        assertEquals("action.result.fileRequired", noScan.violations().get(0).code());
        assertEquals(2, new SyncOutbox(store).all().size(), "a refused result writes nothing");

        workflow.markDone(d.id(), Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", done, " 15/GKS ", List.of(decision));
        OutboxEvent e = new SyncOutbox(store).all().get(2);
        assertEquals(List.of(decision.sha256()), e.blobs(), "the envelope lists the result's scan (§9)");
        DossierActionTaken action = DossierActionTaken.read(StrictJson.parseCanonical(e.payload()));
        assertEquals("MARK_DONE", action.action());
        DossierActionTaken.DigitisedResult result = action.result().orElseThrow();
        assertEquals("15/GKS", result.number());
        assertEquals(decision.sha256(), result.files().get(0).sha256());
        assertEquals("Kết quả giải quyết", result.files().get(0).document());
        List<ScannedDocuments.Attached> scans = new ScannedDocuments(store).of(d.id());
        assertEquals(List.of(decision.sha256()), scans.stream().map(ScannedDocuments.Attached::sha256).toList(),
                "kept with the dossier's scans, shown in its detail");
        assertFalse(scans.get(0).atReception());
        assertTrue(store.verifyOutbox().intact());
    }

    @Test
    void scansAttachedLaterGoInAnAttachmentsAddedEventAndAgainIsNothingWritten() throws Exception {
        Dossier d = receive(1, List.of());
        ScanFile later = ScanFile.of("giay-xac-nhan.pdf", pdf(40_000, 3)).forDocument("Giấy chứng sinh");
        ScannedDocuments scans = new ScannedDocuments(store);
        assertEquals(1, scans.attach(d.id(), List.of(later), "tiepnhan1", AT.plusHours(1)).size());

        OutboxEvent e = new SyncOutbox(store).all().get(1);
        assertEquals("AttachmentsAdded", e.type());
        assertEquals(List.of(later.sha256()), e.blobs());
        AttachmentsAdded payload = AttachmentsAdded.read(StrictJson.parseCanonical(e.payload()));
        assertEquals(d.code().format(), payload.dossierCode());
        assertEquals("Giấy chứng sinh", payload.attachments().get(0).document());
        assertEquals("application/pdf", payload.attachments().get(0).mediaType());
        assertEquals(40_000, payload.attachments().get(0).size());
        assertFalse(scans.of(d.id()).get(0).atReception());

        long events = store.count("outbox");
        long audits = store.count("audit_log");
        assertTrue(scans.attach(d.id(), List.of(ScanFile.of("copy.pdf", pdf(40_000, 3))), "tiepnhan1", AT.plusHours(2)).isEmpty());
        assertEquals(events, store.count("outbox"), "attaching the same scan again writes nothing");
        assertEquals(audits, store.count("audit_log"));
        assertTrue(store.verifyOutbox().intact());
        assertTrue(store.verifyAudit().intact());
    }

    @Test
    void bytesThatAreNotAScanAreRefusedByTheirContentNotTheirName() throws Exception {
        byte[] text = "MZ\u0090\u0000 this is a program renamed to look like a scan".getBytes(StandardCharsets.ISO_8859_1);
        ValidationException e = assertThrows(ValidationException.class, () -> ScanFile.of("scan.pdf", text));
        assertEquals("Tệp scan.pdf không phải ảnh quét (JPEG, PNG, TIFF) hay PDF; không thể đính kèm.", e.messages(VI));
        assertEquals(ScanKind.JPEG, ScanFile.of("no-extension", new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, 1}).kind());
        assertEquals(ScanKind.TIFF, ScanFile.of("a.tif", new byte[] {'I', 'I', 42, 0, 8}).kind());
        assertEquals(ScanKind.TIFF, ScanFile.of("b.tif", new byte[] {'M', 'M', 0, 42, 8}).kind());
        ValidationException empty = assertThrows(ValidationException.class, () -> ScanFile.of("trong.png", new byte[0]));
        assertEquals("Tệp trong.png rỗng, không phải bản quét; không có gì được lưu.", empty.messages(VI));
    }

    @Test
    void aFileOverTheLimitIsRefusedBeforeItIsRead() throws Exception {
        Path big = dir.resolve("quet-300dpi.pdf");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.write("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII));
            f.setLength(ScanFile.MAX_BYTES + 1);
        }
        ValidationException e = assertThrows(ValidationException.class, () -> ScanFile.read(big));
        assertEquals("Tệp quet-300dpi.pdf nặng 20,0 MB, vượt giới hạn 20,0 MB của một bản quét; hãy quét lại với độ phân giải "
                + "thấp hơn hoặc tách thành nhiều tệp.", e.messages(VI));
        Path ok = Files.write(dir.resolve("ok.pdf"), pdf(1000, 4));
        assertEquals(Sha256.hex(Files.readAllBytes(ok)), ScanFile.read(ok).sha256());
    }

    @Test
    void aRefusedReceptionLeavesNoScanBehind() {
        IntakeRequest noDocuments = new IntakeRequest(StoreFixture.birthRegistration(),
                StoreFixture.intake(StoreFixture.birthRegistration(), 1, AT).applicant(), List.of(), 1,
                org.motcua.core.dossier.Channel.IN_PERSON, org.motcua.core.dossier.ResultDelivery.COUNTER, AT, "tiepnhan1",
                java.util.Optional.empty(), "");
        assertThrows(ValidationException.class, () -> new DossierIntake(store, StoreFixture.DEADLINES)
                .receive(noDocuments, Role.RECEIVING_OFFICER, AT.plusMinutes(1), List.of(ScanFile.of("a.png", png(5000, 5)))));
        assertEquals(0, store.count("scan_blob"));
        assertEquals(0, store.count("outbox"));
    }

    @Test
    void aScanIsNotReadableFromTheDatabaseFileOnDisk() throws Exception {
        byte[] bytes = png(200_000, 6);
        receive(1, List.of(ScanFile.of("cccd.png", bytes)));
        store.close();
        byte[] marker = "CCCD-SCAN-MARKER-001085012345".getBytes(StandardCharsets.US_ASCII);
        byte[] chunk = java.util.Arrays.copyOfRange(bytes, 100, 164);
        try (Stream<Path> files = Files.list(dir)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                byte[] disk = Files.readAllBytes(f);
                assertFalse(contains(disk, marker), "the scan's text is readable in " + f);
                assertFalse(contains(disk, chunk), "the scan's bytes are readable in " + f);
            }
        }
        store = Store.open(dir.resolve("desk"), StoreFixture.KEY);
        assertArrayEquals(bytes, new ScannedDocuments(store).bytes(Sha256.hex(bytes)).orElseThrow());
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= hay.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
