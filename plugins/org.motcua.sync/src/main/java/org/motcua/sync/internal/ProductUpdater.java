package org.motcua.sync.internal;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.motcua.boot.BootState;
import org.motcua.boot.Installation;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.protocol.feed.ProductReleaseData.ProductFile;

/**
 * The desk's self-update (PROTOCOL-NOTES "Product updates"). When the signed feed offers this platform a version newer
 * than the one running, it downloads the files the installation lacks — a new release usually changes a few of our own
 * bundles, not Eclipse's — each resumed by byte range where the last attempt stopped, checks each against the SHA-256
 * the feed vouches for, and stages the version for the next start ({@link Installation#stage}); the boot starts it and
 * goes back by itself when it does not come up. The work comes in slices of {@link #SLICE} after a sync, so a download
 * at 4 KB/s never holds the officers' dossiers back: the engine runs the next slice a moment later, after sending
 * whatever they received meanwhile. A file that arrives whole but not as listed is downloaded once more; a second
 * mismatch refuses the version for good (the province must publish it again).
 */
public final class ProductUpdater {

    private static final System.Logger LOG = System.getLogger(ProductUpdater.class.getName());
    /** How long one attempt downloads before it yields the engine to the next sync. */
    static final Duration SLICE = Duration.ofSeconds(20);
    static final long FIRST_RANGE = 32 * 1024;
    static final long MAX_RANGE = 1024 * 1024;
    static final int MISMATCHES_BEFORE_REFUSAL = 2;

    /** What an attempt left behind. */
    public enum Outcome {
        /** Nothing to do: no newer version offered, or it is staged or refused already. */
        NOTHING,
        /** Files remain to download: the engine comes back soon. */
        UNFINISHED,
        /** The new version starts at the next start of the desk. */
        STAGED,
        /** The offered version was refused; {@link BootState#lastEvent()} says why. */
        REFUSED
    }

    private final SyncContext ctx;
    private final Installation installation;
    private final String platform;
    /** Bytes asked for in one ranged request: grows while requests finish quickly, halves when one is cut. */
    private long range = FIRST_RANGE;
    private final Map<String, Integer> mismatches = new HashMap<>();

    public ProductUpdater(SyncContext ctx, Installation installation, String platform) {
        this.ctx = ctx;
        this.installation = installation;
        this.platform = platform;
    }

    /** The product folder this updater installs into. */
    Path installation() {
        return installation.dir();
    }

    /** This desk's platform as the build names it: {@code linux.gtk.x86_64} or {@code win32.win32.x86_64}. */
    public static String currentPlatform() {
        String os = System.getProperty("os.name", "").toLowerCase(Locale.ROOT);
        String arch = System.getProperty("os.arch", "").toLowerCase(Locale.ROOT);
        String a = arch.equals("amd64") || arch.equals("x86_64") ? "x86_64" : arch.equals("aarch64") ? "aarch64" : arch;
        return os.startsWith("windows") ? "win32.win32." + a : os.startsWith("mac") ? "macosx.cocoa." + a : "linux.gtk." + a;
    }

    /**
     * One slice of the update: downloads for up to {@link #SLICE}, and stages the version once every file is here.
     * A cut link is not a failure of the sync: what arrived is kept, and the next slice goes on from there.
     */
    public Outcome run() throws CycleFailure {
        Optional<ProductReleaseData> offered = ctx.feed.productRelease(platform);
        if (offered.isEmpty()) {
            return Outcome.NOTHING;
        }
        ProductReleaseData release = offered.get();
        try {
            BootState state = installation.state();
            if (!wanted(release, state)) {
                return Outcome.NOTHING;
            }
            long deadline = System.nanoTime() + SLICE.toNanos();
            Map<String, Path> downloaded = new LinkedHashMap<>();
            for (ProductFile f : release.files()) {
                Path installed = installation.dir().resolve(f.path());
                if (Files.isRegularFile(installed) && Files.size(installed) == f.size()) {
                    continue;   // checked by hash when staging: this desk has the bundle already
                }
                Path done = complete(release.version(), f);
                if (!Files.isRegularFile(done)) {
                    if (System.nanoTime() > deadline || !download(release.version(), f, deadline)) {
                        return Outcome.UNFINISHED;
                    }
                    if (!Files.isRegularFile(done)) {   // it did not match its listing
                        return refusedAfterMismatches(release, f) ? Outcome.REFUSED : Outcome.UNFINISHED;
                    }
                }
                downloaded.put(f.path(), done);
            }
            return stage(release, downloaded);
        } catch (IOException e) {
            LOG.log(System.Logger.Level.INFO, "product update " + release.version() + " goes on at the next sync: " + e);
            return Outcome.UNFINISHED;
        }
    }

