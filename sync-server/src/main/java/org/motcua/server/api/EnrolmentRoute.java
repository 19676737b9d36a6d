package org.motcua.server.api;

import io.javalin.http.Context;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.server.ServerServices;
import org.motcua.server.enrol.EnrolmentService;

/** {@code POST /api/v1/enrolments} (§6.1): the MAC in a header, the answer MACed the same way. */
final class EnrolmentRoute {

    private final ServerServices services;

    EnrolmentRoute(ServerServices services) {
        this.services = services;
    }

    void post(Context ctx) throws Exception {
        Answers.scheme(ctx, Answers.Scheme.ENROLMENT_MAC);
        services.addressRequests.acquire(ctx.ip());
        services.addressEnrolments.acquire(ctx.ip());
        Bodies.requireJson(ctx, false);
        byte[] body = Bodies.small(ctx, services.limits.maxRequestBytes());
        EnrolmentService.Enrolled enrolled = services.enrolment.enrol(body, mac(ctx.header(Protocol.ENROLMENT_MAC_HEADER)));
        ctx.header(Protocol.ENROLMENT_MAC_HEADER, B64u.encode(enrolled.mac()));
        Answers.json(ctx, 201, enrolled.response());
    }

    /** The header's MAC bytes; a missing or malformed header is a wrong MAC (it never matches). */
    private static byte[] mac(String header) {
        if (header == null) {
            return new byte[0];
        }
        try {
            return B64u.decode(header.strip());
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }
}
