package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.motcua.store.sync.OutboxEvent;

/**
 * The bounded CI run of {@link FaultsBenchmark}: a few seeded schedules of the fault proxy with the {@link Nemesis}
 * striking (province SIGKILLed, a desk's clock skewed by days, a desk ended abruptly, a desk restored from an older
 * backup) and two province instances on one PostgreSQL with connections spread across them, then the set checker
 * ({@code -Dmotcua.faults.seed=S -Dmotcua.faults.nemesisSchedules=1} replays one).
 * Also checks the checker on a restore: the province's copies of a restored desk's later events are expected, and
 * one the province acknowledged and then lost is counted.
 */
class NemesisSchedulesTest {

    private static final String UNIT = "000.00.13.H99";

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedWhenTheNemesisStrikes() throws Exception {
        int schedules = Integer.getInteger("motcua.faults.nemesisSchedules", 10);
        long base = Long.getLong("motcua.faults.seed", System.nanoTime());
        try (FaultHarness h = FaultHarness.start(UNIT, 3, true)) {
            for (int s = 0; s < schedules; s++) {
                long seed = base + s;
                System.out.println("nemesis: seed " + seed + ": " + h.runSchedule(seed, true));
            }
            SetChecker.Result r = h.check();
            System.out.println("nemesis: " + schedules + " schedules (first seed " + base + "), " + h.nemesis.summary()
                    + ", " + r.summary());
            assertTrue(r.clean(), "first seed " + base + ": " + r.summary());
        }
    }

    @Test
    void aRestoredDesksLaterEventsAreNeitherLostNorUnexpectedUnlessTheProvinceLostThem() throws Exception {
        try (FaultHarness h = FaultHarness.start(UNIT, 1, false)) {
            Random random = new Random(1);
            h.work.get(0).receive(1);
            h.desks.get(0).sync();
            while (h.nemesis.summary().endsWith("backups made 0")) {
                h.nemesis.maybeBackUp(random, 1);
            }
            h.work.get(0).receive(2);
            h.desks.get(0).sync();
            Set<String> later = h.desks.get(0).outbox.all().stream().map(e -> e.eventId().toString())
                    .collect(Collectors.toSet());
            h.nemesis.strike(Nemesis.Action.RESTORE_BACKUP, random, 1,
                    List.of(CompletableFuture.completedFuture(h.desks.get(0).engine.status())));
            assertEquals(1, h.nemesis.count(Nemesis.Action.RESTORE_BACKUP));
            Set<String> kept = h.desks.get(0).outbox.all().stream().map(e -> e.eventId().toString())
                    .collect(Collectors.toSet());
            later.removeAll(kept);
            assertFalse(later.isEmpty(), "the restored desk no longer has the events made after its backup");
            h.desks.get(0).sync();

            List<String> audit = new ArrayList<>(h.audit());
            SetChecker.Result r = SetChecker.check(h.desks, audit, h.history);
            assertTrue(r.clean(), r.summary());
            String gone = later.iterator().next();
            audit.removeIf(l -> l.startsWith("EVENT ") && l.split(" ").length == 6 && l.split(" ")[4].equals(gone));
            assertTrue(SetChecker.check(h.desks, audit, h.history).lost().contains(gone),
                    "an event acknowledged before the restore and missing at the province is lost");
            assertTrue(h.desks.get(0).outbox.all().stream().allMatch(e -> OutboxEvent.ACKED.equals(e.state())));
        }
    }
}
