package org.motcua.boot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class InstallationTest {

    @TempDir
    Path dir;
    @TempDir
    Path downloads;
    Installation install;

    private static String info(String uiVersion) {
        return "#version=1\norg.eclipse.equinox.launcher,1.8.0,plugins/launcher_1.8.0.jar,4,false\n"
                + "org.motcua.ui," + uiVersion + ",plugins/ui_" + uiVersion + ".jar,4,false\n";
    }

    @BeforeEach
    void product() throws IOException {
        Files.createDirectories(dir.resolve("plugins"));
        Files.writeString(dir.resolve("plugins/launcher_1.8.0.jar"), "launcher");
        Files.writeString(dir.resolve("plugins/ui_0.1.0.1.jar"), "ui 1");
        Files.createDirectories(dir.resolve("configuration/org.eclipse.equinox.simpleconfigurator"));
        Files.writeString(dir.resolve("configuration/config.ini"), "osgi.bundles=x\n");
        Files.writeString(dir.resolve("configuration/" + Installation.BUNDLES_INFO), info("0.1.0.1"));
        install = new Installation(dir);
    }

    private Path downloaded(String name, String content) throws IOException {
        Path p = downloads.resolve(name);
        Files.writeString(p, content);
        return p;
    }

    @Test
    void stagingAddsTheNewBundlesAndAConfigurationThenMarksItPending() throws IOException {
        install.stage("0.1.0.2", "osgi.bundles=y\n", info("0.1.0.2"),
                Map.of("plugins/ui_0.1.0.2.jar", downloaded("ui2", "ui 2"),
                        "plugins/launcher_1.8.0.jar", downloaded("l", "launcher")));
        assertEquals("ui 2", Files.readString(dir.resolve("plugins/ui_0.1.0.2.jar")));
        assertEquals("ui 1", Files.readString(dir.resolve("plugins/ui_0.1.0.1.jar")), "the running version is untouched");
        assertEquals(Optional.of("0.1.0.2"), install.state().pending());
        assertEquals(Optional.of("0.1.0.2"), install.versionOf("0.1.0.2"));
        assertEquals(Optional.of("0.1.0.1"), install.versionOf(BootState.ORIGINAL));
        assertEquals(dir.resolve("versions/0.1.0.2/configuration"), Boot.choose(install));
        assertEquals(Optional.of(dir.resolve("plugins/launcher_1.8.0.jar")),
                install.launcherJar(install.configuration("0.1.0.2")));
    }

    @Test
    void aFileAlreadyInstalledWithOtherContentIsRefusedAndNothingIsPending() throws IOException {
        IOException e = assertThrows(IOException.class, () -> install.stage("0.1.0.2", "x", info("0.1.0.2"),
                Map.of("plugins/launcher_1.8.0.jar", downloaded("l", "not the launcher"))));
        assertTrue(e.getMessage().contains("launcher_1.8.0.jar"), e.getMessage());
        assertEquals(Optional.empty(), install.state().pending());
        assertEquals("launcher", Files.readString(dir.resolve("plugins/launcher_1.8.0.jar")));
    }

    @Test
    void aConfigurationNamingAMissingBundleIsRefused() {
        IOException e = assertThrows(IOException.class, () -> install.stage("0.1.0.2", "x", info("0.1.0.2"), Map.of()));
        assertTrue(e.getMessage().contains("ui_0.1.0.2.jar"), e.getMessage());
        assertEquals(Optional.empty(), assertDoesNotThrowState().pending());
    }

    private BootState assertDoesNotThrowState() {
        try {
            return install.state();
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void pathsOutsideTheProductAreRefused() {
        assertThrows(IOException.class, () -> install.stage("0.1.0.2", "x", info("0.1.0.2"),
                Map.of("plugins/../../evil.jar", downloaded("e", "evil"))));
        assertFalse(Files.exists(dir.getParent().resolve("evil.jar")));
    }

    @Test
    void confirmingPrunesVersionsAndBundlesNoSlotNeeds() throws IOException {
        install.stage("0.1.0.2", "c", info("0.1.0.2"), Map.of("plugins/ui_0.1.0.2.jar", downloaded("a", "ui 2")));
        Boot.choose(install);
        install.confirmStart();
        install.stage("0.1.0.3", "c", info("0.1.0.3"), Map.of("plugins/ui_0.1.0.3.jar", downloaded("b", "ui 3")));
        Boot.choose(install);
        install.confirmStart();
        // original, current (3) and previous (2) stay
        assertTrue(Files.exists(dir.resolve("plugins/ui_0.1.0.1.jar")));
        assertTrue(Files.exists(dir.resolve("plugins/ui_0.1.0.2.jar")));
        install.stage("0.1.0.4", "c", info("0.1.0.4"), Map.of("plugins/ui_0.1.0.4.jar", downloaded("c", "ui 4")));
        Boot.choose(install);
        install.confirmStart();
        assertFalse(Files.exists(dir.resolve("plugins/ui_0.1.0.2.jar")), "neither current, previous nor original");
        assertFalse(Files.exists(dir.resolve("versions/0.1.0.2")));
        assertTrue(Files.exists(dir.resolve("plugins/ui_0.1.0.1.jar")));
        assertTrue(Files.exists(dir.resolve("plugins/launcher_1.8.0.jar")));
    }

    @Test
    void anUnreadableStateStartsTheProductsOwnConfiguration() throws IOException {
        Files.createDirectories(BootState.file(dir).getParent());
        Files.writeString(BootState.file(dir), "tries=many\n");
        assertEquals(dir.resolve("configuration"), Boot.choose(install));
        assertTrue(Files.readString(dir.resolve("update/boot.log")).contains("could not be used"));
    }

    @Test
    void aVersionWhoseConfigurationIsGoneFallsBackToTheOriginal() throws IOException {
        BootState s = install.state();
        s.stage("0.1.0.9");
        s.save(dir);
        assertEquals(dir.resolve("configuration"), Boot.choose(install));
        assertEquals(BootState.ORIGINAL, install.state().current());
    }
}
