package org.motcua.sync;

import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.motcua.core.dossier.Dossier;
import org.motcua.store.ScanFile;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.sync.faults.ConnectionFaults;
import org.motcua.sync.faults.FaultProxy;
import org.motcua.sync.faults.LinkShape;

/**
 * One scan attached at the counter and sent by the desk's own engine (its schedule, its chunk sizes) to the
 * real province server through a {@link FaultProxy} with the commune link (4 KB/s, 1.5 s round trip, dropped every
 * 30 s from the start of the transfer), watched by an {@link UploadWatch}. Shared by the test and the benchmark.
 */
final class SlowBlobUpload {

    /** What happened: the transfer's time, the scan, the link's counters and the province's own check of its blobs. */
    record Run(double seconds, String sha256, long scanBytes, LinkShape link, long bytesUp, int connectionsCut,
            UploadWatch watch, boolean allAcknowledged, List<String> verifyBlobs, List<String> provinceLog) {

        double boundSeconds() {
            return (double) scanBytes / link.bytesPerSecond();
        }
    }

    private SlowBlobUpload() {
    }

    /** A JPEG-like scan: the JPEG signature, then bytes as incompressible as a photo's. */
    static byte[] scan(int size) {
        byte[] b = new byte[size];
        new Random(20261201).nextBytes(b);
        b[0] = (byte) 0xff;
        b[1] = (byte) 0xd8;
        b[2] = (byte) 0xff;
        byte[] note = "ho so quet 300 dpi".getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(note, 0, b, 3, note.length);
        return b;
    }

    /** Prints the blob requests, answers and drops since the last call: where the upload's time went. */
    private static int printTimeline(UploadWatch watch, FaultProxy slow, long since, int alreadyPrinted) {
        List<String> lines = new java.util.ArrayList<>(watch.timeline(since));
        slow.timeline(since).stream().filter(l -> l.contains("link cut")).forEach(lines::add);
        lines.sort(java.util.Comparator.comparingDouble(l -> Double.parseDouble(l.trim().split(" ")[0])));
        for (String l : lines.subList(Math.min(alreadyPrinted, lines.size()), lines.size())) {
            System.out.println("blob link: " + l);
        }
        return lines.size();
    }

    static Run run(Path dir, String unit, int tamperFrom, int scanBytes) throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, unit, "UBND xã Quét Hồ Sơ");
        LinkShape link = LinkShape.slowCommuneLink();
        UploadWatch watch = new UploadWatch(tamperFrom);
        ScanFile scan = ScanFile.of("ho-so-quet.jpg", scan(scanBytes));
        double seconds;
        long up;
        int cuts;
        boolean acked;
        List<String> log;
        try (Province province = Province.start(data, Province.raisedRateLimits(dir))) {
            InetSocketAddress server = new InetSocketAddress("127.0.0.1", province.url().getPort());
            try (FaultProxy slow = new FaultProxy(server, link, n -> ConnectionFaults.NONE);
                    TestDesk desk = TestDesk.createWithProductionConfig(dir, "scans", unit, 1)) {
                slow.setTap(watch);
                desk.enrol(slow.baseUri(), code);
                Dossier d = desk.receiveWithScans(List.of(scan));
                if (!desk.outbox.all().get(0).blobs().equals(List.of(scan.sha256()))) {
                    throw new AssertionError("the reception does not list its scan: " + d.code().format());
                }
                long up0 = slow.bytesUp();
                int cuts0 = slow.resets();
                slow.restartCutClock(link.cutEvery());
                long t = System.nanoTime();
                desk.engine.start();
                int printed = 0;
                long printedAt = t;
                while (desk.outbox.all().stream().anyMatch(e -> !OutboxEvent.ACKED.equals(e.state()))) {
                    if (System.nanoTime() - t > TimeUnit.MINUTES.toNanos(75)) {
                        break;
                    }
                    Thread.sleep(250);
                    if (System.nanoTime() - printedAt > TimeUnit.SECONDS.toNanos(30)) {
                        printed = printTimeline(watch, slow, t, printed);   // as it goes: a stalled run shows why
                        printedAt = System.nanoTime();
                    }
                }
                seconds = (System.nanoTime() - t) / 1e9;
                printTimeline(watch, slow, t, printed);
                acked = desk.outbox.all().stream().allMatch(e -> OutboxEvent.ACKED.equals(e.state()));
                up = slow.bytesUp() - up0;
                cuts = slow.resets() - cuts0;
                log = province.output();
            }
        }
        return new Run(seconds, scan.sha256(), scan.size(), link, up, cuts, watch, acked, Province.verifyBlobs(data), log);
    }
}
