package org.motcua.server.updates;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/**
 * The product's p2 repository folder as the build leaves it: {@code motcua-release/<platform>.json} (each exactly
 * {@link ProductReleaseData#toJson()}) beside the files they list, by path relative to the folder. Every listed file is
 * checked here, size and SHA-256, before anything is stored: the feed will vouch for these hashes with the server's
 * signature, so a file that differs from its listing must never be published.
 */
public final class ReleaseDirectory {

    static final String RELEASES = "motcua-release";

    private ReleaseDirectory() {
    }

    /** Every platform's release in {@code dir} (in file-name order), each listed file checked. */
    public static List<ProductReleaseData> read(Path dir) throws ReleaseRefused, IOException {
        Path releases = dir.resolve(RELEASES);
        if (!Files.isDirectory(dir)) {
            throw new ReleaseRefused(dir + " is not a folder");
        }
        List<Path> files = new ArrayList<>();
        if (Files.isDirectory(releases)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(releases, "*.json")) {
                s.forEach(files::add);
            }
        }
        if (files.isEmpty()) {
            throw new ReleaseRefused(dir + " holds no " + RELEASES + "/<platform>.json: give the product's repository "
                    + "folder the build wrote them into");
        }
        files.sort(null);
        List<ProductReleaseData> out = new ArrayList<>();
        for (Path f : files) {
            ProductReleaseData release = parse(f);
            for (ProductReleaseData.ProductFile file : release.files()) {
                check(dir, f, file);
            }
            out.add(release);
        }
        return out;
    }

    private static ProductReleaseData parse(Path f) throws ReleaseRefused, IOException {
        String name = RELEASES + "/" + f.getFileName();
        ProductReleaseData release;
        try {
            release = ProductReleaseData.read(StrictJson.parse(Files.readAllBytes(f)));
        } catch (JsonRejected e) {
            throw new ReleaseRefused(name + " is not valid JSON: " + e.getMessage());
        } catch (SchemaInvalid e) {
            throw new ReleaseRefused(name + " is not a product release: " + e.getMessage());
        }
        // The name says which desks the build meant it for; a release listed under another platform's name is a mix-up.
        if (!f.getFileName().toString().equals(release.platform() + ".json")) {
            throw new ReleaseRefused(name + " describes platform " + release.platform() + ", not the one its name says");
        }
        return release;
    }

    /** The listed path is {@code plugins/<name>.jar} (the record refuses anything else), so it stays inside {@code dir}. */
    private static void check(Path dir, Path listing, ProductReleaseData.ProductFile file) throws ReleaseRefused, IOException {
        Path p = dir.resolve(file.path());
        String where = file.path() + " (listed in " + RELEASES + "/" + listing.getFileName() + ")";
        if (!Files.isRegularFile(p)) {
            throw new ReleaseRefused(where + " is missing from " + dir);
        }
        long size = Files.size(p);
        if (size != file.size()) {
            throw new ReleaseRefused(where + " has " + size + " bytes, the release lists " + file.size());
        }
        if (!sha256(p).equals(file.sha256())) {
            throw new ReleaseRefused(where + " does not have the SHA-256 the release lists");
        }
    }

    static String sha256(Path p) throws IOException {
        MessageDigest digest = Sha256.newDigest();
        try (InputStream in = Files.newInputStream(p)) {
            byte[] buffer = new byte[64 * 1024];
            for (int n; (n = in.read(buffer)) > 0;) {
                digest.update(buffer, 0, n);
            }
        }
        return Sha256.hexOfDigest(digest.digest());
    }
}
