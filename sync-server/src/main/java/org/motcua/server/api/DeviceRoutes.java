package org.motcua.server.api;

import io.javalin.http.Context;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.wire.PathChecks;
import org.motcua.server.wire.SignedRequest;

/** Sessions, rekey (§6.2, §6.3), receipts, state and the feed (§6.5, §6.6, §6.8). */
final class DeviceRoutes {

    private final ServerServices services;
    private final DeviceGate gate;

    DeviceRoutes(ServerServices services, DeviceGate gate) {
        this.services = services;
        this.gate = gate;
    }

    void session(Context ctx) throws Exception {
        String deviceId = gate.path(ctx, Answers.Scheme.SIGNATURE, false);
        Answers.signed(ctx, 201, services.sessions.open(signed(ctx, deviceId)));
    }

    void rekey(Context ctx) throws Exception {
        String deviceId = gate.path(ctx, Answers.Scheme.SIGNATURE, false);
        Answers.signed(ctx, 200, services.rekeys.rekey(signed(ctx, deviceId)));
    }

    private SignedRequest signed(Context ctx, String deviceId) throws Exception {
        Bodies.requireJson(ctx, false);
        return new SignedRequest(deviceId, ctx.header(Protocol.SIGNATURE_HEADER), Bodies.small(ctx, services.limits.maxRequestBytes()));
    }

    void receipt(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        String batchId = PathChecks.uuid(ctx.pathParam("batchId"));
        Answers.signed(ctx, 200, services.states.receipt(device, batchId));
    }

    void state(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        byte[] nonce = nonce(ctx.queryParam("nonce"));
        String epoch = ctx.queryParam("epoch");
        if (epoch != null && !WireFormats.isUuid(epoch)) {
            throw badRequest("epoch must be a uuid.");
        }
        Answers.signed(ctx, 200, services.states.state(device, nonce, epoch));
    }

    void updates(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        byte[] nonce = nonce(ctx.queryParam("nonce"));
        String feedId = ctx.queryParam("feedId");
        if (feedId != null && !WireFormats.isUuid(feedId)) {
            throw badRequest("feedId must be a uuid.");
        }
        Long after = number(ctx.queryParam("after"), "after");
        Long limit = number(ctx.queryParam("limit"), "limit");
        Integer pageSize = limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE);
        Answers.signed(ctx, 200, services.feed.signedPage(device, nonce, feedId, after, pageSize));
    }

    /** A replacement PC's restore: its unit's dossiers, a page at a time (PROTOCOL-NOTES "Replacement PC"). */
    void dossierHistory(Context ctx) throws Exception {
        DeviceRecord device = gate.bearer(ctx);
        byte[] nonce = nonce(ctx.queryParam("nonce"));
        String scope = ctx.queryParam("scope");
        Long limit = number(ctx.queryParam("limit"), "limit");
        Integer pageSize = limit == null ? null : (int) Math.min(limit, Integer.MAX_VALUE);
        Answers.signed(ctx, 200, services.history.signedPage(device, nonce, scope == null ? "open" : scope,
                ctx.queryParam("after"), pageSize));
    }

    /** The 16-byte b64u nonce every signed read echoes; 400 {@code bad-request} when missing or malformed. */
    static byte[] nonce(String value) throws Rejection {
        if (value == null) {
            throw badRequest("nonce (16 random bytes, b64u) is required.");
        }
        try {
            byte[] nonce = B64u.decode(value);
            if (nonce.length == 16) {
                return nonce;
            }
        } catch (IllegalArgumentException e) {
            // answered below
        }
        throw badRequest("nonce must be 16 bytes in b64u.");
    }

    private static Long number(String value, String name) throws Rejection {
        if (value == null) {
            return null;
        }
        if (!value.matches("\\d{1,15}")) {
            throw badRequest(name + " must be a non-negative integer.");
        }
        return Long.parseLong(value);
    }

    static Rejection badRequest(String detail) {
        return Rejection.of(ProblemType.BAD_REQUEST, "Bad request", detail);
    }
}
