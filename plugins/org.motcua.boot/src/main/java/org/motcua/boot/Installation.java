package org.motcua.boot;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An unzipped product folder and the versions installed in it. The zip's own bundles are in {@code plugins/} and its
 * configuration in {@code configuration/}; an update adds its new bundles to {@code plugins/} beside the old ones (file
 * names carry versions) and its configuration under {@code versions/<version>/configuration/}, so switching back is
 * only a matter of which configuration Equinox starts with. {@code update/} holds the boot's state, its log and the
 * downloads in progress. Nothing here touches the desk's data, which lives outside the product folder.
 */
public final class Installation {

    /** The system property the boot sets to the product folder, so the running desk finds its installation. */
    public static final String INSTALL_DIR_PROPERTY = "motcua.install.dir";
    static final String BUNDLES_INFO = "org.eclipse.equinox.simpleconfigurator/bundles.info";

    private final Path dir;

    public Installation(Path dir) {
        this.dir = dir.toAbsolutePath().normalize();
    }

    /** The installation the running desk was started from by the boot; empty when started otherwise (development, tests). */
    public static Optional<Installation> running() {
        String d = System.getProperty(INSTALL_DIR_PROPERTY);
        return d == null || d.isBlank() ? Optional.empty() : Optional.of(new Installation(Path.of(d)));
    }

    public Path dir() {
        return dir;
    }

    public BootState state() throws IOException {
        return BootState.load(dir);
    }

    /** Where a version's downloads collect until it is staged. */
    public Path downloads(String version) {
        return dir.resolve("update").resolve("downloads").resolve(version);
    }

    /** The configuration folder Equinox starts a slot with. */
    public Path configuration(String slot) {
        return BootState.ORIGINAL.equals(slot) ? dir.resolve("configuration")
                : dir.resolve("versions").resolve(slot).resolve("configuration");
    }

    /** The product version a slot runs: the version of its {@code org.motcua.ui} bundle; empty when unreadable. */
    public Optional<String> versionOf(String slot) {
        return bundleLine(configuration(slot), "org.motcua.ui").map(cols -> cols[1]);
    }

    /** The Equinox launcher jar a configuration names, as an absolute path. */
    Optional<Path> launcherJar(Path configuration) {
        return bundleLine(configuration, "org.eclipse.equinox.launcher").map(cols -> dir.resolve(cols[2]));
    }

    private static Optional<String[]> bundleLine(Path configuration, String symbolicName) {
        try {
            for (String line : Files.readAllLines(configuration.resolve(BUNDLES_INFO), StandardCharsets.UTF_8)) {
                String[] cols = line.split(",");
                if (cols.length >= 3 && cols[0].equals(symbolicName)) {
                    return Optional.of(cols);
                }
            }
        } catch (IOException e) {
            // a missing or unreadable configuration has no such bundle
        }
        return Optional.empty();
    }

    /**
     * Installs a downloaded version so that it starts next time: its new files move into {@code plugins/} (a file
     * already there must be byte-identical), its configuration is written, each durably, and only then is it marked
     * pending. A failure on the way leaves the running version's files and state untouched.
     *
     * @param downloaded each new file's path in the product (e.g. {@code plugins/x.jar}) and where it was downloaded,
     *        already checked against its SHA-256
     */
    public void stage(String version, String configIni, String bundlesInfo, Map<String, Path> downloaded)
            throws IOException {
        for (Map.Entry<String, Path> e : downloaded.entrySet()) {
            Path target = inside(e.getKey());
            if (Files.exists(target)) {
                if (!sha256(target).equals(sha256(e.getValue()))) {
                    throw new IOException(e.getKey() + " is already installed with other content");
                }
                Files.delete(e.getValue());
            } else {
                Files.createDirectories(target.getParent());
                Files.move(e.getValue(), target, StandardCopyOption.ATOMIC_MOVE);
            }
        }
        BootState.forceDirectory(dir.resolve("plugins"));
        for (String line : bundlesInfo.split("\r?\n")) {
            String[] cols = line.split(",");
            if (!line.startsWith("#") && cols.length >= 3 && !Files.isRegularFile(inside(cols[2]))) {
                throw new IOException("the update names " + cols[2] + ", which is not installed");
            }
        }
        Path conf = configuration(version);
        BootState.writeDurably(conf.resolve("config.ini"), configIni.getBytes(StandardCharsets.UTF_8));
        BootState.writeDurably(conf.resolve(BUNDLES_INFO), bundlesInfo.getBytes(StandardCharsets.UTF_8));
        BootState state = state();
        state.stage(version);
        state.save(dir);
    }

