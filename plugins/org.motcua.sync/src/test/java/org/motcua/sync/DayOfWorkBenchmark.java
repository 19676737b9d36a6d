package org.motcua.sync;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.faults.ConnectionFaults;
import org.motcua.sync.faults.FaultProxy;
import org.motcua.sync.faults.LinkShape;

/**
 * A commune's day of 100 dossiers and their actions against the real province server (not a test:
 * {@code ./motcua bench sync}). Prints {@code BENCH} lines and asserts nothing about speed:
 * <ul>
 * <li>bytes on the wire per event when the day goes up in one go (the desk had no link, or a link came back), beside
 * the same events synced after every single action (a desk on a steady link) and beside one plain JSON POST per record;
 * <li>the same day over a 4 KB/s link with a 1.5 s round trip that drops every 30 s, driven by the desk's own engine
 * (its batch sizing and its retry schedule), beside the bound: the clean run's bytes over the bandwidth; and the bytes
 * of batches the province had already committed that went up again (from the province's own log).
 * </ul>
 */
class DayOfWorkBenchmark {

    private static final String UNIT = "000.00.04.H99";
    private static final int DOSSIERS = Integer.getInteger("motcua.bench.dayDossiers", 100);
    private static final Pattern REPLAY = Pattern.compile("\\((\\d+) bytes\\): replay of a committed batch");

    @TempDir
    Path dir;

    @Test
    void aDayOnTheWireAndOverASlowLink() throws Exception {
        Path data = dir.resolve("province");
        String[] codes = new String[3];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = Province.enrolmentCode(data, UNIT, "UBND xã Đo Lường");
        }
        try (Province province = Province.start(data, Province.raisedRateLimits(dir))) {
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", province.url().getPort());

            Wire batched;
            long naive;
            try (FaultProxy clean = FaultProxy.clean(server); TestDesk desk = TestDesk.create(dir, "batched", UNIT, 1)) {
                desk.enrol(clean.baseUri(), codes[0]);
                int events = DayOfWork.play(desk, DOSSIERS, () -> { });
                long up = clean.bytesUp();
                long down = clean.bytesDown();
                drain(desk);
                batched = new Wire(events, clean.bytesUp() - up, clean.bytesDown() - down);
                naive = NaivePosts.wireBytes(desk.outbox.all());
            }
            Wire live;
            try (FaultProxy clean = FaultProxy.clean(server); TestDesk desk = TestDesk.create(dir, "live", UNIT, 2)) {
                desk.enrol(clean.baseUri(), codes[1]);
                long up = clean.bytesUp();
                long down = clean.bytesDown();
                int events = DayOfWork.play(desk, DOSSIERS, () -> drain(desk));
                live = new Wire(events, clean.bytesUp() - up, clean.bytesDown() - down);
            }
            report("sync.bytes_per_event", batched.perEvent(), "B");
            report("sync.bytes_per_event_naive", (double) naive / batched.events, "B");
            report("sync.bytes_per_event.after_every_action", live.perEvent(), "B");
            report("sync.day100.events", batched.events, "events");

            LinkShape link = LinkShape.slowCommuneLink();
            int logLinesBefore = province.output().size();
            try (FaultProxy slow = new FaultProxy(server, link, n -> ConnectionFaults.NONE);
                    TestDesk desk = TestDesk.createWithProductionConfig(dir, "slow", UNIT, 3)) {
                desk.enrol(slow.baseUri(), codes[2]);
                DayOfWork.play(desk, DOSSIERS, () -> { });
                long up = slow.bytesUp();
                long down = slow.bytesDown();
                int drops = slow.resets();
                // the link drops 10 s into the transfer, then every 30 s: the day does not slip through between drops
                slow.restartCutClock(Duration.ofSeconds(10));
                long t = System.nanoTime();
                desk.engine.start();
                // the outbox itself, not the engine's published status (which is older than the first attempt)
                while (desk.outbox.all().stream().anyMatch(e -> !OutboxEvent.ACKED.equals(e.state()))) {
                    if (System.nanoTime() - t > TimeUnit.MINUTES.toNanos(20)) {
                        throw new AssertionError("the day did not get through in 20 minutes: " + desk.engine.status());
                    }
                    Thread.sleep(250);
                }
                double seconds = (System.nanoTime() - t) / 1e9;
                report("sync.day100.slow_link", seconds, "s");
                report("sync.day100.bound", (double) Math.max(batched.up, batched.down) / link.bytesPerSecond(), "s");
                report("sync.day100.slow_link_bytes_up", slow.bytesUp() - up, "B");
                report("sync.day100.clean_bytes_up", batched.up, "B");
                report("sync.day100.connections_cut", slow.resets() - drops, "connections");
                // the slow run's requests and drops: where the time above the bound went
                slow.timeline(t).forEach(line -> System.out.println("slow link: " + line));
            }
            List<String> log = province.output();
            report("sync.day100.resent_acked_bytes", resentCommitted(log.subList(logLinesBefore, log.size())), "B");
        }
    }

    /** Syncs until nothing waits (a clean link: one or two rounds). */
    private static void drain(TestDesk desk) {
        for (int i = 0; i < 10 && (i == 0 || desk.engine.status().eventsWaiting() > 0); i++) {
            desk.sync();
        }
        if (desk.engine.status().eventsWaiting() > 0) {
            throw new AssertionError("a clean link did not drain the desk: " + desk.engine.status());
        }
    }

    /** Bytes of batches sent again after the province had committed them: its log names every replay and its size. */
    static long resentCommitted(List<String> provinceLog) {
        long bytes = 0;
        for (String line : provinceLog) {
            Matcher m = REPLAY.matcher(line);
            if (m.find()) {
                bytes += Long.parseLong(m.group(1));
            }
        }
        return bytes;
    }

    private record Wire(int events, long up, long down) {
        double perEvent() {
            return (double) (up + down) / events;
        }
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.1f %s", name, value, unit));
    }
}
