import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

/**
 * Writes a product version's release file, {@code <repository>/motcua-release/<platform>.json}: what the province's
 * {@code publish-update} reads and the desk's updater follows (org.motcua.protocol's ProductReleaseData, the same
 * members). Run by product/pom.xml after the products are materialized, with the build's own Java:
 * {@code java ReleaseFiles.java <product folder> <repository> <platform>}.
 *
 * <p>It lists every bundle the materialized product's {@code bundles.info} names, with SHA-256 and size, and checks each
 * is in the p2 repository with the same bytes, so the province can serve the repository as the build made it. The
 * configuration files are carried whole: they are what p2 would compute from the repository's metadata, and the desk
 * has no p2 engine to compute them with.
 */
public final class ReleaseFiles {

    public static void main(String[] args) throws Exception {
        Path product = Path.of(args[0]);
        Path repository = Path.of(args[1]);
        String platform = args[2];
        String configIni = Files.readString(product.resolve("configuration/config.ini"), StandardCharsets.UTF_8);
        String bundlesInfo = Files.readString(
                product.resolve("configuration/org.eclipse.equinox.simpleconfigurator/bundles.info"), StandardCharsets.UTF_8);
        String version = null;
        String launcher = null;
        List<String> files = new ArrayList<>();
        for (String line : bundlesInfo.split("\r?\n")) {
            String[] cols = line.split(",");
            if (line.startsWith("#") || cols.length < 3) {
                continue;
            }
            Path inProduct = product.resolve(cols[2]);
            Path inRepository = repository.resolve(cols[2]);
            if (!Files.isRegularFile(inRepository)) {
                throw new IllegalStateException(cols[2] + " is not in the p2 repository " + repository);
            }
            String sha = sha256(inProduct);
            if (!sha.equals(sha256(inRepository))) {
                throw new IllegalStateException(cols[2] + " differs between the product and the p2 repository");
            }
            files.add("{\"path\":" + json(cols[2]) + ",\"sha256\":\"" + sha + "\",\"size\":" + Files.size(inProduct) + "}");
            if (cols[0].equals("org.motcua.ui")) {
                version = cols[1];
            } else if (cols[0].equals("org.eclipse.equinox.launcher")) {
                launcher = cols[2];
            }
        }
        if (version == null || launcher == null) {
            throw new IllegalStateException("bundles.info names no org.motcua.ui or no Equinox launcher");
        }
        String out = "{\"bundlesInfo\":" + json(bundlesInfo) + ",\"configIni\":" + json(configIni)
                + ",\"files\":[" + String.join(",", files) + "],\"launcherJar\":" + json(launcher)
                + ",\"platform\":" + json(platform) + ",\"version\":" + json(version) + "}\n";
        Path target = repository.resolve("motcua-release").resolve(platform + ".json");
        Files.createDirectories(target.getParent());
        Files.writeString(target, out, StandardCharsets.UTF_8);
        System.out.println("release-files: " + target + " (version " + version + ", " + files.size() + " files)");
    }

    private static String sha256(Path file) throws Exception {
        MessageDigest md = MessageDigest.getInstance("SHA-256");
        try (InputStream in = Files.newInputStream(file)) {
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
        }
        return HexFormat.of().formatHex(md.digest());
    }

    private static String json(String s) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }
}
