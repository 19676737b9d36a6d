package org.motcua.sync;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;

/**
 * Sync speed on loopback against the fake province (not a test: `./motcua bench sync`). Prints
 * {@code BENCH <name> <value> <unit>} lines and asserts nothing about speed.
 */
class SyncBenchmark {

    private static final int EVENTS = Integer.getInteger("motcua.bench.syncEvents", 3000);

    @TempDir
    Path dir;

    @Test
    void loopbackSyncAndUsbExport() throws Exception {
        try (FakeProvince province = new FakeProvince(false); TestDesk desk = TestDesk.create(dir, "desk", 1)) {
            desk.enrol(province);
            receive(desk, EVENTS);
            long t = System.nanoTime();
            SyncStatus s = desk.sync();
            double seconds = (System.nanoTime() - t) / 1e9;
            if (s.eventsWaiting() != 0) {
                throw new AssertionError("not everything was sent: " + s);
            }
            long batches = province.requestsTo("/batches");
            report("sync.loopback.events_per_s", EVENTS / seconds, "events/s");
            report("sync.loopback.batches", batches, "batches");
            report("sync.loopback.events_per_batch", (double) EVENTS / batches, "events");
        }
        try (TestDesk desk = TestDesk.create(dir, "usb", 2); FakeProvince province = new FakeProvince(false)) {
            desk.enrol(province);
            receive(desk, EVENTS);
            long t = System.nanoTime();
            UsbResult.Export export = desk.engine.exportToUsb(dir).join();
            report("sync.usb.export_ms", (System.nanoTime() - t) / 1e6, "ms");
            report("sync.usb.export_kib", java.nio.file.Files.size(export.file()) / 1024.0, "KiB");
            t = System.nanoTime();
            Path reply = FakeUsbImport.importExport(province, export.file(), dir);
            long serverSide = System.nanoTime() - t;
            t = System.nanoTime();
            desk.engine.importFromUsb(reply).join();
            report("sync.usb.import_reply_ms", (System.nanoTime() - t) / 1e6, "ms");
            report("sync.usb.fake_server_import_ms", serverSide / 1e6, "ms");
        }
    }

    private static void receive(TestDesk desk, int n) {
        Procedure p = TestDesk.CATALOGUE.latest("1.001193").orElseThrow();
        List<IntakeRequest> requests = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            Applicant a = Applicant.citizen("Nguyễn Văn An " + i, CitizenId.parse(String.format("001085%06d", i), null), null,
                    "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
            requests.add(new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                    Channel.IN_PERSON, ResultDelivery.COUNTER, TestDesk.MORNING.minusDays(i / 500).plusSeconds(i % 500), "tiepnhan1",
                    java.util.Optional.empty(), ""));
        }
        new DossierIntake(desk.store, TestDesk.DEADLINES).receiveAll(requests, Role.RECEIVING_OFFICER,
                TestDesk.MORNING.plusHours(2));
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.1f %s", name, value, unit));
    }
}
