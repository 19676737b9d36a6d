package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.motcua.sync.faults.FaultProxy;

/**
 * The province server is SIGKILLed while desks sync — no shutdown hook, no orderly close of its H2 database — at a
 * random moment of each schedule (seeded; {@code -Dmotcua.kills.seed=S -Dmotcua.kills.schedules=1} replays one), then
 * started again on the same data. Every desk drains afterwards, and the set checker compares what the desks hold
 * acknowledged with what the province stored: nothing acknowledged lost (the province commits before it answers),
 * nothing stored twice, nothing unexpected, every chain intact. A batch committed just before the kill, whose answer
 * never left, is settled by the desk's state-and-receipt resume, not sent as new events.
 */
class ServerKillSchedulesTest {

    private static final String UNIT = "000.00.07.H99";
    private static final int DESKS = 3;

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedWhenTheProvinceIsKilledMidSync() throws Exception {
        int schedules = Integer.getInteger("motcua.kills.schedules", 6);
        long base = Long.getLong("motcua.kills.seed", System.nanoTime());
        Path dir = Files.createTempDirectory("motcua-kills");
        Path data = dir.resolve("province");
        List<String> codes = Province.enrolmentCodes(data, UNIT, "UBND xã Mất Điện", DESKS);
        List<String> options = Province.raisedRateLimits(dir);
        List<TestDesk> desks = new ArrayList<>();
        List<DeskWork> work = new ArrayList<>();
        Province province = Province.start(data, options);
        int killedMidSync = 0;
        try (FaultProxy proxy = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()))) {
            for (int i = 1; i <= DESKS; i++) {
                TestDesk desk = TestDesk.create(dir, "desk" + i, UNIT, i);
                desk.enrol(proxy.baseUri(), codes.get(i - 1));
                desks.add(desk);
                work.add(new DeskWork(desk));
            }
            for (int s = 0; s < schedules; s++) {
                long seed = base + s;
                Random random = new Random(seed);
                for (DeskWork w : work) {
                    w.someWork(random);
                    w.someWork(random);
                }
                List<CompletableFuture<SyncStatus>> syncs = desks.stream()
                        .map(d -> CompletableFuture.supplyAsync(d::sync)).toList();
                Thread.sleep(random.nextInt(150));
                if (syncs.stream().anyMatch(f -> !f.isDone())) {
                    killedMidSync++;
                }
                province.kill();
                syncs.forEach(CompletableFuture::join);
                province = Province.start(data, options);
                proxy.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                for (TestDesk desk : desks) {
                    for (int tries = 0; tries < 20 && desk.engine.status().eventsWaiting() > 0; tries++) {
                        desk.sync();
                    }
                    assertTrue(desk.engine.status().eventsWaiting() == 0, "seed " + seed + ": " + desk.name
                            + " did not drain after the restart: " + desk.engine.status());
                }
            }
            province.close();
            SetChecker.Result r = SetChecker.check(desks, Province.verifyChains(data));
            System.out.println("kills: " + schedules + " schedules (first seed " + base + "), " + killedMidSync
                    + " killed while a desk was syncing, " + r.summary());
            assertTrue(r.clean(), "first seed " + base + ": " + r.summary());
            assertTrue(r.acknowledged() > 0 && r.acknowledged() == r.stored(), r.summary());
            assertTrue(killedMidSync > 0, "no kill landed while a desk was syncing: the schedules tested nothing");
        } finally {
            desks.forEach(TestDesk::close);
            province.close();
        }
    }
}
