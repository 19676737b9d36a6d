package org.motcua.server;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Instant;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Health;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;

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
            config.routes.error(HttpStatus.NOT_FOUND, ctx -> problem(ctx, Problem.of(ProblemType.NOT_FOUND,
                    "No such resource", "Nothing is served at " + ctx.path())));
            config.routes.exception(Exception.class, (e, ctx) -> problem(ctx, Problem.of(ProblemType.SERVER_ERROR,
                    "Internal error", "The server failed; the request changed nothing. See the server log.")));
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
        ctx.header("Cache-Control", "no-store");
        if (database.isUp()) {
            ctx.contentType("application/json").result(Health.of(Health.OK, WireFormats.serverTime(Instant.now())).canonical());
        } else {
            ctx.header("Retry-After", "30");
            problem(ctx, Problem.of(ProblemType.UNAVAILABLE, "Database unavailable",
                    "The server cannot reach its database; batches cannot be accepted now."));
        }
    }

    static void problem(Context ctx, Problem problem) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(problem.status()).contentType(Protocol.PROBLEM_MEDIA_TYPE).result(problem.bytes());
    }

    @Override
    public void close() {
        app.stop();
    }
}
