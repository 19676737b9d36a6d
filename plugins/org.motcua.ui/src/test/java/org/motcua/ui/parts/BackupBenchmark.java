package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
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
import org.motcua.store.BackupCheck;
import org.motcua.store.BackupMaker;
import org.motcua.store.BackupSet;
import org.motcua.store.BackupVerifier;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;

/**
 * The daily backup of the benchmarks' big desk (300,000 dossiers by default, the UI benchmark's cached build): the time
 * to make it (H2's online BACKUP TO on its own connection) and to check it (out of the zip, opened read-only, outbox
 * and audit chains walked), and how long an intake waits while the backup runs, which shows the counter is not held.
 * Not a test: `-Dtest=BackupBenchmark -Dmotcua.test.excludes=none`.
 */
class BackupBenchmark {

    @TempDir
    Path dir;

    @Test
    void makeAndCheckTheBackupOfTheBigDesk() throws Exception {
        int count = Integer.getInteger("motcua.bench.dossiers", 300_000);
        Path cache = Path.of(System.getProperty("motcua.bench.data", System.getProperty("java.io.tmpdir")));
        Path deskDir = BenchDossiers.desk(cache, count, dir.resolve("desk"));
        Path usb = Files.createDirectories(dir.resolve("usb"));
        String size = count % 1000 == 0 ? (count / 1000) + "k" : String.valueOf(count);
        try (Desk desk = TestDesks.login(deskDir, Role.RECEIVING_OFFICER)) {
            System.out.printf("bench: database file %,d bytes%n", Files.size(desk.store().file()));
            Procedure p = desk.catalogue().current().getFirst();
            // The same intakes first without a backup: the machine's load alone, to compare with
            List<Long> baseline = new ArrayList<>();
            int n = 0;
            for (int i = 0; i < 30; i++) {
                long s = System.nanoTime();
                desk.intake().receive(request(p, n++, desk), Role.RECEIVING_OFFICER, desk.now());
                baseline.add(System.nanoTime() - s);
                Thread.sleep(300);
            }
            List<Long> intakeNanos = new ArrayList<>();
            long t0 = System.nanoTime();
            CompletableFuture<BackupSet> made = CompletableFuture.supplyAsync(() -> BackupMaker.make(desk.store(), usb, desk.now()));
            // The officer keeps receiving dossiers meanwhile, each a forced write, one every 300 ms (a busy counter is
            // slower); a day's range holds 999 numbers, so at most 900 of them.
            while (!made.isDone() && n < 930) {
                long s = System.nanoTime();
                desk.intake().receive(request(p, n++, desk), Role.RECEIVING_OFFICER, desk.now());
                intakeNanos.add(System.nanoTime() - s);
                Thread.sleep(300);
            }
            BackupSet set = made.join();
            double makeSeconds = (System.nanoTime() - t0) / 1e9;
            long t1 = System.nanoTime();
            BackupCheck check = BackupVerifier.check(desk.store(), set, desk.now());
            double checkSeconds = (System.nanoTime() - t1) / 1e9;
            assertTrue(check.good(), check.detail());
            assertTrue(check.dossiers() >= count, "the backup holds the big desk: " + check.dossiers());
            System.out.printf("bench: backup %,d bytes, %,d dossiers, %d intakes during the backup%n",
                    Files.size(set.directory().resolve("desk.zip")), check.dossiers(), intakeNanos.size());
            report("backup." + size + ".make", makeSeconds, "s");
            report("backup." + size + ".verify", checkSeconds, "s");
            report("backup." + size + ".intake_without_backup.median", median(baseline), "ms");
            report("backup." + size + ".intake_without_backup.max", max(baseline), "ms");
            if (!intakeNanos.isEmpty()) {
                report("backup." + size + ".intake_during_backup.median", median(intakeNanos), "ms");
                report("backup." + size + ".intake_during_backup.max", max(intakeNanos), "ms");
            }
            assertEquals(set.takenAt(), desk.now());
        }
    }

    private static IntakeRequest request(Procedure p, int n, Desk desk) {
        Applicant a = Applicant.citizen("Lê Thị Hoa " + n, CitizenId.parse(String.format("00118501%04d", n % 10000), null),
                java.time.LocalDate.of(1985, 3, 2), "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 2"));
        return new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), Optional.empty(), "");
    }

    private static double median(List<Long> nanos) {
        return nanos.stream().sorted().toList().get(nanos.size() / 2) / 1e6;
    }

    private static double max(List<Long> nanos) {
        return nanos.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
    }
}
