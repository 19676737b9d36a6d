package org.motcua.sync.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** When a batch cut by the link cannot have reached the server, and when it may have. */
class UploadPaceTest {

    private static final long SECOND = 1_000_000_000L;

    @Test
    void withoutAMeasuredBatchEveryCutIsUncertain() {
        UploadPace pace = new UploadPace();
        assertFalse(pace.cannotHaveArrived(32_000, SECOND / 10), "nothing known of the link: ask state");
        pace.acknowledged(16_000, SECOND);   // a fast answer is mostly round trip: not a sample
        assertFalse(pace.cannotHaveArrived(32_000, SECOND / 10));
    }

    @Test
    void aBodyTheLinkCouldNotHaveCarriedYetCannotBeAtTheServer() {
        UploadPace pace = new UploadPace();
        pace.acknowledged(16_000, 6_500_000_000L);  // ~2.5 KB/s with the round trip: the commune link of the benchmark
        assertTrue(pace.cannotHaveArrived(32_000, 1_600_000_000L), "32 KB in 1.6 s needs 20 KB/s, 8 times the pace");
        assertFalse(pace.cannotHaveArrived(32_000, 4 * SECOND), "32 KB in 4 s needs 8 KB/s: a faster hour may do it");
        assertFalse(pace.cannotHaveArrived(2_000, SECOND / 2), "a small body may well have arrived");
    }

    @Test
    void theLinkGettingFasterMakesTheSenderCarefulSooner() {
        UploadPace pace = new UploadPace();
        pace.acknowledged(16_000, 8 * SECOND);
        boolean slowLink = pace.cannotHaveArrived(32_000, 3 * SECOND);
        pace.acknowledged(32_000, 3 * SECOND);
        assertTrue(slowLink);
        assertFalse(pace.cannotHaveArrived(32_000, 3 * SECOND), "after a fast batch, 3 s may be enough");
    }
}
