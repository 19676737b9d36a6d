package org.motcua.server.bench;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.time.Instant;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import org.motcua.server.testing.PostgresCluster;
import org.motcua.server.testing.TestServer;

/**
 * The province database of the dashboard and lookup benchmarks, generated once ({@link DossierGenerator}, COPY) and
 * kept between runs: a PostgreSQL cluster of its own under the cache directory ({@code -Dmotcua.bench.cache}; by
 * default the git-ignored {@code .motcua/bench-data/} of the checkout), in a folder named by the dossier count, a hash
 * of the server's migration scripts and the generator's version, so a schema or generator change generates afresh. A
 * folder without its {@code generated} mark (a run stopped while generating) is deleted and generated again. Two runs
 * must not use the same folder at once (the second cannot start the cluster). Ten million dossiers take about 10 GB (generated in about 6 minutes here, under load).
 */
final class BenchDatabase implements AutoCloseable {

    /** Bump when {@link DossierGenerator}'s output changes, so old caches are not reused. */
    static final int GENERATOR = 2;
    static final int UNITS = 200;
    /**
     * Memory for a ten-million-dossier database on a small province server (the test clusters' 128 MB of shared buffers
     * are for databases of a few thousand rows), and room for the bulk load's WAL and index builds.
     */
    private static final String OPTIONS = "-c shared_buffers=512MB -c maintenance_work_mem=512MB -c max_wal_size=4GB "
            + "-c work_mem=32MB -c effective_cache_size=4GB";

    final PostgresCluster cluster;
    final String url;
    final Path dir;

    private BenchDatabase(PostgresCluster cluster, String url, Path dir) {
        this.cluster = cluster;
        this.url = url;
        this.dir = dir;
    }

    /** The cached database of {@code dossiers} dossiers "as of" {@code now}, generated first if it is not there yet. */
    static BenchDatabase open(long dossiers, Instant now) throws Exception {
        Path dir = cacheRoot().resolve("server-pg-dossiers-" + dossiers + "-schema-" + schemaHash() + "-g" + GENERATOR);
        Path mark = dir.resolve("generated");
        if (Files.exists(dir) && !Files.exists(mark)) {
            System.out.println("bench: " + dir + " was left half generated; generating it again");
            delete(dir);
        }
        PostgresCluster cluster = PostgresCluster.kept(dir, OPTIONS);
        String url = cluster.database("motcua_bench");
        if (!Files.exists(mark)) {
            long start = System.nanoTime();
            // The server's own start migrates the empty database (Flyway), so the rows go into the real schema.
            try (TestServer server = TestServer.onPostgres(url, Files.createTempDirectory("motcua-bench-gen-"), c -> {
            }); Connection c = server.services.db.connection()) {
                DossierGenerator.generate(c, UNITS, dossiers, now);
            }
            Files.writeString(mark, String.format(Locale.ROOT, "%d dossiers generated in %.0f s%n", dossiers,
                    (System.nanoTime() - start) / 1e9));
            System.out.printf(Locale.ROOT, "bench: generated %,d dossiers in %.1f s, cached in %s%n", dossiers,
                    (System.nanoTime() - start) / 1e9, dir);
        } else {
            System.out.println("bench: using the cached database in " + dir + " (" + Files.readString(mark).strip() + ")");
        }
        return new BenchDatabase(cluster, url, dir);
    }

    static Path cacheRoot() {
        String configured = System.getProperty("motcua.bench.cache");
        if (configured != null && !configured.isBlank()) {
            return Path.of(configured).toAbsolutePath();
        }
        // Surefire runs in the module's folder (sync-server/); the checkout's .motcua/ is git-ignored.
        return Path.of(System.getProperty("user.dir")).toAbsolutePath().getParent().resolve(".motcua").resolve("bench-data");
    }

    /** SHA-256 (first 12 hex digits) of the server's migration scripts, names and contents: the cached schema. */
    static String schemaHash() throws IOException, URISyntaxException, NoSuchAlgorithmException {
        URL folder = BenchDatabase.class.getClassLoader().getResource("db/migration");
        if (folder == null || !"file".equals(folder.getProtocol())) {
            throw new IllegalStateException("the server's migration scripts are not on the class path as files: " + folder);
        }
        List<Path> scripts;
        try (Stream<Path> files = Files.list(Path.of(folder.toURI()))) {
            scripts = files.filter(p -> p.toString().endsWith(".sql")).sorted().toList();
        }
        MessageDigest sha = MessageDigest.getInstance("SHA-256");
        for (Path script : scripts) {
            sha.update(script.getFileName().toString().getBytes(StandardCharsets.UTF_8));
            try (InputStream in = Files.newInputStream(script)) {
                sha.update(in.readAllBytes());
            }
        }
        return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
    }

    private static void delete(Path dir) throws IOException {
        try (Stream<Path> files = Files.walk(dir)) {
            for (Path p : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(p);
            }
        }
    }

    @Override
    public void close() {
        cluster.stop();
    }
}
