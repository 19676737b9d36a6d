package org.motcua.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BootStateTest {

    @TempDir
    Path install;

    /** One start as the boot makes it, through the file, as across processes. */
    private BootState start() throws IOException {
        BootState s = BootState.load(install);
        s.beforeStart();
        s.save(install);
        return BootState.load(install);
    }

    private void confirm() throws IOException {
        BootState s = BootState.load(install);
        s.confirm();
        s.save(install);
    }

    private void stage(String v) throws IOException {
        BootState s = BootState.load(install);
        s.stage(v);
        s.save(install);
    }

    @Test
    void aFreshInstallationStartsItsOwnConfigurationConfirmed() throws IOException {
        BootState s = start();
        assertEquals(BootState.ORIGINAL, s.current());
        assertTrue(s.confirmed());
        assertEquals(0, s.tries());
    }

    @Test
    void aStagedVersionStartsNextAndStaysOnceConfirmed() throws IOException {
        stage("0.1.0.2");
        BootState s = start();
        assertEquals("0.1.0.2", s.current());
        assertEquals(Optional.of(BootState.ORIGINAL), s.previous());
        assertFalse(s.confirmed());
        assertEquals(1, s.tries());
        confirm();
        for (int i = 0; i < 3; i++) {
            s = start();
        }
        assertEquals("0.1.0.2", s.current());
        assertEquals(0, s.tries());
    }

    @Test
    void twoUnconfirmedStartsRollBackAtTheThirdAndRefuseTheVersion() throws IOException {
        stage("0.1.0.2");
        confirm(); // nothing to confirm yet: the original is already confirmed
        start();
        confirm();
        stage("0.1.0.3");
        assertEquals("0.1.0.3", start().current());
        assertEquals("0.1.0.3", start().current());
        BootState third = start();
        assertEquals("0.1.0.2", third.current());
        assertTrue(third.confirmed());
        assertEquals(Set.of("0.1.0.3"), third.refused());
        assertTrue(third.lastEvent().orElseThrow().startsWith("rolled-back 0.1.0.3 0.1.0.2"));
        assertEquals(Optional.empty(), third.previous());
    }

    @Test
    void theOfficersRollbackGoesToThePreviousVersionAndRefusesTheCurrent() throws IOException {
        stage("0.1.0.2");
        start();
        confirm();
        BootState s = BootState.load(install);
        assertTrue(s.requestRollback());
        s.save(install);
        BootState after = start();
        assertEquals(BootState.ORIGINAL, after.current());
        assertEquals(Set.of("0.1.0.2"), after.refused());
        assertEquals(Optional.empty(), after.previous(), "the refused version is no way back");
        assertFalse(BootState.load(install).requestRollback());
    }

    @Test
    void aCancelledLoginDoesNotCountAsAFailedStart() throws IOException {
        stage("0.1.0.2");
        start();
        for (int i = 0; i < 3; i++) {   // the officer opens the new version and closes its login window, three times
            BootState s = BootState.load(install);
            s.abandon();
            s.save(install);
            start();
        }
        BootState s = BootState.load(install);
        assertEquals("0.1.0.2", s.current(), "still the new version, never confirmed and never failed");
        assertEquals(1, s.tries());
        s.abandon();
        s.save(install);
        start();
        assertEquals("0.1.0.2", start().current(), "two starts that did not get to the login count again");
        assertEquals(BootState.ORIGINAL, start().current());
    }

    @Test
    void aRefusedVersionIsDroppedFromPendingAndSaysWhy() throws IOException {
        stage("0.1.0.2");
        BootState s = BootState.load(install);
        s.refuse("0.1.0.2", BootState.REFUSED_MISMATCH + " plugins/org.motcua.ui_0.1.0.2.jar");
        s.save(install);
        BootState after = start();
        assertEquals(BootState.ORIGINAL, after.current());
        assertEquals(Optional.empty(), after.pending());
        assertEquals(Set.of("0.1.0.2"), after.refused());
        assertEquals("refused 0.1.0.2 mismatch plugins/org.motcua.ui_0.1.0.2.jar", after.lastEvent().orElseThrow());
    }

    @Test
    void anOlderBootIgnoresKeysItDoesNotKnow() throws IOException {
        Files.createDirectories(BootState.file(install).getParent());
        Files.writeString(BootState.file(install), "current=0.1.0.2\nconfirmed=true\nsomethingNew=1\n");
        assertEquals("0.1.0.2", start().current());
    }
}
