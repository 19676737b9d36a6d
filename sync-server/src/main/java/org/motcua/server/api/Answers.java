package org.motcua.server.api;

import io.javalin.http.Context;
import java.util.Map;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.io.Gzip;
import org.motcua.server.Rejection;
import org.motcua.server.sessions.SessionService;

/** Writes the server's answers: signed documents, plain JSON and RFC 9457 problems, always {@code no-store}. */
public final class Answers {

    /** Which {@code WWW-Authenticate} a 401 from this route carries (§3.5). */
    public enum Scheme {
        SIGNATURE("MotCua-Signature realm=\"" + Protocol.REALM + "\""),
        ENROLMENT_MAC("MotCua-Enrolment-Mac realm=\"" + Protocol.REALM + "\""),
        BEARER("Bearer realm=\"" + Protocol.REALM + "\", error=\"invalid_token\""),
        NONE(null);

        final String challenge;

        Scheme(String challenge) {
            this.challenge = challenge;
        }
    }

    static final String SCHEME_ATTRIBUTE = "motcua.scheme";
    static final String ANSWERED_ATTRIBUTE = "motcua.answered";
    /** Signed bodies above this size are gzip-encoded when the client accepts it. */
    static final int GZIP_FROM_BYTES = 1024;

    private Answers() {
    }

    static void scheme(Context ctx, Scheme scheme) {
        ctx.attribute(SCHEME_ATTRIBUTE, scheme);
    }

    /** A signed document: the exact signed bytes (optionally gzip-encoded) and {@code MotCua-Signature}. */
    static void signed(Context ctx, int status, SessionService.Signed signed) {
        ctx.header(Protocol.SIGNATURE_HEADER, B64u.encode(signed.signature()));
        json(ctx, status, signed.body());
    }

    static void json(Context ctx, int status, byte[] body) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(status).contentType("application/json");
        String accept = ctx.header("Accept-Encoding");
        if (body.length >= GZIP_FROM_BYTES && accept != null && accept.toLowerCase(java.util.Locale.ROOT).contains("gzip")) {
            ctx.header("Content-Encoding", "gzip");
            ctx.header("Vary", "Accept-Encoding");
            ctx.result(Gzip.compress(body));
        } else {
            ctx.result(body);
        }
        ctx.attribute(ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    static void problem(Context ctx, Rejection r) {
        Problem p = r.problem();
        for (Map.Entry<String, String> h : r.headers().entrySet()) {
            ctx.header(h.getKey(), h.getValue());
        }
        Scheme scheme = ctx.attribute(SCHEME_ATTRIBUTE);
        if (p.status() == 401 && scheme != null && scheme.challenge != null) {
            ctx.header("WWW-Authenticate", scheme.challenge);
        }
        problem(ctx, p);
    }

    static void problem(Context ctx, Problem p) {
        ctx.header("Cache-Control", "no-store");
        ctx.status(p.status()).contentType(Protocol.PROBLEM_MEDIA_TYPE).result(p.bytes());
        ctx.attribute(ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    static boolean answered(Context ctx) {
        return Boolean.TRUE.equals(ctx.attribute(ANSWERED_ATTRIBUTE));
    }
}
