package org.motcua.server;

import java.util.LinkedHashMap;
import java.util.Map;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;

/**
 * A request refused as a whole: the RFC 9457 problem to answer, plus the response headers the contract ties to it
 * ({@code Retry-After}, {@code Upload-Offset}). Thrown by the plain service classes, so HTTP routes and the USB import
 * answer the very same problem for the very same bytes. Nothing is stored by a rejected request (G4).
 */
public final class Rejection extends Exception {

    private final transient Problem problem;
    private final Map<String, String> headers;

    public Rejection(Problem problem, Map<String, String> headers) {
        super(problem.name() + ": " + problem.detail(), null, false, false);
        this.problem = problem;
        this.headers = Map.copyOf(headers);
    }

    public Rejection(Problem problem) {
        this(problem, Map.of());
    }

    public static Rejection of(ProblemType type, String title, String detail) {
        return new Rejection(Problem.of(type, title, detail));
    }

    public Problem problem() {
        return problem;
    }

    public ProblemType type() {
        return problem.problemType().orElse(ProblemType.SERVER_ERROR);
    }

    public Map<String, String> headers() {
        return headers;
    }

    /** This rejection with one more extension member. */
    public Rejection with(String member, Object value) {
        return new Rejection(problem.with(member, value), headers);
    }

    /** This rejection with one more response header. */
    public Rejection header(String name, String value) {
        Map<String, String> h = new LinkedHashMap<>(headers);
        h.put(name, value);
        return new Rejection(problem, h);
    }

    /** 409 {@code request-in-progress} or 429/503 with the seconds the client should wait. */
    public Rejection retryAfter(long seconds) {
        return header("Retry-After", Long.toString(Math.max(1, seconds)));
    }
}
