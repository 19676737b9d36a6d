package org.motcua.server.testing;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.protocol.json.CanonicalJson;

/**
 * A product repository folder as the build leaves it for {@code publish-update}: jar-ish files under {@code plugins/}
 * and {@code motcua-release/<platform>.json} listing them.
 */
public final class ReleaseFolder {

    public static final String LINUX = "linux.gtk.x86_64";

    public final Path dir;
    private final Map<String, byte[]> files = new LinkedHashMap<>();

    public ReleaseFolder(Path dir) {
        this.dir = dir;
    }

    /** Adds a file of {@code size} pseudo-random bytes (a zip's signature first) under {@code plugins/name}. */
    public ReleaseFolder file(String name, int size, long seed) throws IOException {
        byte[] bytes = new byte[size];
        new Random(seed).nextBytes(bytes);
        if (size >= 4) {
            System.arraycopy(new byte[] {'P', 'K', 3, 4}, 0, bytes, 0, 4);
        }
        Path p = dir.resolve("plugins/" + name);
        Files.createDirectories(p.getParent());
        Files.write(p, bytes);
        files.put("plugins/" + name, bytes);
        return this;
    }

    public byte[] bytes(String path) {
        return files.get(path);
    }

    /** Writes {@code motcua-release/<platform>.json} listing {@code paths} (the first is the launcher). */
    public ProductReleaseData release(String version, String platform, List<String> paths) throws IOException {
        List<ProductReleaseData.ProductFile> listed = new ArrayList<>();
        StringBuilder bundles = new StringBuilder("#version=1\n");
        for (String path : paths) {
            byte[] b = files.get(path);
            listed.add(new ProductReleaseData.ProductFile(path, Sha256.hex(b), b.length));
            String name = path.substring("plugins/".length(), path.length() - ".jar".length());
            bundles.append(name.replace('_', ',')).append(',').append(path).append(",4,false\n");
        }
        ProductReleaseData data = new ProductReleaseData(version, platform, listed, "osgi.bundles.defaultStartLevel=4\n",
                bundles.toString(), paths.get(0));
        Path json = dir.resolve("motcua-release/" + platform + ".json");
        Files.createDirectories(json.getParent());
        Files.write(json, CanonicalJson.write(data.toJson()));
        return data;
    }
}
