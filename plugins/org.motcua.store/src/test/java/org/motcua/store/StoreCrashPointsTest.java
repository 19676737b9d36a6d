package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bounded variant of the desk's crash points ({@link StoreCrashPoints}; {@code ./motcua bench faults} runs more):
 * a receiving desk halted at each of its first three writes at each point of a store write, every acknowledged
 * dossier whole afterwards, nothing half written, both chains intact.
 */
class StoreCrashPointsTest {

    @TempDir
    Path dir;

    @Test
    void aDeskHaltedAtEachPointOfItsFirstWritesKeepsEveryAcknowledgedDossierWhole() throws Exception {
        StoreCrashPoints.Run run = StoreCrashPoints.run(dir, 3);
        assertEquals(3 * StoreCrashPoints.POINTS.size(), run.points());
        assertTrue(run.acknowledged() > 0, "the desks acknowledged dossiers between the halts: " + run.acknowledged());
    }
}
