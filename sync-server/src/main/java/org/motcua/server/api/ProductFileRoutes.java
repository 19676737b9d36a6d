package org.motcua.server.api;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.util.Base64;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Tx;
import org.motcua.server.updates.ProductFiles;

/**
 * The desk product's files by SHA-256 ({@code GET} and {@code HEAD /api/v1/product/files/{sha256}}), for any enrolled
 * desk with a live token: the signed {@code productRelease} item lists the hashes, so the bytes need no signature of
 * their own. Desks download at a few KB/s over links that cut, and resume with {@code Range: bytes=<have>-}; the body is
 * read from the database a window at a time as the client takes it, so memory stays bounded by the window whatever the
 * number of desks downloading.
 */
final class ProductFileRoutes {

    /** Bytes read from the database at a time. */
    static final int WINDOW_BYTES = 64 * 1024;

    private final ServerServices services;
    private final DeviceGate gate;

    ProductFileRoutes(ServerServices services, DeviceGate gate) {
        this.services = services;
        this.gate = gate;
    }

    void get(Context ctx) throws Rejection {
        Answer a = answer(ctx);
        if (a.range().isPresent()) {
            ByteRange r = a.range().get();
            ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + a.size());
        }
        long first = a.range().map(ByteRange::first).orElse(0L);
        long length = a.range().map(ByteRange::length).orElse(a.size());
        ctx.header("Content-Length", Long.toString(length));
        ctx.status(a.range().isPresent() ? 206 : 200);
        ctx.result(new Window(a.sha256(), first, length));
        ctx.attribute(Answers.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    /** HEAD answers by status and headers only, a refusal too (as the blobs' HEAD, §6.7). */
    void head(Context ctx) {
        try {
            Answer a = answer(ctx);
            a.range().ifPresent(r -> ctx.header("Content-Range", "bytes " + r.first() + "-" + r.last() + "/" + a.size()));
            ctx.header("Content-Length", Long.toString(a.range().map(ByteRange::length).orElse(a.size())));
            ctx.status(a.range().isPresent() ? 206 : 200);
        } catch (Rejection r) {
            r.headers().forEach(ctx::header);
            if (r.problem().status() == 401) {
                ctx.header("WWW-Authenticate", Answers.Scheme.BEARER.challenge);
            }
            ctx.header("Cache-Control", "no-store");
            ctx.status(r.problem().status());
        }
        ctx.attribute(Answers.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    private record Answer(String sha256, long size, Optional<ByteRange> range) {
    }

    /** The checks and the headers every answer with the file carries; the range asked for, if any. */
    private Answer answer(Context ctx) throws Rejection {
        gate.token(ctx);
        String sha = ctx.pathParam("sha256");
        if (!Sha256.isHash(sha)) {
            throw notFound("A product file is named by 64 lowercase hex.");
        }
        long size = Tx.read(services.db, c -> ProductFiles.size(c, sha))
                .orElseThrow(() -> notFound("No release lists a file " + sha + "."));
        String etag = "\"" + sha + "\"";
        Optional<ByteRange> range;
        try {
            // If-Range names the file the client has part of; a file is its hash, so only another hash makes it stale.
            String ifRange = ctx.header("If-Range");
            range = ifRange == null || ifRange.strip().equals(etag) ? ByteRange.of(ctx.header("Range"), size) : Optional.empty();
        } catch (ByteRange.Unsatisfiable e) {
            throw Rejection.of(ProblemType.RANGE_NOT_SATISFIABLE, "Range not satisfiable",
                    "The file has " + size + " bytes; the range asked for starts at or past its end.").with("size", size)
                    .header("Content-Range", "bytes */" + size);
        }
        ctx.header("Accept-Ranges", "bytes");
        ctx.header("ETag", etag);
        // Private: the answer needs a device's token. Immutable: the name is the content's hash.
        ctx.header("Cache-Control", "private, max-age=31536000, immutable");
        ctx.header("Repr-Digest", "sha-256=:" + Base64.getEncoder().encodeToString(Sha256.fromHex(sha)) + ":");
        ctx.contentType("application/java-archive");
        return new Answer(sha, size, range);
    }

    private static Rejection notFound(String detail) {
        return Rejection.of(ProblemType.NOT_FOUND, "No such product file", detail);
    }

    /**
     * The body: {@code length} bytes from {@code first}, read a window at a time, each in a short read of its own, so
     * no connection is held while a slow desk takes an hour over a file. A database failure mid-way ends the body
     * short; the desk resumes from what it has.
     */
    private final class Window extends InputStream {
        private final String sha256;
        private long next;
        private long left;
        private byte[] buffer = new byte[0];
        private int at;

        Window(String sha256, long first, long length) {
            this.sha256 = sha256;
            this.next = first;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (at == buffer.length && !fill()) {
                return -1;
            }
            int n = Math.min(len, buffer.length - at);
            System.arraycopy(buffer, at, b, off, n);
            at += n;
            return n;
        }

        private boolean fill() throws IOException {
            if (left <= 0) {
                return false;
            }
            int want = (int) Math.min(WINDOW_BYTES, left);
            try {
                buffer = Tx.read(services.db, c -> ProductFiles.read(c, sha256, next, want));
            } catch (Rejection | Tx.DatabaseFailure e) {
                throw new IOException("product file " + sha256 + " could not be read at " + next, e);
            }
            if (buffer.length == 0) {
                throw new IOException("product file " + sha256 + " ended before its size");
            }
            at = 0;
            next += buffer.length;
            left -= buffer.length;
            return true;
        }
    }
}
