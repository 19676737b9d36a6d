package org.motcua.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.protocol.HealthStatus;

/**
 * The HTTP face of the upstream server. Routes are declared here; the work behind them lives in their
 * own classes as they arrive. Errors are answered as RFC 9457 problem documents.
 */
public final class SyncServer implements AutoCloseable {

    public static final String SERVICE = "motcua-sync-server";

    private final ServerDatabase database;
    private final Javalin app;

    public SyncServer(ServerDatabase database) {
        this.database = database;
        this.app = Javalin.create(config -> {
            config.startup.showJavalinBanner = false;
            config.startup.showOldJavalinVersionWarning = false;
            config.routes.get("/api/v1/health", this::health);
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> problem(ctx, HttpStatus.NOT_FOUND,
                    "No such resource", "Nothing is served at " + ctx.path()));
            config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, HttpStatus.INTERNAL_SERVER_ERROR,
                    "Internal error", "The server failed; the request changed nothing. See the server log."));
        });
    }

    /** Starts listening; {@code port} 0 picks a free port (see {@link #port()}). */
    public SyncServer start(String host, int port) {
        app.start(host, port);
        return this;
    }

    public int port() {
        return app.port();
    }

    private void health(Context ctx) {
        if (database.isUp()) {
            ctx.json(HealthStatus.up(SERVICE));
        } else {
            problem(ctx, HttpStatus.SERVICE_UNAVAILABLE, "Database unavailable",
                    "The server cannot reach its database; batches cannot be accepted now.");
        }
    }

    static void problem(Context ctx, HttpStatus status, String title, String detail) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        body.put("title", title);
        body.put("status", status.getCode());
        body.put("detail", detail);
        body.put("instance", ctx.path());
        ctx.status(status).json(body).contentType("application/problem+json");
    }

    @Override
    public void close() {
        app.stop();
    }
}
