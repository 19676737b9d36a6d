package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.motcua.sync.faults.ConnectionFaults;
import org.motcua.sync.faults.FaultProxy;

/**
 * Several desks, each with its own encrypted store and sync engine, receive dossiers and hand them over while syncing
 * with the real province server through the fault proxy: cuts after N bytes either way, answers lost after the server
 * committed, requests duplicated at once or later. Each schedule is seeded (the seed is in every failure message, and
 * {@code -Dmotcua.faults.seed=S -Dmotcua.faults.schedules=1} replays it); after its faulty rounds the link is made clean
 * and every desk drains. The set checker then compares what the desks hold acknowledged with what the province stored:
 * nothing lost, nothing duplicated, nothing unexpected, no dossier code used twice, every chain intact.
 */
class FaultSchedulesTest {

    private static final String UNIT = "000.00.02.H99";
    private static final int DESKS = 3;
    private static final int FAULTY_ROUNDS = 3;
    /** The province is audited after this many schedules (and after the last). */
    private static final int CHECK_EVERY = 50;

    private static Path dir;
    private static Province province;
    private static List<String> serverOptions;
    private static FaultProxy proxy;
    private static final List<TestDesk> desks = new ArrayList<>();
    private static final List<DeskWork> work = new ArrayList<>();

    @BeforeAll
    static void startProvinceAndEnrolDesks() throws Exception {
        dir = Files.createTempDirectory("motcua-faults");
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= DESKS; i++) {
            codes.add(Province.enrolmentCode(dir.resolve("province"), UNIT, "UBND xã Kiểm Thử"));
        }
        // The desks here sync as fast as the machine allows, far faster than a commune: the rate limits are raised (a
        // province may raise them, never lower them), so the schedules test faults, not throttling.
        serverOptions = Province.raisedRateLimits(dir);
        province = Province.start(dir.resolve("province"), serverOptions);
        proxy = FaultProxy.clean(new java.net.InetSocketAddress("127.0.0.1", province.url().getPort()));
        for (int i = 1; i <= DESKS; i++) {
            TestDesk desk = TestDesk.create(dir, "desk" + i, UNIT, i);
            desk.enrol(proxy.baseUri(), codes.get(i - 1));
            desks.add(desk);
            work.add(new DeskWork(desk));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        desks.forEach(TestDesk::close);
        if (proxy != null) {
            proxy.close();
        }
        if (province != null) {
            province.close();
        }
    }

    @Test
    void nothingAcknowledgedIsLostOrDuplicatedUnderRandomFaultSchedules() throws Exception {
        int schedules = Integer.getInteger("motcua.faults.schedules", 200);
        long base = Long.getLong("motcua.faults.seed", System.nanoTime());
        for (int s = 0; s < schedules; s++) {
            long seed = base + s;
            runSchedule(seed);
            if (s % CHECK_EVERY == CHECK_EVERY - 1 || s == schedules - 1) {
                SetChecker.Result r = checkWithProvinceStopped();
                assertTrue(r.clean(), "after schedule " + (s + 1) + " (seed " + seed + ", first seed " + base + "): "
                        + r.summary());
                System.out.println("faults: " + (s + 1) + " schedules, " + proxy.connections() + " connections, "
                        + proxy.resets() + " reset, " + r.summary());
                assertTrue(proxy.resets() > 0, "the schedules must really cut connections");
            }
        }
    }

    @Test
    void theCheckerCountsAnEventTheProvinceDoesNotHaveAsLost() throws Exception {
        TestDesk desk = desks.get(0);
        work.get(0).receive(9_000);
        desk.sync();
        province.close();
        List<String> audit = new ArrayList<>(Province.verifyChains(dir.resolve("province")));
        province = Province.start(dir.resolve("province"), serverOptions);
        proxy.setTarget(new java.net.InetSocketAddress("127.0.0.1", province.url().getPort()));
        String dropped = audit.stream().filter(l -> l.startsWith("EVENT ")).findFirst().orElseThrow();
        audit.remove(dropped);
        SetChecker.Result r = SetChecker.check(desks, audit);
        assertTrue(r.lost().contains(dropped.split(" ")[4]), r.summary());
        audit.add(dropped);
        audit.add(dropped);
        assertTrue(SetChecker.check(desks, audit).duplicated().contains(dropped.split(" ")[4]), "and one stored twice as duplicated");
    }

    /**
     * Stops the province, runs its admin's chain audit on what it stored, and starts it again (on a new port, which
     * the proxy follows: the desks keep the address they enrolled with).
     */
    private static SetChecker.Result checkWithProvinceStopped() throws Exception {
        province.close();
        List<String> audit = Province.verifyChains(dir.resolve("province"));
        province = Province.start(dir.resolve("province"), serverOptions);
        proxy.setTarget(new java.net.InetSocketAddress("127.0.0.1", province.url().getPort()));
        return SetChecker.check(desks, audit);
    }

    /** One schedule: new work on every desk, a few rounds of sync through a faulty link, then a clean drain. */
    private void runSchedule(long seed) throws Exception {
        Random random = new Random(seed);
        for (DeskWork w : work) {
            w.someWork(random);
        }
        Random faults = new Random(seed * 31 + 7);
        proxy.setFaults(n -> ConnectionFaults.random(faults, 3000));
        proxy.cutAll();   // connections kept alive from the clean drain get this schedule's faults too
        for (int round = 0; round < FAULTY_ROUNDS; round++) {
            for (TestDesk desk : desks) {
                desk.sync();
            }
        }
        proxy.setFaults(n -> ConnectionFaults.NONE);
        proxy.cutAll();
        for (TestDesk desk : desks) {
            for (int tries = 0; tries < 20 && desk.engine.status().eventsWaiting() > 0; tries++) {
                desk.sync();
            }
            if (desk.engine.status().eventsWaiting() > 0) {
                throw new AssertionError("seed " + seed + ": " + desk.name + " did not drain on a clean link: "
                        + desk.engine.status() + "\nprovince log:\n" + String.join("\n", tail(province.output())));
            }
        }
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }
}
