package org.motcua.sync;

import java.nio.file.Path;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 5 MiB scan over the commune link (4 KB/s, 1.5 s round trip, dropped every 30 s), driven by the desk's own engine
 * (not a test: `./motcua bench sync`). Prints its time beside the bound, the scan's bytes over the bandwidth (goal: at
 * most 1.3 × the bound), and what the link carried; asserts nothing about speed.
 */
class BlobSlowLinkBenchmark {

    @TempDir
    Path dir;

    @Test
    void aFiveMegabyteScanOverTheCommuneLink() throws Exception {
        SlowBlobUpload.Run run = SlowBlobUpload.run(dir, "000.00.07.H99", Integer.MAX_VALUE, 5 * 1024 * 1024);
        if (!run.allAcknowledged() || !run.watch().chunksSentAgainAfterAcknowledgement().isEmpty()) {
            throw new AssertionError("the scan did not get through, or chunks went up again after their acknowledgement: "
                    + run.watch().chunksSentAgainAfterAcknowledgement());
        }
        report("sync.blob5mb.slow_link", run.seconds(), "s");
        report("sync.blob5mb.bound", run.boundSeconds(), "s");
        System.out.println(String.format(Locale.ROOT, "BENCH sync.blob5mb.ratio %.2f x", run.seconds() / run.boundSeconds()));
        report("sync.blob5mb.bytes_up", run.bytesUp(), "B");
        report("sync.blob5mb.connections_cut", run.connectionsCut(), "connections");
        report("sync.blob5mb.patches", run.watch().patchesSent(), "requests");
        report("sync.blob5mb.resent_acked_chunks", run.watch().chunksSentAgainAfterAcknowledgement().size(), "chunks");
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.1f %s", name, value, unit));
    }
}