    /** A version newer than the running one, not staged, not refused. */
    private boolean wanted(ProductReleaseData release, BootState state) {
        String v = release.version();
        if (state.refused().contains(v) || v.equals(state.pending().orElse(null))) {
            return false;
        }
        Optional<String> running = installation.versionOf(state.current());
        return running.isEmpty() || ProductReleaseData.compareVersions(v, running.get()) > 0;
    }

    private Path complete(String version, ProductFile f) {
        return installation.downloads(version).resolve(f.sha256() + ".jar");
    }

    private Path partial(String version, ProductFile f) {
        return installation.downloads(version).resolve(f.sha256() + ".part");
    }

    /**
     * Downloads {@code f} by ranges until it is whole, checked and renamed to its final name, or the slice is over;
     * false when it must go on later (the slice ended or the link was cut).
     */
    private boolean download(String version, ProductFile f, long deadline) throws CycleFailure, IOException {
        Path part = partial(version, f);
        Files.createDirectories(part.getParent());
        while (true) {
            long have = Files.exists(part) ? Files.size(part) : 0;
            if (have >= f.size()) {
                finish(part, f, complete(version, f));
                return true;
            }
            if (System.nanoTime() > deadline) {
                return false;
            }
            long last = Math.min(f.size(), have + range) - 1;
            long started = System.nanoTime();
            Http.Response r;
            try {
                r = ctx.bearerDownload(Protocol.BASE_PATH + "/product/files/" + f.sha256(),
                        Map.of("Range", "bytes=" + have + "-" + last), (status, headers) -> sink(part, status, headers, have));
            } catch (IOException cut) {
                range = Math.max(FIRST_RANGE / 2, range / 2);
                LOG.log(System.Logger.Level.INFO, "product file download cut after " + Files.size(part) + " of "
                        + f.size() + " bytes: " + cut.getMessage());
                return false;
            }
            if (r.status() == 416) {
                Files.deleteIfExists(part);   // more than the file holds: the partial copy is not of this file
                continue;
            }
            if (r.status() != 200 && r.status() != 206) {
                throw Reactions.of(ServerProblem.of(r));
            }
            if (Duration.ofNanos(System.nanoTime() - started).compareTo(SLICE.dividedBy(4)) < 0) {
                range = Math.min(MAX_RANGE, range * 2);
            }
        }
    }

    /** Where a response's body goes: appended after what the desk has for a 206 from there, the whole file for a 200. */
    private static OutputStream sink(Path part, int status, Map<String, String> headers, long have) throws IOException {
        boolean append = status == 206 && headers.getOrDefault("content-range", "").startsWith("bytes " + have + "-");
        if (status == 206 && !append) {
            throw new IOException("the server sent another range than asked: " + headers.get("content-range"));
        }
        FileChannel ch = FileChannel.open(part, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
        if (append) {
            ch.position(ch.size());
        } else {
            ch.truncate(0);
        }
        return Channels.newOutputStream(ch);
    }

    /** A whole file: forced and renamed to its final name when it has its listed hash, deleted when not. */
    private static void finish(Path part, ProductFile f, Path done) throws IOException {
        if (Files.size(part) == f.size() && Installation.sha256(part).equals(f.sha256())) {
            try (FileChannel ch = FileChannel.open(part, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(part, done, StandardCopyOption.ATOMIC_MOVE);
        } else {
            Files.delete(part);
        }
    }

    private boolean refusedAfterMismatches(ProductReleaseData release, ProductFile f) throws IOException {
        int n = mismatches.merge(f.sha256(), 1, Integer::sum);
        LOG.log(System.Logger.Level.WARNING, "product file " + f.path() + " of version " + release.version()
                + " arrived without its listed SHA-256 (" + n + " time(s))");
        if (n < MISMATCHES_BEFORE_REFUSAL) {
            return false;
        }
        installation.refuse(release.version(), BootState.REFUSED_MISMATCH + " " + f.path());
        return true;
    }

    /**
     * Every listed file is here: the ones the desk had must be exactly the listed ones too (a bundle file cannot be
     * replaced under a running desk), then the version is staged for the next start.
     */
    private Outcome stage(ProductReleaseData release, Map<String, Path> downloaded) throws IOException {
        for (ProductFile f : release.files()) {
            if (!downloaded.containsKey(f.path())
                    && !Installation.sha256(installation.dir().resolve(f.path())).equals(f.sha256())) {
                installation.refuse(release.version(), BootState.REFUSED_CONFLICT + " " + f.path());
                return Outcome.REFUSED;
            }
        }
        installation.stage(release.version(), release.configIni(), release.bundlesInfo(), downloaded);
        LOG.log(System.Logger.Level.INFO, "product version " + release.version() + " staged: it starts next time ("
                + downloaded.size() + " new files)");
        return Outcome.STAGED;
    }
}
