package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierWorkflow;
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
    private static final Procedure BIRTH = TestDesk.CATALOGUE.latest("1.001193").orElseThrow();

    private static Path dir;
    private static Province province;
    private static List<String> serverOptions;
    private static FaultProxy proxy;
    private static final List<TestDesk> desks = new ArrayList<>();
    private static final List<List<UUID>> received = new ArrayList<>();
    /** Per desk: how many things it did, so every reception and handover comes later than the one before. */
    private static final List<int[]> steps = new ArrayList<>();

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
            received.add(new ArrayList<>());
            steps.add(new int[1]);
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
        receive(desk, 9_000);
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
        for (int d = 0; d < DESKS; d++) {
            work(d, random);
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

    /** Receives 0–3 dossiers and hands over up to 2 earlier ones, as a desk does between two syncs. */
    private static void work(int d, Random random) {
        TestDesk desk = desks.get(d);
        List<UUID> mine = received.get(d);
        int count = random.nextInt(4);
        for (int i = 0; i < count; i++) {
            mine.add(receive(desk, steps.get(d)[0]++));
        }
        for (int i = 0; i < 2 && !mine.isEmpty(); i++) {
            UUID id = mine.remove(random.nextInt(mine.size()));
            LocalDateTime at = moment(steps.get(d)[0]++);
            new DossierWorkflow(desk.store, TestDesk.DEADLINES).take(id, DossierAction.HAND_OVER_FOR_PROCESSING,
                    Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", at);
        }
    }

    private static UUID receive(TestDesk desk, int n) {
        LocalDateTime at = moment(n);
        String cid = String.format("001085%06d", (int) (Math.abs((long) desk.name.hashCode() * 7919 + n) % 1_000_000));
        Applicant a = Applicant.citizen("Đỗ Văn Kiểm " + n, CitizenId.parse(cid, null), LocalDate.of(1985, 3, 2),
                "0912345678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn " + (n % 9 + 1)));
        return new DossierIntake(desk.store, TestDesk.DEADLINES).receive(new IntakeRequest(BIRTH, a,
                BIRTH.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1, Channel.IN_PERSON,
                ResultDelivery.COUNTER, at, "tiepnhan1", Optional.empty(), ""), Role.RECEIVING_OFFICER, at.plusMinutes(1)).id();
    }

    /** The desk's n-th moment, spread over days so no desk runs out of its 999 numbers a day. */
    private static LocalDateTime moment(int n) {
        return TestDesk.MORNING.plusDays(n / 100).plusMinutes(n % 100 * 3);
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }
}