    /** The desk is up on its current version: confirm it, and remove versions and bundles no slot needs any more. */
    public void confirmStart() throws IOException {
        BootState state = state();
        if (!state.confirmed()) {
            state.confirm();
            state.save(dir);
        }
        prune(state);
    }

    /** The officer cancelled the login: this start does not count as a failed one ({@link BootState#abandon}). */
    public void abandonStart() throws IOException {
        BootState state = state();
        if (!state.confirmed()) {
            state.abandon();
            state.save(dir);
        }
    }

    /** Removes the configurations, bundles and downloads of versions that are neither original, current, previous nor pending. */
    void prune(BootState state) throws IOException {
        Set<String> keep = new HashSet<>(List.of(BootState.ORIGINAL, state.current()));
        state.previous().ifPresent(keep::add);
        state.pending().ifPresent(keep::add);
        Set<Path> used = new HashSet<>();
        for (String slot : keep) {
            Path info = configuration(slot).resolve(BUNDLES_INFO);
            if (Files.isRegularFile(info)) {
                for (String line : Files.readAllLines(info, StandardCharsets.UTF_8)) {
                    String[] cols = line.split(",");
                    if (!line.startsWith("#") && cols.length >= 3) {
                        used.add(inside(cols[2]));
                    }
                }
            }
        }
        Path versions = dir.resolve("versions");
        for (Path v : list(versions)) {
            if (!keep.contains(v.getFileName().toString())) {
                deleteTree(v);
            }
        }
        if (used.isEmpty()) {
            return; // no readable configuration at all: remove no bundle
        }
        for (Path jar : list(dir.resolve("plugins"))) {
            if (jar.getFileName().toString().endsWith(".jar") && !used.contains(jar)) {
                try {
                    Files.delete(jar);
                } catch (IOException e) {
                    // in use (Windows) or read-only: it goes at a later start
                }
            }
        }
        for (Path d : list(dir.resolve("update").resolve("downloads"))) {
            if (!keep.contains(d.getFileName().toString())) {
                deleteTree(d);
            }
        }
    }

    /** The officer's rollback, from the settings part; false when there is no previous version to go back to. */
    public boolean requestRollback() throws IOException {
        BootState state = state();
        if (!state.requestRollback()) {
            return false;
        }
        state.save(dir);
        return true;
    }

    /** Refuses a version for good (a downloaded file that does not match the signed list twice), saying why. */
    public void refuse(String version, String reason) throws IOException {
        BootState state = state();
        state.refuse(version, reason);
        state.save(dir);
    }

    /** A path of the product folder, refusing anything that would leave it. */
    Path inside(String relative) throws IOException {
        Path p = dir.resolve(relative).normalize();
        if (!p.startsWith(dir) || p.equals(dir)) {
            throw new IOException("not inside the product folder: " + relative);
        }
        return p;
    }

    public static String sha256(Path file) throws IOException {
        try (InputStream in = Files.newInputStream(file)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[65536];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Path> list(Path d) throws IOException {
        List<Path> out = new ArrayList<>();
        if (Files.isDirectory(d)) {
            try (DirectoryStream<Path> s = Files.newDirectoryStream(d)) {
                s.forEach(out::add);
            }
        }
        return out;
    }

    private static void deleteTree(Path p) throws IOException {
        if (Files.isDirectory(p)) {
            for (Path c : list(p)) {
                deleteTree(c);
            }
        }
        Files.deleteIfExists(p);
    }
}
