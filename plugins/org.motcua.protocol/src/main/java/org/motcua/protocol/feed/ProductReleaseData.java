package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code productRelease} feed item, keyed by platform ({@code linux.gtk.x86_64},
 * {@code win32.win32.x86_64}): one version of the desk's product as the province offers it (this project's addition,
 * PROTOCOL-NOTES "Product updates"). It lists every file that version runs from, with its SHA-256 and size, and the two
 * configuration files Equinox starts it with. The feed page that carries it is signed with the server's response key,
 * so this list is what the desk checks each downloaded file against: the update's signature is the feed's.
 *
 * <p>The same JSON, without the feed around it, is what the build writes beside the product's p2 repository
 * ({@code motcua-release/<platform>.json}) and what the server's {@code publish-update} reads. Files are fetched by hash
 * from {@code GET /api/v1/product/files/{sha256}}.
 */
public record ProductReleaseData(String version, String platform, List<ProductFile> files, String configIni,
        String bundlesInfo, String launcherJar) {

    public static final String ITEM_TYPE = "productRelease";
    public static final int MAX_FILES = 1000;
    public static final long MAX_FILE_BYTES = 128L * 1024 * 1024;
    public static final int MAX_CONFIG_CHARS = 256 * 1024;

    /** An OSGi-style version with a qualifier: what Tycho gives the product, e.g. {@code 0.1.0.202612011200}. */
    private static final Pattern VERSION = Pattern.compile("\\d{1,9}\\.\\d{1,9}\\.\\d{1,9}(\\.[A-Za-z0-9_-]{1,64})?");
    private static final Pattern PLATFORM = Pattern.compile("[a-z0-9_]{1,20}\\.[a-z0-9_]{1,20}\\.[a-z0-9_]{1,20}");
    /** A bundle file in the product's plugins folder: one level, no path tricks. */
    private static final Pattern PATH = Pattern.compile("plugins/[A-Za-z0-9][A-Za-z0-9._-]{0,200}\\.jar");

    public ProductReleaseData {
        files = List.copyOf(files);
    }

    /** One file of the version: its path in the product folder, SHA-256 (lowercase hex) and size. */
    public record ProductFile(String path, String sha256, long size) {
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("version", version).put("platform", platform)
                .put("configIni", configIni).put("bundlesInfo", bundlesInfo).put("launcherJar", launcherJar);
        ArrayNode list = o.putArray("files");
        for (ProductFile f : files) {
            list.addObject().put("path", f.path()).put("sha256", f.sha256()).put("size", f.size());
        }
        return o;
    }

    /** The file with this path, or null. */
    public ProductFile file(String path) {
        return files.stream().filter(f -> f.path().equals(path)).findFirst().orElse(null);
    }

    /** Total bytes of the version's files. */
    public long totalBytes() {
        return files.stream().mapToLong(ProductFile::size).sum();
    }

    /** Reads item data (or the build's release file); unknown members are ignored (§13). */
    public static ProductReleaseData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        String version = r.string("version", 100);
        if (version != null && !VERSION.matcher(version).matches()) {
            r.fault("version", "must be major.minor.micro[.qualifier]");
        }
        String platform = r.string("platform", 64);
        if (platform != null && !PLATFORM.matcher(platform).matches()) {
            r.fault("platform", "must be os.ws.arch");
        }
        String configIni = r.string("configIni", MAX_CONFIG_CHARS);
        String bundlesInfo = r.string("bundlesInfo", MAX_CONFIG_CHARS);
        String launcherJar = r.string("launcherJar", 220);
        List<ProductFile> files = new ArrayList<>();
        Set<String> paths = new HashSet<>();
        for (DocReader f : r.objects("files", MAX_FILES)) {
            String path = f.string("path", 220);
            if (path != null && !PATH.matcher(path).matches()) {
                f.fault("path", "must be plugins/<name>.jar");
            } else if (path != null && !paths.add(path)) {
                f.fault("path", "listed twice");
            }
            files.add(new ProductFile(path, f.hash("sha256"), f.integer("size", 0, MAX_FILE_BYTES)));
            f.endObject();
        }
        if (launcherJar != null && !paths.contains(launcherJar)) {
            r.fault("launcherJar", "must be one of the files");
        }
        if (bundlesInfo != null) {
            for (String location : bundleLocations(bundlesInfo)) {
                if (!paths.contains(location)) {
                    r.fault("bundlesInfo", "names " + location + ", which is not one of the files");
                    break;
                }
            }
        }
        r.end();
        return new ProductReleaseData(version, platform, files, configIni, bundlesInfo, launcherJar);
    }

    /**
     * The bundle locations a {@code bundles.info} names (its third column), in order. Lines starting with {@code #}
     * are comments.
     */
    public static List<String> bundleLocations(String bundlesInfo) {
        List<String> out = new ArrayList<>();
        for (String line : bundlesInfo.split("\r?\n")) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] cols = line.split(",");
            if (cols.length >= 3) {
                out.add(cols[2]);
            }
        }
        return out;
    }

    /**
     * Compares two versions of this form: numbers numerically, then the qualifier as a string (Tycho's qualifiers are
     * timestamps, so later builds compare higher). No qualifier sorts first, as in OSGi.
     */
    public static int compareVersions(String a, String b) {
        String[] x = a.split("\\.", 4);
        String[] y = b.split("\\.", 4);
        for (int i = 0; i < 3; i++) {
            int c = Long.compare(Long.parseLong(x[i]), Long.parseLong(y[i]));
            if (c != 0) {
                return c;
            }
        }
        return (x.length > 3 ? x[3] : "").compareTo(y.length > 3 ? y[3] : "");
    }

    public static boolean isVersion(String s) {
        return s != null && VERSION.matcher(s).matches();
    }
}
