package org.motcua.sync;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.motcua.store.Store;
import org.motcua.sync.faults.ConnectionFaults;
import org.motcua.sync.faults.FaultProxy;

/**
 * The end-to-end fault schedules shared by {@link FaultSchedulesTest} (a bounded run in CI) and
 * {@link FaultsBenchmark} ({@code ./motcua bench faults}): real province server processes, desks with real encrypted
 * stores and sync engines syncing through the fault proxy, and optionally a {@link Nemesis} that strikes once per
 * schedule at a random moment. Everything a schedule does comes from its seed, so a failure replays.
 */
final class FaultHarness implements AutoCloseable {

    private static final int FAULTY_ROUNDS = 3;
    /** Runs the desks' syncs side by side while the nemesis strikes (the common pool has one thread on two cores). */
    private static final java.util.concurrent.ExecutorService SYNCS = java.util.concurrent.Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "fault-schedule-sync");
        t.setDaemon(true);
        return t;
    });

    final Path dir;
    final List<TestDesk> desks = new ArrayList<>();
    final List<DeskWork> work = new ArrayList<>();
    /** Events written and acknowledged on stores that a restore replaced since. */
    final SetChecker.History history = new SetChecker.History();
    final Nemesis nemesis;
    /** The province's PostgreSQL, or null when it runs on its embedded H2 database (one instance only then). */
    private final ProvincePostgres postgres;
    private final List<String> databaseOptions;
    private final List<String> serverOptions;
    /** The instances of the province server, all on one database; the proxy spreads connections over them. */
    final List<Province> provinces = new ArrayList<>();
    final FaultProxy proxy;

    private FaultHarness(Path dir, ProvincePostgres postgres, List<String> databaseOptions, List<String> serverOptions,
            FaultProxy proxy) {
        this.dir = dir;
        this.postgres = postgres;
        this.databaseOptions = databaseOptions;
        this.serverOptions = serverOptions;
        this.proxy = proxy;
        this.nemesis = new Nemesis(this);
    }

    /**
     * Starts the province and enrols {@code count} desks of {@code unit}, each in a data directory of its own. With
     * {@code postgres}, the province runs as two server instances on one private PostgreSQL cluster, with the proxy
     * spreading connections (and replayed duplicates) across them; else as one instance on its embedded H2.
     */
    static FaultHarness start(String unit, int count, boolean postgres) throws Exception {
        Path dir = Files.createTempDirectory("motcua-faults");
        Path data = dir.resolve("province");
        ProvincePostgres pg = postgres ? ProvincePostgres.start() : null;
        List<String> db = pg == null ? List.of() : pg.serverOptions();
        List<String> codes = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            codes.add(Province.enrolmentCode(data, db, unit, "UBND xã Kiểm Thử"));
        }
        // The desks here sync as fast as the machine allows, far faster than a commune: the rate limits (and the
        // epochs a device may open, which restores use up) are raised, so the schedules test faults, not throttling.
        List<String> options = new ArrayList<>(Province.raisedRateLimits(dir));
        options.addAll(db);
        Province first = Province.start(data, options);
        FaultHarness h = new FaultHarness(dir, pg, db, options, FaultProxy.clean(address(first)));
        h.provinces.add(first);
        if (pg != null) {
            h.provinces.add(Province.start(data, options));
            h.proxy.setTargets(h.provinces.stream().map(FaultHarness::address).toList());
        }
        for (int i = 1; i <= count; i++) {
            // own directory per desk: a backup takes the folders beside the database, a restore puts them back there
            TestDesk desk = TestDesk.create(Files.createDirectories(dir.resolve("d" + i)), "desk" + i, unit, i);
            desk.enrol(h.proxy.baseUri(), codes.get(i - 1));
            h.desks.add(desk);
            h.work.add(new DeskWork(desk));
        }
        return h;
    }

    private static InetSocketAddress address(Province p) {
        return new InetSocketAddress("127.0.0.1", p.url().getPort());
    }

    /**
     * One schedule: new work on every desk, a few rounds of sync through a faulty link (the nemesis, when asked for,
     * strikes during one of them while every desk syncs at once), then the nemesis is undone, the link made clean and
     * every desk drains. Returns what the nemesis did.
     */
    String runSchedule(long seed, boolean withNemesis) throws Exception {
        Random random = new Random(seed);
        for (DeskWork w : work) {
            w.someWork(random);
        }
        Random faults = new Random(seed * 31 + 7);
        Random chaos = new Random(seed * 17 + 3);
        Nemesis.Action action = withNemesis ? Nemesis.Action.pick(chaos) : Nemesis.Action.NONE;
        int strikeRound = chaos.nextInt(FAULTY_ROUNDS);
        String done = "none";
        proxy.setFaults(n -> ConnectionFaults.random(faults, 3000));
        proxy.cutAll();   // connections kept alive from the clean drain get this schedule's faults too
        for (int round = 0; round < FAULTY_ROUNDS; round++) {
            if (round == strikeRound && action != Nemesis.Action.NONE) {
                done = strikeWhileSyncing(action, chaos, seed);
            } else {
                for (TestDesk desk : desks) {
                    desk.sync();
                }
            }
            if (withNemesis) {
                work.get(chaos.nextInt(work.size())).someWork(random);   // the counters go on working meanwhile
                nemesis.maybeBackUp(chaos, seed);
            }
        }
        nemesis.undoSkews();
        proxy.setFaults(n -> ConnectionFaults.NONE);
        proxy.cutAll();
        for (TestDesk desk : desks) {
            // the store says what waits: the status of an engine not started (the tests drive it) is only refreshed
            // by a sync, and work was done after the last one
            for (int tries = 0; tries < 20 && desk.outbox.waiting() > 0; tries++) {
                desk.sync();
            }
            if (desk.outbox.waiting() > 0) {
                throw new AssertionError("seed " + seed + " (nemesis: " + done + "): " + desk.name
                        + " did not drain on a clean link: " + desk.engine.status() + "\nprovince log:\n"
                        + String.join("\n", tail(provinces.get(0).output())));
            }
        }
        return done;
    }

    /** Every desk syncs at once; after a random pause the nemesis strikes; then every sync is waited for. */
    private String strikeWhileSyncing(Nemesis.Action action, Random chaos, long seed) throws Exception {
        List<CompletableFuture<SyncStatus>> syncs = new ArrayList<>();
        for (TestDesk desk : desks) {
            syncs.add(CompletableFuture.supplyAsync(desk::sync, SYNCS));
        }
        Thread.sleep(chaos.nextInt(200));
        String done = nemesis.strike(action, chaos, seed, syncs);
        for (CompletableFuture<SyncStatus> s : syncs) {
            try {
                s.get(120, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                // the sync of a desk that crashed under it: its engine was closed
            }
        }
        return done;
    }

    /** SIGKILLs instance {@code k} of the province and starts it again on the same database. */
    void killAndRestart(int k) throws Exception {
        provinces.get(k).kill();
        restart(k);
    }

    /** Starts instance {@code k} again after it was stopped or killed; the proxy follows its new port. */
    private void restart(int k) throws Exception {
        provinces.set(k, Province.start(dir.resolve("province"), serverOptions));
        proxy.setTargets(provinces.stream().map(FaultHarness::address).toList());
    }

    /**
     * The province admin's chain audit of everything stored ({@code verify-chains --events}): on H2 with the server
     * stopped (an embedded file has one owner) and started again; on PostgreSQL beside the running instances.
     */
    List<String> audit() throws Exception {
        if (postgres != null) {
            return Province.verifyChains(dir.resolve("province"), databaseOptions);
        }
        provinces.get(0).close();
        List<String> audit = Province.verifyChains(dir.resolve("province"));
        restart(0);
        return audit;
    }

    /** Replaces desk {@code i} by a new engine on the store at its data directory (the clock goes on as it was). */
    TestDesk reopen(int i, Store store) throws Exception {
        TestDesk old = desks.get(i);
        TestDesk desk = TestDesk.reopen(old.dir, old.name, store, old.clock);
        desks.set(i, desk);
        work.get(i).continueOn(desk);
        return desk;
    }

    /** The set checker over the province's audit, the desks' stores and the history of replaced stores. */
    SetChecker.Result check() throws Exception {
        return SetChecker.check(desks, audit(), history);
    }

    static LocalDateTime backupMoment(long n) {
        return TestDesk.MORNING.plusSeconds(n);
    }

    private static List<String> tail(List<String> lines) {
        return lines.subList(Math.max(0, lines.size() - 30), lines.size());
    }

    @Override
    public void close() throws Exception {
        desks.forEach(TestDesk::close);
        proxy.close();
        for (Province p : provinces) {
            p.close();
        }
        if (postgres != null) {
            postgres.close();
        }
    }
}
