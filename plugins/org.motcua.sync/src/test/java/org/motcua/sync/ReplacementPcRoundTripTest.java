package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.RestoredDossiers;
import org.motcua.store.ScanFile;
import org.motcua.store.ScannedDocuments;
import org.motcua.sync.faults.FaultProxy;

/**
 * Issue 10's replacement PC, end to end against the real province server over loopback HTTP, with real H2 files on
 * both sides: a desk receives dossiers (one with a scan at the counter, one with a scan added later), acts on them and
 * syncs; its disk dies. A new PC takes over the same device identity with a re-enrolment code and restores from the
 * province: the open dossiers come back with their timelines and scans, every payload byte for byte, nothing is queued
 * to be sent again, a cut restore goes on from where it stopped, a second restore adds nothing, and the next dossier
 * code and register entry lie past everything the old PC issued, which the province accepts without a collision.
 */
class ReplacementPcRoundTripTest {

    private static final String UNIT = "000.00.07.H99";
    private static final String UNIT_NAME = "UBND xã Thay Máy";

    @TempDir
    Path dir;

    @Test
    void aReplacementPcRecoversItsCommunesDossiersAndNumbersOnFromThem() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, UNIT_NAME);
        TestDesk old = TestDesk.create(dir, "old", UNIT, 2);
        FaultProxy proxy = null;
        TestDesk replacement = null;
        try {
            byte[] counterScan = pdf(40_000, 1);
            byte[] laterScan = pdf(30_000, 2);
            Dossier withScan = old.receiveWithScans(List.of(ScanFile.of("cccd.pdf", counterScan)));
            Dossier handedOver = old.receive();
            DossierWorkflow workflow = new DossierWorkflow(old.store, TestDesk.DEADLINES);
            workflow.take(handedOver.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1",
                    "xuly1", "", TestDesk.MORNING.plusHours(1));
            new ScannedDocuments(old.store).attach(handedOver.id(), List.of(ScanFile.of("giay-to-bo-sung.pdf", laterScan)),
                    "tiepnhan1", TestDesk.MORNING.plusHours(1));
            Dossier withdrawn = old.receive();
            workflow.take(withdrawn.id(), DossierAction.WITHDRAW, Role.RECEIVING_OFFICER, "tiepnhan1", "", "Công dân xin rút",
                    TestDesk.MORNING.plusHours(2));
            Dossier returned = old.receive();
            workflow.take(returned.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1",
                    "", TestDesk.MORNING.plusHours(1));
            workflow.take(returned.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "",
                    TestDesk.MORNING.plusHours(2));
            workflow.returnResult(returned.id(), ResultReturn.byApplicant(Optional.of(Satisfaction.SATISFIED), ""),
                    Role.RECEIVING_OFFICER, "tiepnhan1", TestDesk.MORNING.plusHours(3));
            Set<UUID> open = Set.of(withScan.id(), handedOver.id());
            List<Dossier> issued = List.of(withScan, handedOver, withdrawn, returned);

            try (Province province = Province.start(data)) {
                proxy = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                old.enrol(proxy.baseUri(), code);
                SyncStatus s = old.sync();
                assertTrue(s.problem().isEmpty(), s.toString());
                assertEquals(0, pendingEvents(old), "the old PC's work all reached the province");
            }
            OldDesk oldPc = OldDesk.of(old, issued);
            String deviceId = old.store.device().deviceId().toString();
            String reenrol = Province.reenrolmentCode(data, UNIT, UNIT_NAME, deviceId);
            old.close();   // the old PC's disk dies here

            replacement = TestDesk.replacement(dir, "new", old.store.device());
            try (Province province = Province.start(data)) {
                proxy.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                replacement.enrol(proxy.baseUri(), reenrol);

                TestDesk officer = replacement;
                assertEquals(SyncFailure.Reason.ADMIN_ONLY, failure(() -> officer.engine
                        .restoreFromProvince(false, "tiepnhan1", Role.RECEIVING_OFFICER).join()).reason());

                // one dossier per page; the link drops as the second page is asked for, and stays down
                AtomicInteger pageRequests = new AtomicInteger();
                FaultProxy link = proxy;
                proxy.setTap(new FaultProxy.Tap() {
                    @Override
                    public byte[] entering(int connection, boolean up, byte[] bytes) {
                        if (up && new String(bytes, StandardCharsets.ISO_8859_1).contains("/dossier-history?")
                                && pageRequests.incrementAndGet() >= 2) {   // a retry is cut too
                            link.cutAll();
                        }
                        return bytes;
                    }
                });
                assertEquals(SyncFailure.Reason.OFFLINE, failure(() -> officer.engine
                        .restoreFromProvince(false, "quantri", Role.ADMIN, 1).join()).reason());
                RestoredDossiers restored = new RestoredDossiers(replacement.store);
                RestoredDossiers.Cursor cut = restored.cursor().orElseThrow();
                assertFalse(cut.finished());
                assertEquals(1, replacement.store.dossierIds().size(), "the first page was stored with its cursor");
                proxy.setTap(FaultProxy.Tap.NONE);

                RestoreResult resumed = replacement.engine.restoreFromProvince(false, "quantri", Role.ADMIN, 1).join();
                assertEquals(1, resumed.dossiersRestored(), "the restore went on after the page it had stored: " + resumed);
                assertEquals(Set.copyOf(open), Set.copyOf(replacement.store.dossierIds()), "the open dossiers, and only those");
                assertEquals(1, resumed.scansDownloaded(), "the stored page's scan is not fetched again: " + resumed);

                for (UUID id : open) {
                    assertEquals(oldPc.dossier(id), replacement.store.dossier(id).orElseThrow(), "the dossier as the old PC had it");
                    assertEquals(oldPc.handovers(id), replacement.store.handovers(id), "its handover timeline");
                    List<byte[]> payloads = restored.events(id).stream().map(RestoredDossiers.StoredEvent::payload).toList();
                    assertEquals(oldPc.payloads(id).size(), payloads.size());
                    for (int i = 0; i < payloads.size(); i++) {
                        assertArrayEquals(oldPc.payloads(id).get(i), payloads.get(i), "payload " + i + " byte for byte");
                    }
                }
                ScannedDocuments scans = new ScannedDocuments(replacement.store);
                assertArrayEquals(counterScan, scans.bytes(Sha256.hex(counterScan)).orElseThrow());
                assertArrayEquals(laterScan, scans.bytes(Sha256.hex(laterScan)).orElseThrow());
                assertEquals(List.of("giay-to-bo-sung.pdf"), scans.of(handedOver.id()).stream()
                        .map(ScannedDocuments.Attached::fileName).toList());
                assertEquals(0, replacement.store.count("outbox"), "restored history is never queued to be sent again");

                RestoreResult all = replacement.engine.restoreFromProvince(true, "quantri", Role.ADMIN).join();
                assertEquals(2, all.dossiersRestored(), all.toString());
                assertEquals(2, all.dossiersKnown(), all.toString());
                assertEquals(issued.stream().map(Dossier::id).collect(Collectors.toSet()), Set.copyOf(replacement.store.dossierIds()));
                assertEquals(oldPc.handovers(returned.id()), replacement.store.handovers(returned.id()));
                long events = replacement.store.count("restored_event");
                RestoreResult again = replacement.engine.restoreFromProvince(true, "quantri", Role.ADMIN).join();
                assertEquals(new RestoreResult(0, 4, 0, 0, 0, 0), again, "a second restore adds nothing");
                assertEquals(events, replacement.store.count("restored_event"));

                Dossier next = replacement.receive();
                Set<String> oldCodes = issued.stream().map(d -> d.code().format()).collect(Collectors.toSet());
                assertFalse(oldCodes.contains(next.code().format()), next.code().format());
                assertEquals(1005, next.code().sequence(), "after the old PC's 1001..1004 of that day");
                assertEquals(5, next.registerEntry(), "after the old PC's entries 1..4 of book " + next.registerBook());
                SyncStatus s = replacement.sync();
                assertTrue(s.problem().isEmpty(), s.toString());
                assertEquals(0, pendingEvents(replacement));
                assertEquals(List.of(""), warnings(replacement), "the province saw no code collision");
            }
        } finally {
            if (replacement != null) {
                replacement.close();
            }
            if (proxy != null) {
                proxy.close();
            }
        }
    }

    /** What the old PC held of each dossier, read before its disk died. */
    private record OldDesk(Map<UUID, Dossier> dossiers, Map<UUID, List<HandoverRecord>> timelines, Map<UUID, List<byte[]>> events) {

        static OldDesk of(TestDesk desk, List<Dossier> issued) {
            Map<UUID, Dossier> dossiers = new HashMap<>();
            Map<UUID, List<HandoverRecord>> timelines = new HashMap<>();
            Map<UUID, List<byte[]>> events = new HashMap<>();
            for (Dossier d : issued) {
                dossiers.put(d.id(), desk.store.dossier(d.id()).orElseThrow());
                timelines.put(d.id(), desk.store.handovers(d.id()));
                events.put(d.id(), payloads(desk, d.id()));
            }
            return new OldDesk(dossiers, timelines, events);
        }

        Dossier dossier(UUID id) {
            return dossiers.get(id);
        }

        List<HandoverRecord> handovers(UUID id) {
            return timelines.get(id);
        }

        List<byte[]> payloads(UUID id) {
            return events.get(id);
        }

        private static List<byte[]> payloads(TestDesk desk, UUID id) {
            return desk.store.read(c -> {
                List<byte[]> out = new ArrayList<>();
                try (PreparedStatement ps = c.prepareStatement("SELECT payload FROM outbox WHERE aggregate_id = ? ORDER BY local_seq")) {
                    ps.setObject(1, id);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            out.add(rs.getBytes(1));
                        }
                    }
                }
                return out;
            });
        }
    }

    private static long pendingEvents(TestDesk desk) {
        return desk.store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outbox WHERE state <> 'ACKED'");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    private static List<String> warnings(TestDesk desk) {
        return desk.store.read(c -> {
            List<String> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT COALESCE(result_warnings, '') FROM outbox ORDER BY local_seq");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
            return out;
        });
    }

    private static SyncFailure failure(Runnable call) {
        CompletionException e = assertThrows(CompletionException.class, call::run);
        assertTrue(e.getCause() instanceof SyncFailure, String.valueOf(e.getCause()));
        return (SyncFailure) e.getCause();
    }

    private static byte[] pdf(int size, long seed) {
        byte[] scan = new byte[size];
        new Random(seed).nextBytes(scan);
        System.arraycopy("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), 0, scan, 0, 9);
        return scan;
    }
}
