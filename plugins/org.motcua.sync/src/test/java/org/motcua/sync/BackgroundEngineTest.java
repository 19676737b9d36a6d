package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine in the background, as the desk runs it: several devices in one JVM, each with its own store and engine,
 * syncing a debounce after each new event without blocking the caller, and telling listeners.
 */
class BackgroundEngineTest {

    @TempDir
    Path dir;

    @Test
    void severalDesksSyncOnTheirOwnAfterNewEvents() throws Exception {
        int n = 3;
        List<FakeProvince> provinces = new ArrayList<>();
        List<TestDesk> desks = new ArrayList<>();
        try {
            CountDownLatch allSynced = new CountDownLatch(n);
            for (int i = 0; i < n; i++) {
                provinces.add(new FakeProvince(false));
                TestDesk desk = TestDesk.createBackground(dir, "desk" + i, i + 1, Duration.ofMillis(200));
                desks.add(desk);
                desk.enrol(provinces.get(i));
                desk.engine.start();
                boolean[] counted = {false};
                desk.engine.addListener(s -> {
                    if (s.lastSuccess().isPresent() && s.eventsWaiting() == 0 && !counted[0] && s.problem().isEmpty()
                            && provinces.get(desks.indexOf(desk)).ledger.eventsStored() == 4) {
                        counted[0] = true;
                        allSynced.countDown();
                    }
                });
            }
            for (int d = 0; d < n; d++) {
                TestDesk desk = desks.get(d);
                for (int k = 0; k < 4; k++) {
                    desk.receive();   // the engine hears of it from the store: no call from the UI needed
                }
                if (d == 0) {
                    long t = System.nanoTime();
                    desk.engine.eventsChanged();
                    desk.engine.syncNow();
                    assertTrue(System.nanoTime() - t < TimeUnit.MILLISECONDS.toNanos(50), "the engine never blocks a caller");
                }
            }
            assertTrue(allSynced.await(30, TimeUnit.SECONDS), "every desk synced by itself");
            for (int i = 0; i < n; i++) {
                assertEquals(4, provinces.get(i).ledger.eventsStored());
                assertEquals(0, desks.get(i).engine.status().eventsWaiting());
            }
        } finally {
            desks.forEach(TestDesk::close);
            provinces.forEach(FakeProvince::close);
        }
    }

    @Test
    void anAttemptThatFailedIsRetriedOnItsOwn() throws Exception {
        try (FakeProvince province = new FakeProvince(false);
                TestDesk desk = TestDesk.createBackground(dir, "retry", 1, Duration.ofMillis(200))) {
            desk.enrol(province);
            // the first answer comes after the desk stopped waiting: the attempt fails after the server committed
            province.answerDelay = Duration.ofSeconds(5);
            province.delayedAnswers = 1;
            CountDownLatch failed = new CountDownLatch(1);
            CountDownLatch recovered = new CountDownLatch(1);
            desk.engine.addListener(s -> {
                if (s.problem().isPresent()) {
                    failed.countDown();
                } else if (failed.getCount() == 0 && s.lastSuccess().isPresent() && s.eventsWaiting() == 0) {
                    recovered.countDown();
                }
            });
            desk.receive();         // received before the engine runs (a desk that starts with work waiting)
            desk.engine.start();
            assertTrue(failed.await(20, TimeUnit.SECONDS), "the first attempt fails: " + desk.engine.status());
            // nobody presses "Đồng bộ ngay" and nothing new is received: the engine's own back-off brings it back
            assertTrue(recovered.await(20, TimeUnit.SECONDS), "retried by itself: " + desk.engine.status());
            assertEquals(1, province.ledger.eventsStored());
        }
    }
}
