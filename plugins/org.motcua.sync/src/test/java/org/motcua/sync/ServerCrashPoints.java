package org.motcua.sync;

import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.motcua.sync.faults.FaultProxy;

/**
 * The province server halted at exact places of ingest, one after another on the same data: for each crash point
 * ({@code ingest-before-commit}: every write of a batch done, the commit not; {@code ingest-after-commit}: committed, the
 * receipt not sent) and each N up to {@code commits}, a server started with {@code -Dmotcua.crashPoint=POINT:N} takes
 * batches from desks that keep working until it halts at its N-th batch, is started again without it, and the desks
 * drain. At the end the set checker compares what the desks hold acknowledged with what the province stored, the
 * province verifies every chain (a half-stored batch would break one), and its logs count the batches sent again after
 * they were committed ({@link DayOfWorkBenchmark#resentCommitted}): a desk whose answer the halt took must learn its
 * batch's fate from {@code state} and the stored receipt, not send it again. Shared by the test and the benchmark.
 */
final class ServerCrashPoints {

    static final List<String> POINTS = List.of("ingest-before-commit", "ingest-after-commit");
    private static final String UNIT = "000.00.07.H99";
    private static final int DESKS = 2;

    /** What the run saw. */
    record Run(int points, SetChecker.Result result, long resentCommittedBytes, List<String> missed) {
    }

    private ServerCrashPoints() {
    }

    static Run run(int commits, long seed) throws Exception {
        Path dir = Files.createTempDirectory("motcua-crash-points");
        Path data = dir.resolve("province");
        List<String> codes = Province.enrolmentCodes(data, UNIT, "UBND xã Sập Nguồn", DESKS);
        List<String> options = Province.raisedRateLimits(dir);
        Random random = new Random(seed);
        List<TestDesk> desks = new ArrayList<>();
        List<DeskWork> work = new ArrayList<>();
        List<String> missed = new ArrayList<>();
        long resent = 0;
        int points = 0;
        Province province = Province.start(data, options);
        try (FaultProxy proxy = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()))) {
            for (int i = 1; i <= DESKS; i++) {
                TestDesk desk = TestDesk.create(dir, "desk" + i, UNIT, i);
                desk.enrol(proxy.baseUri(), codes.get(i - 1));
                desks.add(desk);
                work.add(new DeskWork(desk));
            }
            province.close();
            for (String point : POINTS) {
                for (int n = 1; n <= commits; n++) {
                    Province crashing = Province.start(data, options, List.of("-Dmotcua.crashPoint=" + point + ":" + n));
                    proxy.setTarget(new InetSocketAddress("127.0.0.1", crashing.url().getPort()));
                    for (int round = 0; round < 10 * n && crashing.alive(); round++) {
                        for (int d = 0; d < DESKS && crashing.alive(); d++) {
                            work.get(d).someWork(random);
                            desks.get(d).sync();
                        }
                    }
                    if (!crashing.ended(30) || !crashing.output().contains("MOTCUA-CRASH-POINT " + point + ":" + n)) {
                        missed.add(point + ":" + n);
                        crashing.kill();
                    } else {
                        points++;
                    }
                    resent += DayOfWorkBenchmark.resentCommitted(crashing.output());
                    Province restarted = Province.start(data, options);
                    proxy.setTarget(new InetSocketAddress("127.0.0.1", restarted.url().getPort()));
                    for (TestDesk desk : desks) {
                        for (int tries = 0; tries < 20 && desk.engine.status().eventsWaiting() > 0; tries++) {
                            desk.sync();
                        }
                    }
                    restarted.close();
                    resent += DayOfWorkBenchmark.resentCommitted(restarted.output());
                }
            }
            SetChecker.Result result = SetChecker.check(desks, Province.verifyChains(data));
            return new Run(points, result, resent, missed);
        } finally {
            for (TestDesk desk : desks) {
                desk.close();
            }
        }
    }
}
