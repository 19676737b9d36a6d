package org.motcua.protocol.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.feed.ProductReleaseData.ProductFile;
import org.motcua.protocol.json.SchemaInvalid;

class ProductReleaseDataTest {

    private static final String HASH = "a".repeat(64);

    private static ProductReleaseData release(String version, List<ProductFile> files, String bundlesInfo, String launcher) {
        return new ProductReleaseData(version, "linux.gtk.x86_64", files, "osgi.bundles=x\n", bundlesInfo, launcher);
    }

    private static final List<ProductFile> FILES = List.of(
            new ProductFile("plugins/org.eclipse.equinox.launcher_1.8.0.jar", HASH, 10),
            new ProductFile("plugins/org.motcua.ui_0.1.0.202612011200.jar", "b".repeat(64), 20));

    @Test
    void readsWhatItWrites() throws SchemaInvalid {
        ProductReleaseData r = release("0.1.0.202612011200", FILES,
                "#version=1\norg.motcua.ui,0.1.0.202612011200,plugins/org.motcua.ui_0.1.0.202612011200.jar,4,true\n",
                "plugins/org.eclipse.equinox.launcher_1.8.0.jar");
        ProductReleaseData back = ProductReleaseData.read(r.toJson());
        assertEquals(r, back);
        assertEquals(30, back.totalBytes());
    }

    @Test
    void refusesPathTricksUnknownBundlesAndBadVersions() {
        String info = "org.motcua.ui,0.1.0.1,plugins/org.motcua.ui_0.1.0.202612011200.jar,4,true\n";
        String launcher = "plugins/org.eclipse.equinox.launcher_1.8.0.jar";
        assertRefused(release("0.1.0.x", List.of(new ProductFile("plugins/../../evil.jar", HASH, 1)), info, launcher), "/files/0/path");
        assertRefused(release("0.1.0.x", List.of(new ProductFile("configuration/config.ini", HASH, 1)), info, launcher), "/files/0/path");
        assertRefused(release("0.1.0.x", List.of(FILES.get(0), FILES.get(0)), info, launcher), "/files/1/path");
        assertRefused(release("0.1.0.x", FILES, "a,1,plugins/elsewhere.jar,4,false\n", launcher), "/bundlesInfo");
        assertRefused(release("0.1.0.x", FILES, info, "plugins/other.jar"), "/launcherJar");
        assertRefused(release("1.2", FILES, info, launcher), "/version");
        ObjectNode badHash = release("0.1.0.x", FILES, info, launcher).toJson();
        ((ObjectNode) badHash.get("files").get(0)).put("sha256", "A".repeat(64));
        SchemaInvalid e = assertThrows(SchemaInvalid.class, () -> ProductReleaseData.read(badHash));
        assertTrue(e.getMessage().contains("/files/0/sha256"), e.getMessage());
    }

    private static void assertRefused(ProductReleaseData r, String pointer) {
        SchemaInvalid e = assertThrows(SchemaInvalid.class, () -> ProductReleaseData.read(r.toJson()));
        assertTrue(e.getMessage().contains(pointer), e.getMessage());
    }

    @Test
    void comparesVersionsNumericallyThenByQualifier() {
        assertTrue(ProductReleaseData.compareVersions("0.10.0", "0.9.9") > 0);
        assertTrue(ProductReleaseData.compareVersions("0.1.0.202612011200", "0.1.0.202611301200") > 0);
        assertTrue(ProductReleaseData.compareVersions("0.1.0", "0.1.0.202611301200") < 0);
        assertEquals(0, ProductReleaseData.compareVersions("1.2.3.q", "1.2.3.q"));
    }
}
