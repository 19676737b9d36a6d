package org.motcua.server;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.motcua.protocol.pki.Certificates;
import org.motcua.server.admin.AccountCreateCommand;
import org.motcua.server.admin.AccountDisableCommand;
import org.motcua.server.admin.AccountListCommand;
import org.motcua.server.admin.AccountResetPasswordCommand;
import org.motcua.server.admin.DatabaseOptions;
import org.motcua.server.admin.DecideCommand;
import org.motcua.server.admin.DeviceConfigCommand;
import org.motcua.server.admin.AlertsCommand;
import org.motcua.server.admin.DevicesCommand;
import org.motcua.server.admin.EnrolFileCommand;
import org.motcua.server.admin.EnrolmentCodeCommand;
import org.motcua.server.admin.LeaseNumbersCommand;
import org.motcua.server.admin.PublishCalendarCommand;
import org.motcua.server.admin.PublishRosterCommand;
import org.motcua.server.admin.PublishCatalogueCommand;
import org.motcua.server.admin.PublishUpdateCommand;
import org.motcua.server.admin.RevokeCommand;
import org.motcua.server.admin.UsbImportCommand;
import org.motcua.server.admin.VerifyBlobsCommand;
import org.motcua.server.admin.VerifyChainsCommand;
import org.motcua.server.ServerSettings.Key;
import org.motcua.server.api.TlsConnector;
import org.motcua.server.export.ExportSettings;
import org.motcua.server.export.ExportWorker;
import org.motcua.server.feed.LookupPagePublisher;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code java -jar motcua-sync-server.jar [--host H] [--port P] [--tls-port T] [--data DIR | --jdbc-url URL …]} starts
 * the server; the admin's commands are subcommands working on the same database options.
 */
@Command(name = "motcua-sync-server", mixinStandardHelpOptions = true,
        description = "Receives signed batches from commune clients and serves the province's web pages.",
        subcommands = {EnrolmentCodeCommand.class, DevicesCommand.class, AlertsCommand.class, RevokeCommand.class, DeviceConfigCommand.class,
                UsbImportCommand.class, EnrolFileCommand.class, VerifyChainsCommand.class, VerifyBlobsCommand.class, PublishCatalogueCommand.class,
                PublishCalendarCommand.class, AccountCreateCommand.class, AccountListCommand.class,
                AccountDisableCommand.class, AccountResetPasswordCommand.class, LeaseNumbersCommand.class,
                DecideCommand.class, PublishRosterCommand.class, PublishUpdateCommand.class,
                org.motcua.server.admin.ImportCommunesCommand.class})
public final class SyncServerMain implements Callable<Integer> {

    /** Printed once the server listens; {@code ./motcua} waits for it. */
    public static final String READY_MARKER = "MOTCUA-SERVER-READY";
    /** Printed after the ready line when a TLS connector listens. */
    public static final String TLS_MARKER = "MOTCUA-SERVER-TLS";

    @Option(names = "--host", description = "Loopback address for plain HTTP (env MOTCUA_HOST, file http.host; default: 127.0.0.1); "
            + "other addresses are refused.")
    String host;

    @Option(names = "--port", description = "Port for plain HTTP, 0 for any free port (env MOTCUA_PORT, file http.port; default: 8080).")
    Integer port;

    @Option(names = "--tls-port", description = "Port for TLS, 0 for any free port (env MOTCUA_TLS_PORT, file tls.port); none when absent.")
    Integer tlsPort;

    @Option(names = "--tls-host", description = "Address for TLS (env MOTCUA_TLS_HOST, file tls.host; default: 0.0.0.0).")
    String tlsHost;

    @Option(names = "--tls-name", description = "A DNS name or IP address devices use (repeatable; env MOTCUA_TLS_NAMES, file "
            + "tls.names, comma-separated); localhost and 127.0.0.1 are always in.")
    List<String> tlsNames;

    @Mixin
    DatabaseOptions database;

    @Option(names = "--dashboard-jdbc-url", paramLabel = "URL",
            description = "A read replica (PostgreSQL hot standby) of --jdbc-url for the dashboard's and the scores' pages "
                    + "(env MOTCUA_DASHBOARD_JDBC_URL, file dashboard.jdbc-url); without it they read the primary. Its password "
                    + "comes from MOTCUA_DASHBOARD_DB_PASSWORD or dashboard.jdbc-password, by default the primary's.")
    String dashboardJdbcUrl;

    @Option(names = "--dashboard-jdbc-user", description = "Database user on the dashboard's replica (env "
            + "MOTCUA_DASHBOARD_JDBC_USER, file dashboard.jdbc-user; default: the primary's).")
    String dashboardJdbcUser;

