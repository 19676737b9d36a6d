package org.motcua.server.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL cluster for one test run (build-notes: "PostgreSQL and Chromium for the server's
 * tests"): initdb into a temporary directory, pg_ctl on a free loopback port, stopped when the JVM ends. As root (CI)
 * it runs as the {@code postgres} user through {@code runuser}, since PostgreSQL refuses root. Missing binaries fail
 * the tests with a clear message: they are never skipped.
 *
 * <p>A test may also start a cluster of its own ({@link #startPrivate}) and a hot standby of it ({@link #startStandby}):
 * initdb's defaults already allow streaming replication (wal_level=replica, max_wal_senders=10, and pg_hba's
 * {@code host replication all 127.0.0.1/32 trust} line), so the standby is pg_basebackup -R of the primary started on
 * another port.
 */
public final class PostgresCluster {

    public static final String USER = "motcua";

    private static PostgresCluster instance;
    private static final AtomicInteger DATABASES = new AtomicInteger();

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;
    /** A kept cluster (a benchmark's cached database) is stopped at the end but its directory stays. */
    private final boolean kept;
    private boolean stopped;

    private PostgresCluster(Path bin, Path dir, int port, boolean asPostgres, boolean kept) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
        this.kept = kept;
    }

    /** The run's cluster, started on first use. */
    public static synchronized PostgresCluster get() {
        if (instance == null) {
            instance = start();
        }
        return instance;
    }

    /** A new, empty database in the cluster; its JDBC URL. */
    public String newDatabase(String prefix) {
        String name = prefix.toLowerCase(java.util.Locale.ROOT).replaceAll("[^a-z0-9_]", "_") + "_" + DATABASES.incrementAndGet();
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    /** The database {@code name}, created if the cluster has none of that name yet; its JDBC URL. */
    public String database(String name) {
        try (Connection c = DriverManager.getConnection(url("postgres"), USER, ""); Statement st = c.createStatement();
                java.sql.ResultSet rs = st.executeQuery("SELECT 1 FROM pg_database WHERE datname = '" + name + "'")) {
            if (!rs.next()) {
                st.execute("CREATE DATABASE " + name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create database " + name, e);
        }
        return url(name);
    }

    /**
     * A cluster whose data stays in {@code dir} between runs (a benchmark's generated database): initdb the first
     * time, otherwise started on what the last run left; stopped, not deleted, when the JVM ends. The socket goes to
     * a temporary directory, as a path under {@code dir} can exceed the 107 bytes a Unix socket's path may have.
     * {@code options} are extra server options (memory settings for a large database).
     */
    public static PostgresCluster kept(Path dir, String options) {
        Path bin = binaries();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Files.createDirectories(dir);
            Path socket = Files.createTempDirectory("motcua-pg-socket-");
            if (root) {
                UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
                Files.setOwner(dir, postgres);
                Files.setOwner(socket, postgres);
            }
            int port;
            try (ServerSocket s = new ServerSocket(0)) {
                port = s.getLocalPort();
            }
            PostgresCluster cluster = new PostgresCluster(bin, dir, port, root, true);
            if (!Files.exists(dir.resolve("data").resolve("PG_VERSION"))) {
                cluster.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", USER,
                        "-E", "UTF8", "--no-sync");
            }
            cluster.run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o", ("-p " + port + " -k " + socket
                    + " -c listen_addresses=127.0.0.1 " + options).strip(), "-l", dir.resolve("log").toString(), "-w", "-t", "600", "start");
            Runtime.getRuntime().addShutdownHook(new Thread(cluster::stop, "postgres-stop"));
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the kept PostgreSQL cluster in " + dir + ": " + e.getMessage(), e);
        }
    }

    public int port() {
        return port;
    }

    /**
     * A cluster of the caller's own, apart from the run's shared one (for a test that stops it or replicates it);
     * stopped by {@link #stop} or when the JVM ends.
     */
    public static PostgresCluster startPrivate() {
        return start();
    }

    /**
     * A hot standby of this cluster: {@code pg_basebackup -R} (the copy, with {@code standby.signal} and the
     * {@code primary_conninfo} to stream from here) into a new directory, started on another free port. It serves
     * read-only queries and replays this cluster's WAL as it comes.
     */
    public PostgresCluster startStandby() {
        try {
            Path standbyDir = newDirectory();
            PostgresCluster standby = new PostgresCluster(bin, standbyDir, freePort(), asPostgres, false);
            standby.run(bin.resolve("pg_basebackup").toString(), "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER,
                    "-D", standbyDir.resolve("data").toString(), "-R", "-X", "stream", "-c", "fast", "--no-sync");
            standby.pgCtlStart();
            return standby;
        } catch (IOException e) {
            throw new IllegalStateException("could not start a standby of the test PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    public String url(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    private static PostgresCluster start() {
        Path bin = binaries();
        try {
            boolean root = "root".equals(System.getProperty("user.name"));
            Path dir = newDirectory();
            PostgresCluster cluster = new PostgresCluster(bin, dir, freePort(), root, false);
            cluster.run(bin.resolve("initdb").toString(), "-D", dir.resolve("data").toString(), "-A", "trust", "-U", USER,
                    "-E", "UTF8", "--no-sync");
            cluster.pgCtlStart();
            return cluster;
        } catch (IOException e) {
            throw new IllegalStateException("could not start the test PostgreSQL cluster: " + e.getMessage(), e);
        }
    }

    /** Starts the server of {@code dir/data} on this cluster's port and socket directory; stopped when the JVM ends. */
    private void pgCtlStart() {
        // -Dmotcua.pg.options adds server options for a diagnostic run, e.g. "-c shared_preload_libraries=pg_stat_statements"
        // for the benchmark's statement listing (bench.PgStatements); the tests themselves never need any.
        String options = "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 "
                + System.getProperty("motcua.pg.options", "");
        run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-o", options.strip(), "-l",
                dir.resolve("log").toString(), "-w", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "postgres-stop"));
    }

    /** A temporary directory the server's user owns (PostgreSQL refuses to run as root). */
    private static Path newDirectory() throws IOException {
        Path dir = Files.createTempDirectory("motcua-pg-");
        if ("root".equals(System.getProperty("user.name"))) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        return dir;
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    /** Stops the cluster (fast shutdown) and, unless kept, deletes its directory; a second call does nothing. */
    public synchronized void stop() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run(bin.resolve("pg_ctl").toString(), "-D", dir.resolve("data").toString(), "-m", "fast", "-w", "-t", "600", "stop");
        } catch (RuntimeException e) {
            System.err.println("could not stop the test PostgreSQL cluster: " + e.getMessage());
        }
        if (kept) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private void run(String... command) {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.addAll(List.of(command));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(660, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Debian's PostgreSQL binaries, the newest version under /usr/lib/postgresql. */
    private static Path binaries() {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent()))).orElseThrow(() -> new AssertionError(
                            "PostgreSQL binaries are missing (no /usr/lib/postgresql/*/bin/initdb): the server's tests need a "
                                    + "real PostgreSQL. Install Debian's package: apt-get install -y postgresql"));
        } catch (IOException e) {
            throw new AssertionError("cannot look for PostgreSQL binaries: " + e.getMessage(), e);
        }
    }

    private static int versionOf(Path dir) {
        try {
            return Integer.parseInt(dir.getFileName().toString().replaceAll("\\D", ""));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
