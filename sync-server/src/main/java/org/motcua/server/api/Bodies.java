package org.motcua.server.api;

import io.javalin.http.Context;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.wire.RequestDocuments;

/** Reading request bodies within their limits, never more than announced or allowed. */
final class Bodies {

    private Bodies() {
    }

    /** Content-Length, or -1 when absent (chunked). */
    static long contentLength(Context ctx) {
        return ctx.req().getContentLengthLong();
    }

    /** Exactly {@code length} bytes; a connection that ends first throws (nothing was stored). */
    static byte[] exactly(Context ctx, long length) throws IOException {
        InputStream in = ctx.req().getInputStream();
        byte[] bytes = in.readNBytes((int) length);
        if (bytes.length != length) {
            throw new EOFException("the request body ended after " + bytes.length + " of " + length + " bytes");
        }
        return bytes;
    }

    /** A small JSON body (≤ {@code maxRequestBytes}): 413 {@code request-too-large} before reading when announced larger. */
    static byte[] small(Context ctx, long maxRequestBytes) throws IOException, Rejection {
        long length = contentLength(ctx);
        if (length > maxRequestBytes) {
            throw RequestDocuments.requestTooLarge(maxRequestBytes);
        }
        if (length >= 0) {
            return exactly(ctx, length);
        }
        byte[] bytes = ctx.req().getInputStream().readNBytes((int) maxRequestBytes + 1);
        if (bytes.length > maxRequestBytes) {
            throw RequestDocuments.requestTooLarge(maxRequestBytes);
        }
        return bytes;
    }

    /** 415 unless the request's media type is JSON (or absent, for small signed requests). */
    static void requireJson(Context ctx, boolean required) throws Rejection {
        String type = ctx.header("Content-Type");
        if (type == null ? required : !type.split(";")[0].strip().equalsIgnoreCase("application/json")) {
            throw Rejection.of(ProblemType.UNSUPPORTED_MEDIA_TYPE, "Unsupported media type", "The body must be application/json.");
        }
    }
}
