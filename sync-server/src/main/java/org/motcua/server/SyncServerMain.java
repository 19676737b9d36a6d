package org.motcua.server;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
import org.motcua.server.admin.DevicesCommand;
import org.motcua.server.admin.EnrolFileCommand;
import org.motcua.server.admin.EnrolmentCodeCommand;
import org.motcua.server.admin.LeaseNumbersCommand;
import org.motcua.server.admin.PublishCalendarCommand;
import org.motcua.server.admin.PublishRosterCommand;
import org.motcua.server.admin.PublishCatalogueCommand;
import org.motcua.server.admin.RevokeCommand;
import org.motcua.server.admin.UsbImportCommand;
import org.motcua.server.admin.VerifyBlobsCommand;
import org.motcua.server.admin.VerifyChainsCommand;
import org.motcua.server.api.TlsConnector;
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
        subcommands = {EnrolmentCodeCommand.class, DevicesCommand.class, RevokeCommand.class, DeviceConfigCommand.class,
                UsbImportCommand.class, EnrolFileCommand.class, VerifyChainsCommand.class, VerifyBlobsCommand.class, PublishCatalogueCommand.class,
                PublishCalendarCommand.class, AccountCreateCommand.class, AccountListCommand.class,
                AccountDisableCommand.class, AccountResetPasswordCommand.class, LeaseNumbersCommand.class,
                DecideCommand.class, PublishRosterCommand.class})
public final class SyncServerMain implements Callable<Integer> {

    /** Printed once the server listens; {@code ./motcua} waits for it. */
    public static final String READY_MARKER = "MOTCUA-SERVER-READY";
    /** Printed after the ready line when a TLS connector listens. */
    public static final String TLS_MARKER = "MOTCUA-SERVER-TLS";

    @Option(names = "--host", defaultValue = "127.0.0.1",
            description = "Loopback address for plain HTTP (default: ${DEFAULT-VALUE}); other addresses are refused.")
    String host;

    @Option(names = "--port", defaultValue = "8080", description = "Port for plain HTTP, 0 for any free port (default: ${DEFAULT-VALUE}).")
    int port;

    @Option(names = "--tls-port", defaultValue = "-1", description = "Port for TLS, 0 for any free port; none when absent.")
    int tlsPort;

    @Option(names = "--tls-host", defaultValue = "0.0.0.0", description = "Address for TLS (default: ${DEFAULT-VALUE}).")
    String tlsHost;

    @Option(names = "--tls-name", description = "A DNS name or IP address devices use (repeatable); localhost and 127.0.0.1 are always in.")
    List<String> tlsNames = new ArrayList<>();

    @Mixin
    DatabaseOptions database;

    @Option(names = "--limits", paramLabel = "FILE",
            description = "A limits document (§5.7 JSON) to announce and enforce instead of the contract's defaults; "
                    + "no maximum, rate or lifetime may be below the default.")
    Path limitsFile;

    @Option(names = "--public-url", paramLabel = "URL",
            description = "The address citizens reach this server at, e.g. https://motcua.tinh.gov.vn: desks then put the "
                    + "lookup page's URL (URL/tra-cuu?code=…&token=…) in the receipt's QR code. Every instance needs the same value.")
    String publicUrl;

    @Override
    public Integer call() throws Exception {
        SyncServer.requireLoopback(host);
        ServerConfig config = database.config();
        config.tlsNames = tlsNames;
        if (limitsFile != null) {
            config.limits(LimitsFile.read(limitsFile));
        }
        if (publicUrl != null) {
            LookupPagePublisher.lookupUrl(publicUrl); // a bad address stops the start before anything is opened
        }
        config.publicBaseUrl = publicUrl;
        ServerServices services = ServerServices.open(config);
        try {
            if (services.publishLookupPage()) {
                System.out.println("lookup page announced to the desks: " + (publicUrl == null ? "none (plain code|token QR)"
                        : LookupPagePublisher.lookupUrl(publicUrl)));
            }
        } catch (Rejection | RuntimeException e) {
            services.close();
            throw e;
        }
        SyncServer server;
        try {
            TlsConnector tls = tlsPort >= 0 ? new TlsConnector(services.keys, tlsHost, tlsPort) : null;
            server = new SyncServer(services, tls).start(host, port);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        Housekeeping housekeeping = new Housekeeping(services);
        services.scores.startNightly();
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            housekeeping.close();
            server.close();
            services.close();
            stopped.countDown();
        }, "motcua-shutdown"));
        System.out.println("CA fingerprint: " + Certificates.fingerprint(services.keys.caCertificate()));
        System.out.println(READY_MARKER + " http://" + host + ":" + server.port());
        server.tlsPort().ifPresent(p -> System.out.println(TLS_MARKER + " https://"
                + (tlsNames.isEmpty() ? "localhost" : tlsNames.get(0)) + ":" + p));
        System.out.flush();
        stopped.await();
        return 0;
    }

    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SyncServerMain());
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
