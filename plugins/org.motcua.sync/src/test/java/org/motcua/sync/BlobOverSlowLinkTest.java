package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A scan goes up to the real province server over the commune link (4 KB/s, 1.5 s round trip, dropped every 30 s),
 * with one chunk damaged on the way: the server refuses that chunk, no chunk goes up again once the desk was told it
 * was stored, and the province holds the scan whole (its own {@code verify-blobs} re-hashes the stored bytes). The link,
 * not the machine, sets the pace: the 5 MiB take about half an hour, so the test run sends 256 KiB (about two
 * minutes and four drops: resumption, the refused chunk and the no-resend rule all exercised) and
 * {@code -Dmotcua.test.scanBytes=5242880} sends the full size; {@code ./motcua bench sync} sends 5 MiB and fails if a
 * chunk went up again after its acknowledgement.
 */
class BlobOverSlowLinkTest {

    private static final String UNIT = "000.00.06.H99";
    private static final int SCAN_BYTES = Integer.getInteger("motcua.test.scanBytes", 256 * 1024);

    @TempDir
    Path dir;

    @Test
    void aScanGoesUpInChunksThatAreNeverSentTwiceAndATamperedChunkIsRefused() throws Exception {
        SlowBlobUpload.Run run = SlowBlobUpload.run(dir, UNIT, 3, SCAN_BYTES);

        assertTrue(run.allAcknowledged(), "the reception and its scan did not get through in 75 minutes");
        assertEquals(List.of(), run.watch().chunksSentAgainAfterAcknowledgement());
        // about once per 30 s of the bound (256 KiB: about twice, 5 MiB: more than 40); at least half of that
        assertTrue(run.connectionsCut() >= Math.max(1, (int) (run.boundSeconds() / 30) / 2),
                "the link dropped during the upload: " + run.connectionsCut());
        assertTrue(run.watch().patchesSent() > run.watch().patchAnswers(204) + run.watch().patchAnswers(200)
                + run.watch().patchAnswers(422), "some chunks were cut on the way (and sent again, unacknowledged)");
        assertTrue(run.watch().tampered() >= 1);
        assertTrue(run.watch().patchAnswers(422) >= 1, "the damaged chunk was refused (chunk-digest-mismatch)");
        assertEquals(1, run.watch().patchAnswers(200), "one chunk completed the scan");

        String line = run.verifyBlobs().stream().filter(l -> l.startsWith("BLOB ")).filter(l -> l.contains(run.sha256()))
                .findFirst().orElseThrow(() -> new AssertionError(String.join("\n", run.verifyBlobs())));
        assertEquals("BLOB " + UNIT + " " + run.sha256() + " " + run.scanBytes() + " " + run.scanBytes() + " complete "
                + run.sha256() + " ok", line, "the province's stored bytes hash to the scan's name");
    }
}
