package org.motcua.server.api;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.io.IOException;
import java.time.Instant;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Health;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Tx;
import org.motcua.server.web.WebErrors;

/** Every route of {@code /api/v1} (§6), each a thin call into a service, and how failures are answered. */
public final class ApiRoutes {

    static final String BASE = "/api/v1";
    static final String DEVICE = BASE + "/devices/{deviceId}";

    private ApiRoutes() {
    }

    public static void register(JavalinConfig config, ServerServices services) {
        DeviceGate gate = new DeviceGate(services);
        EnrolmentRoute enrolment = new EnrolmentRoute(services);
        DeviceRoutes device = new DeviceRoutes(services, gate);
        BatchRoute batches = new BatchRoute(services, gate);
        BlobRoutes blobs = new BlobRoutes(services, gate);
        ProductFileRoutes productFiles = new ProductFileRoutes(services, gate);
        var routes = config.routes;
        routes.get(BASE + "/health", ctx -> health(ctx, services));
        routes.get(BASE + "/limits", ctx -> Answers.json(ctx, 200, services.limits.canonical()));
        routes.post(BASE + "/enrolments", enrolment::post);
        routes.post(DEVICE + "/sessions", device::session);
        routes.post(DEVICE + "/rekey", device::rekey);
        routes.post(DEVICE + "/batches", batches::post);
        routes.get(DEVICE + "/receipts/{batchId}", device::receipt);
        routes.get(DEVICE + "/state", device::state);
        routes.get(DEVICE + "/updates", device::updates);
        routes.get(DEVICE + "/dossier-history", device::dossierHistory);
        routes.get(DEVICE + "/blobs/{sha256}", blobs::get);
        routes.post(DEVICE + "/blobs/missing", blobs::missing);
        routes.head(DEVICE + "/blobs/{sha256}", blobs::head);
        routes.patch(DEVICE + "/blobs/{sha256}", blobs::patch);
        routes.get(BASE + "/product/files/{sha256}", productFiles::get);
        routes.head(BASE + "/product/files/{sha256}", productFiles::head);

        // The web pages (web.WebRoutes) share these handlers: their paths get a Vietnamese page, /api paths a problem.
        routes.exception(Rejection.class, (e, ctx) -> {
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, e.problem().status());
                return;
            }
            Answers.problem(ctx, e);
        });
        routes.exception(Tx.DatabaseFailure.class, (e, ctx) -> {
            // SQLSTATE and code only: a database's message may quote a value, and values may be citizens' data.
            System.err.println("database failure on " + ctx.method() + " " + ctx.path() + ": SQLSTATE "
                    + e.sqlException().getSQLState() + ", code " + e.sqlException().getErrorCode());
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, 500);
                return;
            }
            Answers.problem(ctx, Problem.of(ProblemType.SERVER_ERROR, "Internal error",
                    "The database failed; the request changed nothing. See the server log."));
        });
        routes.exception(IOException.class, (e, ctx) -> {
            // The client's body ended before its Content-Length: its fault, not the server's (a 500 page, found by the fuzzer).
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, 400);
                return;
            }
            Answers.problem(ctx, Problem.of(ProblemType.BAD_REQUEST,
                "Request body incomplete", "The connection ended before the whole body arrived; nothing was stored."));
        });
        routes.exception(Exception.class, (e, ctx) -> {
            System.err.println("unexpected failure on " + ctx.method() + " " + ctx.path() + ": " + e.getClass().getName());
            for (StackTraceElement frame : e.getStackTrace()) {
                System.err.println("\tat " + frame);
            }
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, 500);
                return;
            }
            Answers.problem(ctx, Problem.of(ProblemType.SERVER_ERROR, "Internal error",
                    "The server failed; the request changed nothing. See the server log."));
        });
        routes.error(HttpStatus.NOT_FOUND, ctx -> {
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, 404);
            } else if (!Answers.answered(ctx)) {
                Answers.problem(ctx, Problem.of(ProblemType.NOT_FOUND, "No such resource", "Nothing is served at " + ctx.path()));
            }
        });
        routes.error(HttpStatus.METHOD_NOT_ALLOWED, ctx -> {
            if (WebErrors.isWeb(ctx)) {
                WebErrors.show(ctx, 404);
            } else if (!Answers.answered(ctx)) {
                Answers.problem(ctx, Problem.of(ProblemType.NOT_FOUND, "No such resource", "Nothing is served at " + ctx.path()));
            }
        });
    }

    private static void health(Context ctx, ServerServices services) {
        if (services.db.isUp()) {
            Answers.json(ctx, 200, Health.of(Health.OK, WireFormats.serverTime(Instant.now())).canonical());
        } else {
            ctx.header("Retry-After", "30");
            Answers.problem(ctx, Problem.of(ProblemType.UNAVAILABLE, "Database unavailable",
                    "The server cannot reach its database; batches cannot be accepted now."));
        }
    }
}
