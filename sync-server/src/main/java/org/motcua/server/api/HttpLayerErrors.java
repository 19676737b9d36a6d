package org.motcua.server.api;

import java.nio.ByteBuffer;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpFields;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.http.HttpURI;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.server.handler.ErrorHandler;
import org.eclipse.jetty.util.Callback;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.SyncServer;
import org.motcua.server.web.WebErrors;

/**
 * Jetty's own refusals, made before any route runs (a malformed request line or header, bad UTF-8 in the path, headers
 * above {@link SyncServer#REQUEST_HEADER_BYTES}, an unknown {@code Expect}), answered like the routes' refusals instead of
 * Jetty's English page that echoes the request: an RFC 9457 problem of §14 on {@code /api} and whenever the path could
 * not be read (only a program sends a request that malformed), a Vietnamese page otherwise. §14 has no 414 or generic
 * 431, so a request line or headers above the limit become 413 {@code request-too-large}.
 */
public final class HttpLayerErrors extends ErrorHandler {

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        int status = response.getStatus();
        String path = path(request.getHttpURI());
        Answer a = answer(status, path);
        response.setStatus(a.status);
        response.getHeaders().put(HttpHeader.CONTENT_TYPE, a.contentType);
        response.getHeaders().put(HttpHeader.CACHE_CONTROL, "no-store");
        response.write(true, "HEAD".equals(request.getMethod()) ? ByteBuffer.allocate(0) : ByteBuffer.wrap(a.body), callback);
        return true;
    }

    /** The body of a refusal made while parsing, before even a request exists (HTTP/2 and some HTTP/1 paths). */
    @Override
    public ByteBuffer badMessageError(int status, String reason, HttpFields.Mutable fields) {
        Answer a = answer(status, null);
        fields.put(new HttpField(HttpHeader.CONTENT_TYPE, a.contentType));
        fields.put(new HttpField(HttpHeader.CACHE_CONTROL, "no-store"));
        return ByteBuffer.wrap(a.body);
    }

    private record Answer(int status, String contentType, byte[] body) {
    }

    /** The status to send (§14's for a problem) and the body for a refusal {@code status} of {@code path}. */
    private static Answer answer(int jettyStatus, String path) {
        // "HTTP/0.9 not supported" (a request line without a target) and other versions or features Jetty does not
        // implement are the request's fault: a 400 like any malformed request, never a 5xx (a 505 found by the fuzzer).
        int status = jettyStatus == 501 || jettyStatus == 505 ? 400 : jettyStatus;
        boolean page = path != null && path.startsWith("/") && !path.startsWith("/api/") && !path.equals("/badMessage");
        if (page) {
            return new Answer(status, "text/html; charset=utf-8", WebErrors.standalonePage(status));
        }
        Problem p = problem(status);
        return new Answer(p.status(), Protocol.PROBLEM_MEDIA_TYPE, p.bytes());
    }

    static Problem problem(int status) {
        if (status == 413 || status == 414 || status == 431) {
            return Problem.of(ProblemType.REQUEST_TOO_LARGE, "Request too large",
                    "The request line or its headers are above the server's limit; nothing was read.")
                    .with("limitName", "requestHeaderBytes").with("limit", SyncServer.REQUEST_HEADER_BYTES);
        }
        if (status == 404 || status == 405) {
            return Problem.of(ProblemType.NOT_FOUND, "No such resource", "Nothing is served at this path.");
        }
        if (status == 503) {
            return Problem.of(ProblemType.UNAVAILABLE, "Unavailable", "The server cannot answer now; try again later.");
        }
        if (status >= 500) {
            return Problem.of(ProblemType.SERVER_ERROR, "Internal error", "The server failed; the request changed nothing.");
        }
        return Problem.of(ProblemType.BAD_REQUEST, "Malformed HTTP request",
                "The request could not be read as HTTP/1.1 (request line, path encoding or headers); nothing was stored.");
    }

    private static String path(HttpURI uri) {
        try {
            return uri == null ? null : uri.getPath();
        } catch (RuntimeException e) {
            return null;
        }
    }
}
