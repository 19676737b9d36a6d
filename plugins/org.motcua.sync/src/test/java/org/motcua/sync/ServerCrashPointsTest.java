package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The bounded variant of {@code ./motcua bench faults}' crash points ({@link ServerCrashPoints}): the province halted
 * before and after each of its first two ingest commits. After every restart nothing a desk holds acknowledged is
 * lost or stored twice, every chain verifies (no half batch), and no committed batch is sent again.
 */
class ServerCrashPointsTest {

    @Test
    void theProvinceHaltedAtEachIngestCommitLosesNothingAcknowledgedAndKeepsNoHalfBatch() throws Exception {
        long seed = Long.getLong("motcua.crash.seed", System.nanoTime());
        ServerCrashPoints.Run run = ServerCrashPoints.run(2, seed);
        String summary = "seed " + seed + ": " + run.result().summary();
        System.out.println("crash points: " + run.points() + " reached, " + summary);
        assertEquals(List.of(), run.missed(), "every crash point reached; " + summary);
        assertEquals(2 * ServerCrashPoints.POINTS.size(), run.points(), summary);
        assertTrue(run.result().clean(), summary);
        assertTrue(run.result().acknowledged() > 0 && run.result().acknowledged() == run.result().stored(), summary);
        assertEquals(0, run.resentCommittedBytes(), "batches sent again after their commit; " + summary);
    }
}
