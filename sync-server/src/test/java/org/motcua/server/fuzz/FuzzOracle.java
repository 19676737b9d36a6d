package org.motcua.server.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;

/**
 * What every answer to a fuzzed request must be: an answer at all, never a 5xx, never a stack trace; a refusal on
 * {@code /api} is an RFC 9457 problem whose type is one of §14's and whose status is the answer's; a refusal of a page is a
 * Vietnamese HTML page. Requests whose target is neither (absolute form, {@code *}) may get either kind of refusal.
 */
final class FuzzOracle {

    private FuzzOracle() {
    }

    /** The first rule the answer breaks, or empty. */
    static Optional<String> violation(RawRequest request, RawExchange.Outcome answer) {
        if (answer.status() < 0) {
            // an answer lost to the reset after an early refusal of a body is TCP's doing, not a missing answer
            return answer.lostToReset() ? Optional.empty() : Optional.of("no answer: " + answer.failure());
        }
        if (answer.status() >= 500) {
            return Optional.of("server error " + answer.status() + ": " + shorten(answer.text()));
        }
        String text = answer.text();
        if (text.contains("Exception") || text.contains("\tat ") || text.contains("at org.") || text.contains("at java.")) {
            return Optional.of("the answer shows internals: " + shorten(text));
        }
        if (answer.status() < 400 || answer.body().length == 0 && "HEAD".equals(request.method())) {
            return Optional.empty();
        }
        String type = Optional.ofNullable(answer.header("content-type")).orElse("");
        boolean problem = type.startsWith(Protocol.PROBLEM_MEDIA_TYPE);
        boolean page = type.startsWith("text/html");
        String target = request.target();
        if (target.startsWith("/api/") && !problem) {
            return Optional.of("an /api refusal that is no problem (" + answer.status() + ", " + type + "): " + shorten(text));
        }
        if (target.startsWith("/") && !target.startsWith("/api/") && !page && !unreadable(answer, problem)) {
            return Optional.of("a page refusal that is no page (" + answer.status() + ", " + type + "): " + shorten(text));
        }
        if (problem) {
            return problemRule(answer);
        }
        if (page) {
            return text.contains("lang=\"vi\"") ? Optional.empty()
                    : Optional.of("an error page that is not Vietnamese (" + answer.status() + "): " + shorten(text));
        }
        return Optional.of("a refusal that is neither a problem nor a page (" + answer.status() + ", " + type + "): " + shorten(text));
    }

    /**
     * A request the HTTP layer could not read far enough to know its path (malformed, or a request line above the
     * header limit) is answered with a problem even when it was meant for a page: only a program sends such a request.
     */
    private static boolean unreadable(RawExchange.Outcome answer, boolean problem) {
        return problem && (answer.status() == 400 && answer.text().contains("\"Malformed HTTP request\"")
                || answer.status() == 413 && answer.text().contains("\"requestHeaderBytes\""));
    }

    private static Optional<String> problemRule(RawExchange.Outcome answer) {
        Optional<Problem> p = Problem.parse(answer.body());
        if (p.isEmpty()) {
            return Optional.of("a problem that does not parse: " + shorten(answer.text()));
        }
        Optional<ProblemType> type = ProblemType.of(p.get().type());
        if (type.isEmpty()) {
            return Optional.of("a problem type outside §14: " + p.get().type());
        }
        if (p.get().status() != answer.status() || type.get().status() != answer.status()) {
            return Optional.of("a problem whose status is not the answer's: " + answer.status() + " " + shorten(answer.text()));
        }
        return Optional.empty();
    }

    static String shorten(String s) {
        String one = s.replaceAll("\\s+", " ");
        return one.length() > 300 ? one.substring(0, 300) + "…" : one;
    }

    static String ascii(byte[] b) {
        return new String(b, StandardCharsets.ISO_8859_1);
    }
}