    @Option(names = "--limits", paramLabel = "FILE",
            description = "A limits document (§5.7 JSON) to announce and enforce instead of the contract's defaults; "
                    + "no maximum, rate or lifetime may be below the default (env MOTCUA_LIMITS_FILE, file limits.file).")
    Path limitsFile;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address citizens reach this server at, e.g. https://motcua.tinh.gov.vn: desks then put the "
                    + "lookup page's URL (URL/tra-cuu?code=…&token=…) in the receipt's QR code. Every instance needs the same value "
                    + "(env MOTCUA_PUBLIC_URL, file public.url).")
    String publicUrl;

    @Option(names = "--export-endpoint", paramLabel = "URL",
            description = "The national platform's address the portal records are POSTed to (env MOTCUA_EXPORT_ENDPOINT, file "
                    + "export.endpoint); without it they are only written to <data>/national-export. The session token comes "
                    + "from MOTCUA_EXPORT_SESSION_TOKEN or the file named by export.session-token-file.")
    String exportEndpoint;

    @Override
    public Integer call() throws Exception {
        Map<Key, String> cli = new EnumMap<>(Key.class);
        cli.put(Key.HTTP_HOST, host);
        cli.put(Key.HTTP_PORT, port == null ? null : port.toString());
        cli.put(Key.TLS_PORT, tlsPort == null ? null : tlsPort.toString());
        cli.put(Key.TLS_HOST, tlsHost);
        cli.put(Key.TLS_NAMES, tlsNames == null ? null : String.join(",", tlsNames));
        cli.put(Key.LIMITS_FILE, limitsFile == null ? null : limitsFile.toString());
        cli.put(Key.PUBLIC_URL, publicUrl);
        cli.put(Key.EXPORT_ENDPOINT, exportEndpoint);
        cli.put(Key.DASHBOARD_JDBC_URL, dashboardJdbcUrl);
        cli.put(Key.DASHBOARD_JDBC_USER, dashboardJdbcUser);
        ServerSettings settings = database.settings(cli);
        String httpHost = settings.get(Key.HTTP_HOST, "127.0.0.1");
        SyncServer.requireLoopback(httpHost);
        ServerConfig config = database.config(settings);
        // Only the server reads the replica setting: admin commands write, and never open the dashboard's pool.
        config.dashboardJdbcUrl = settings.get(Key.DASHBOARD_JDBC_URL).orElse(null);
        config.dashboardJdbcUser = settings.get(Key.DASHBOARD_JDBC_USER).orElse(null);
        config.dashboardJdbcPassword = settings.get(Key.DASHBOARD_JDBC_PASSWORD).orElse(null);
        config.tlsNames = settings.get(Key.TLS_NAMES).map(n -> Arrays.stream(n.split(",")).map(String::strip)
                .filter(x -> !x.isEmpty()).toList()).orElse(List.of());
        Optional<String> limits = settings.get(Key.LIMITS_FILE);
        if (limits.isPresent()) {
            config.limits(LimitsFile.read(Path.of(limits.get())));
        }
        if (config.publicBaseUrl != null) {
            LookupPagePublisher.lookupUrl(config.publicBaseUrl); // a bad address stops the start before anything is opened
        }
        ExportSettings export = ExportSettings.of(config.dataDir, config.exportEndpoint, config.exportSessionToken);
        int tls = settings.integer(Key.TLS_PORT, -1);
        ServerServices services = ServerServices.open(config);
        try {
            if (services.publishLookupPage()) {
                System.out.println("lookup page announced to the desks: " + (config.publicBaseUrl == null
                        ? "none (plain code|token QR)" : LookupPagePublisher.lookupUrl(config.publicBaseUrl)));
            }
        } catch (Rejection | RuntimeException e) {
            services.close();
            throw e;
        }
        SyncServer server;
        try {
            TlsConnector connector = tls >= 0 ? new TlsConnector(services.keys, settings.get(Key.TLS_HOST, "0.0.0.0"), tls) : null;
            server = new SyncServer(services, connector).start(httpHost, settings.integer(Key.HTTP_PORT, 8080));
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        Housekeeping housekeeping = new Housekeeping(services);
        services.scores.startNightly();
        ExportWorker exporter = new ExportWorker(services.db, config.clock, export).start();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            exporter.close();
            housekeeping.close();
            server.close();
            services.close();
            stopped.countDown();
        }, "motcua-shutdown"));
        System.out.println("CA fingerprint: " + Certificates.fingerprint(services.keys.caCertificate()));
        System.out.println("national export: " + export.directory() + export.endpoint().map(u -> " and " + u.getScheme() + "://"
                + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort())).orElse(" (no endpoint configured)"));
        System.out.println(READY_MARKER + " http://" + httpHost + ":" + server.port());
        server.tlsPort().ifPresent(p -> System.out.println(TLS_MARKER + " https://"
                + (config.tlsNames.isEmpty() ? "localhost" : config.tlsNames.get(0)) + ":" + p));
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static CommandLine commandLine() {
        return commandLine(System.getenv());
    }

    /** The command line reading settings from {@code environment} instead of the process's. */
    public static CommandLine commandLine(Map<String, String> environment) {
        CommandLine.IFactory defaults = CommandLine.defaultFactory();
        CommandLine cli = new CommandLine(new SyncServerMain(), new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> type) throws Exception {
                return type == DatabaseOptions.class ? type.cast(new DatabaseOptions(environment)) : defaults.create(type);
            }
        });
        // A wrong option value or an unusable configuration is said in one line; anything else keeps its stack trace.
        cli.setExecutionExceptionHandler((e, commandLine, parsed) -> {
            if (!(e instanceof IllegalArgumentException || e instanceof IllegalStateException)) {
                throw e;
            }
            commandLine.getErr().println(commandLine.getCommandName() + ": " + e.getMessage());
            return 1;
        });
        return cli;
    }

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }
}
