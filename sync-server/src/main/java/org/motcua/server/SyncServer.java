package org.motcua.server;

import io.javalin.Javalin;
import io.javalin.compression.CompressionStrategy;
import io.javalin.config.JavalinConfig;
import io.javalin.security.Roles;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.NetworkConnector;
import org.eclipse.jetty.server.ServerConnector;
import org.motcua.server.api.ApiRoutes;
import org.motcua.server.api.HttpLayerErrors;
import org.motcua.server.api.TlsConnector;
import org.motcua.server.web.WebRoutes;

/**
 * The HTTP face of the province server. Plain HTTP is served only on a loopback address (§12); devices elsewhere
 * use the TLS connector, whose certificate chains to the CA they pinned at enrolment. Routes are declared in
 * {@link ApiRoutes} (the devices' API) and {@link WebRoutes} (the officers' pages); the work behind them lives in plain
 * service classes.
 */
public final class SyncServer implements AutoCloseable {

    public static final String SERVICE = "motcua-sync-server";
    /** Jetty's request-header limit: above {@code maxSignatureHeaderBytes} plus every other header (§12). */
    public static final int REQUEST_HEADER_BYTES = 32 * 1024;

    /** Jetty's name of the plain (loopback) connector. */
    static final String PLAIN = "motcua-plain";

    private final ServerServices services;
    private final TlsConnector tls;
    private Javalin app;

    /** A server without TLS (tests and {@code ./motcua run} on loopback). */
    public SyncServer(ServerServices services) {
        this(services, null);
    }

    /** {@code tls} non-null adds the TLS connector. */
    public SyncServer(ServerServices services, TlsConnector tls) {
        this.services = services;
        this.tls = tls;
    }

    private void configure(JavalinConfig config, String host, int port) {
        config.startup.showJavalinBanner = false;
        config.startup.showOldJavalinVersionWarning = false;
        config.http.compressionStrategy = CompressionStrategy.NONE;
        config.jetty.modifyHttpConfiguration(http -> {
            http.setRequestHeaderSize(REQUEST_HEADER_BYTES);
            http.setSendServerVersion(false);
        });
        // Both connectors are declared here: once any connector is added, Javalin adds no default one of its own.
        config.jetty.addConnector((server, http) -> {
            ServerConnector plain = new ServerConnector(server, new HttpConnectionFactory(http));
            plain.setName(PLAIN);
            plain.setHost(host);
            plain.setPort(port);
            return plain;
        });
        if (tls != null) {
            config.jetty.addConnector(tls::create);
        }
        // Refusals Jetty makes before any route (malformed requests, oversized headers) answer like the routes' own.
        config.jetty.modifyServer(server -> server.setErrorHandler(new HttpLayerErrors()));
        config.jetty.modifyServletContextHandler(context -> context.setErrorHandler(new HttpLayerErrors()));
        ApiRoutes.register(config, services);
        WebRoutes.register(config, services);
    }

    /** Starts listening; plain HTTP only on a loopback address. {@code port} 0 picks a free port. */
    public SyncServer start(String host, int port) {
        requireLoopback(host);
        app = Javalin.create(config -> configure(config, host, port));
        app.start();
        return this;
    }

    public static void requireLoopback(String host) {
        try {
            if (!InetAddress.getByName(host).isLoopbackAddress()) {
                throw new IllegalArgumentException("plain HTTP is served on a loopback address only (§12), not on " + host
                        + "; use --tls-port for devices on the network");
            }
        } catch (UnknownHostException e) {
            throw new IllegalArgumentException("unknown host " + host, e);
        }
    }

    /** The plain connector's port. */
    public int port() {
        for (var c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector n && PLAIN.equals(n.getName())) {
                return n.getLocalPort();
            }
        }
        return app.port();
    }

    /** The TLS connector's port, when there is one. */
    public Optional<Integer> tlsPort() {
        if (tls == null) {
            return Optional.empty();
        }
        for (var c : app.jettyServer().server().getConnectors()) {
            if (c instanceof NetworkConnector n && TlsConnector.NAME.equals(n.getName())) {
                return Optional.of(n.getLocalPort());
            }
        }
        return Optional.empty();
    }

    /** One route as Javalin registered it: method, path template, and whether a signed-in officer is required. */
    public record Route(String method, String path, boolean signedIn) {
    }

    /**
     * Every HTTP route from Javalin's own registry (not a list kept by hand), so tests that must cover every endpoint,
     * such as the fuzzer, see a new route as soon as it is declared.
     */
    public List<Route> routes() {
        return app.unsafe.internalRouter.allHttpHandlers().stream()
                .map(p -> p.endpoint)
                .filter(e -> e.method.isHttpMethod())
                .map(e -> {
                    Roles roles = e.metadata(Roles.class);
                    return new Route(e.method.name(), e.path, roles != null && !roles.getRoles().isEmpty());
                })
                .toList();
    }

    public ServerServices services() {
        return services;
    }

    @Override
    public void close() {
        if (app != null) {
            app.stop();
        }
    }
}
