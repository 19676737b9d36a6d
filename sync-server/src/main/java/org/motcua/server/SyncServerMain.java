package org.motcua.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code java -jar motcua-sync-server.jar [--host H] [--port P] [--data DIR | --jdbc-url URL ...]}. */
@Command(name = "motcua-sync-server", mixinStandardHelpOptions = true,
        description = "Receives signed batches from commune clients and serves the leaders' dashboard.")
public final class SyncServerMain implements Callable<Integer> {

    /** Printed once the server listens; {@code ./motcua} waits for it. */
    public static final String READY_MARKER = "MOTCUA-SERVER-READY";

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to listen on (default: ${DEFAULT-VALUE}).")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port to listen on, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--data", defaultValue = "${user.home}/.motcua/server",
            description = "Directory of the embedded H2 database (default: ${DEFAULT-VALUE}).")
    Path dataDir;

    @Option(names = "--jdbc-url", description = "Use this database instead of the embedded one, e.g. a PostgreSQL URL.")
    String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "motcua", description = "Database user with --jdbc-url.")
    String jdbcUser;

    @Option(names = "--jdbc-password-env", defaultValue = "MOTCUA_DB_PASSWORD",
            description = "Environment variable holding the database password (never on the command line).")
    String jdbcPasswordEnv;

    @Override
    public Integer call() throws Exception {
        ServerDatabase db;
        if (jdbcUrl != null) {
            String password = System.getenv().getOrDefault(jdbcPasswordEnv, "");
            db = ServerDatabase.connect(jdbcUrl, jdbcUser, password);
        } else {
            Files.createDirectories(dataDir);
            db = ServerDatabase.embedded(dataDir);
        }
        SyncServer server = new SyncServer(db).start(host, port);
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            server.close();
            db.close();
            stopped.countDown();
        }, "motcua-shutdown"));
        System.out.println(READY_MARKER + " http://" + host + ":" + server.port());
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static void main(String[] args) {
        int code = new CommandLine(new SyncServerMain()).execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
