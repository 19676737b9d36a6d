package org.motcua.sync.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.HolidayCalendarLoader;
import org.motcua.core.calendar.WorkingSessions;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.SampleCatalogueLoader;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.BackupLog;
import org.motcua.store.BackupRestore;
import org.motcua.store.BackupSet;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.DossierIntake;
import org.motcua.store.KeySlots;
import org.motcua.store.Store;

/**
 * The backup job on a real store with the desk's clock moved by hand: it backs up once a day, remembers that across a
 * restart, notes a missing stick, and what it made restores into a fresh directory with every dossier equal.
 */
class BackupSchedulerTest {

    static final ZoneId HANOI = ZoneId.of("Asia/Ho_Chi_Minh");
    static final char[] KEY = "backup-job-test-key-0001".toCharArray();
    static final char[] CODE = "ABCD-EFGH-JKMN-PQRS".toCharArray();
    static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 30);

    @TempDir
    Path dir;

    /** A clock the test moves. */
    static final class HandClock extends Clock {
        volatile Instant now;

        HandClock(LocalDateTime at) {
            set(at);
        }

        void set(LocalDateTime at) {
            now = at.atZone(HANOI).toInstant();
        }

        @Override
        public ZoneId getZone() {
            return HANOI;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    @Test
    void backsUpOnceADaySurvivesARestartAndRestoresDossierByDossier() throws Exception {
        Path usb = Files.createDirectories(dir.resolve("usb"));
        HandClock clock = new HandClock(MON);
        try (Store store = Store.create(dir.resolve("data/desk"), KEY, DeviceIdentity.newDevice("000.00.01.H99", "UBND xã Mẫu", 1))) {
            KeySlots.of(dir.resolve("data/desk")).put(KeySlots.RECOVERY_SLOT, CODE, KEY);
            var catalogue = SampleCatalogueLoader.load();
            store.addProcedures(catalogue.current());
            DossierIntake intake = new DossierIntake(store, new DeadlineCalculator(HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard())));
            Procedure p = catalogue.latest("1.001193").orElseThrow();
            for (int i = 0; i < 30; i++) {
                intake.receive(intake(p, i, MON.minusDays(1)), Role.RECEIVING_OFFICER, MON.minusDays(1));
            }
            new DeskSettings(store).put(DeskSettings.Key.BACKUP_DIRECTORY, usb.toString(), "quantri", Role.ADMIN, MON);

            BackupScheduler first = new BackupScheduler(store, clock, Duration.ofDays(1)).start(Duration.ZERO);
            waitFor(() -> first.looks.get() == 1);
            assertEquals(Optional.of(BackupLog.Attempt.GOOD), first.state().lastOutcome(), first.state().detail());
            assertEquals(Optional.of(MON), first.state().lastGood());
            first.close();

            // the desk is closed and opened again at noon: today's backup is done
            clock.set(MON.withHour(12));
            BackupScheduler second = new BackupScheduler(store, clock, Duration.ofDays(1)).start(Duration.ZERO);
            waitFor(() -> second.looks.get() == 1);
            assertEquals(1, second.backups().list().size(), "no second backup the same day");

            clock.set(MON.plusDays(1));
            second.lookNow();
            waitFor(() -> second.looks.get() == 2);
            List<BackupSet> sets = second.backups().list();
            assertEquals(List.of(MON, MON.plusDays(1)), sets.stream().map(BackupSet::takenAt).toList());
            assertTrue(sets.stream().allMatch(s -> s.lastCheck().orElseThrow().good()));

            // the stick is not plugged in on Wednesday: noted, and the warning comes after three days without a good one
            new DeskSettings(store).put(DeskSettings.Key.BACKUP_DIRECTORY, dir.resolve("unplugged").toString(), "quantri",
                    Role.ADMIN, MON);
            clock.set(MON.plusDays(2));
            second.lookNow();
            waitFor(() -> second.looks.get() == 3);
            assertEquals(Optional.of(BackupLog.Attempt.DIRECTORY_MISSING), second.state().lastOutcome());
            assertEquals(false, second.state().stale(MON.plusDays(4)));
            assertEquals(true, second.state().stale(MON.plusDays(4).plusMinutes(1)));
            second.close();

            BackupSet latest = sets.getLast();
            Path fresh = dir.resolve("replacement-pc/desk");
            char[] key = ((BackupRestore.Unlocked) BackupRestore.unlock(Role.ADMIN, fresh, latest, CODE, MON.plusDays(2)))
                    .databaseKey();
            assertTrue(BackupRestore.restore(latest, fresh, key, MON.plusDays(2)).check().good());
            try (Store copy = Store.open(fresh, key)) {
                assertTrue(copy.restoredFromOlderCopy());
                List<UUID> ids = store.dossierIds();
                assertEquals(30, ids.size());
                assertEquals(ids, copy.dossierIds());
                for (UUID id : ids) {
                    assertEquals(store.dossier(id), copy.dossier(id));
                }
            }
        }
    }

    /** Waits for the background job; fails after a minute (a hung job), never asserts on speed. */
    static void waitFor(BooleanSupplier done) throws InterruptedException {
        long until = System.nanoTime() + Duration.ofMinutes(1).toNanos();
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > until) {
                throw new AssertionError("the backup job did not get there within a minute");
            }
            Thread.sleep(20);
        }
    }

    static IntakeRequest intake(Procedure p, int n, LocalDateTime at) {
        Applicant a = Applicant.citizen("Trần Thị Bình " + n, CitizenId.parse(String.format("00118501%04d", n), null),
                LocalDate.of(1985, 3, 2), "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 1"));
        return new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), "");
    }
}
