package org.motcua.sync;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.UserPrincipal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * A private, throw-away PostgreSQL cluster for the province processes of the end-to-end fault schedules, started the
 * way the server's own tests start theirs ({@code PostgresCluster} in sync-server, which this bundle cannot see):
 * Debian's initdb into a temporary directory, pg_ctl on a free loopback port, one database; as root through
 * {@code runuser -u postgres}, since PostgreSQL refuses root. Missing binaries fail with a clear message.
 */
final class ProvincePostgres implements AutoCloseable {

    private static final String USER = "motcua";
    private static final String DATABASE = "province";

    private final Path bin;
    private final Path dir;
    private final int port;
    private final boolean asPostgres;

    private ProvincePostgres(Path bin, Path dir, int port, boolean asPostgres) {
        this.bin = bin;
        this.dir = dir;
        this.port = port;
        this.asPostgres = asPostgres;
    }

    static ProvincePostgres start() throws IOException {
        boolean root = "root".equals(System.getProperty("user.name"));
        Path dir = Files.createTempDirectory("motcua-faults-pg-");
        if (root) {
            UserPrincipal postgres = dir.getFileSystem().getUserPrincipalLookupService().lookupPrincipalByName("postgres");
            Files.setOwner(dir, postgres);
        }
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        ProvincePostgres pg = new ProvincePostgres(binaries(), dir, port, root);
        pg.run("initdb", "-D", dir.resolve("data").toString(), "-A", "trust", "-U", USER, "-E", "UTF8", "--no-sync");
        pg.run("pg_ctl", "-D", dir.resolve("data").toString(), "-o", "-p " + port + " -k " + dir
                + " -c listen_addresses=127.0.0.1", "-l", dir.resolve("log").toString(), "-w", "start");
        Runtime.getRuntime().addShutdownHook(new Thread(pg::close, "faults-postgres-stop"));
        pg.run("createdb", "-h", "127.0.0.1", "-p", Integer.toString(port), "-U", USER, DATABASE);
        return pg;
    }

    /** The province server's (and its admin tool's) options for this database (trust authentication: no password). */
    List<String> serverOptions() {
        return List.of("--jdbc-url", "jdbc:postgresql://127.0.0.1:" + port + "/" + DATABASE, "--jdbc-user", USER);
    }

    private boolean stopped;

    @Override
    public synchronized void close() {
        if (stopped) {
            return;
        }
        stopped = true;
        try {
            run("pg_ctl", "-D", dir.resolve("data").toString(), "-m", "immediate", "-w", "stop");
        } catch (RuntimeException e) {
            System.err.println("could not stop the faults' PostgreSQL cluster: " + e.getMessage());
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            // a temporary directory; the OS cleans it eventually
        }
    }

    private void run(String tool, String... args) {
        List<String> cmd = new ArrayList<>();
        if (asPostgres) {
            cmd.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        cmd.add(bin.resolve(tool).toString());
        cmd.addAll(List.of(args));
        try {
            Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes());
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException(String.join(" ", cmd) + " failed:\n" + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(String.join(" ", cmd) + " could not run: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        try (Stream<Path> versions = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return versions.map(v -> v.resolve("bin")).filter(b -> Files.isExecutable(b.resolve("initdb")))
                    .max(Comparator.comparing(b -> versionOf(b.getParent())))
                    .orElseThrow(() -> new AssertionError("PostgreSQL binaries are missing (no /usr/lib/postgresql/*/bin/"
                            + "initdb): the fault schedules' province runs on a real PostgreSQL. Install Debian's package: "
                            + "apt-get install -y postgresql"));
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
