package org.motcua.sync.internal;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.doc.Problem;
import org.motcua.sync.internal.Http.Response;

/**
 * A non-2xx answer read as an RFC 9457 problem (§14). Problems are unsigned hints (§3.5): they decide what to try
 * next, never what is acknowledged.
 */
public record ServerProblem(int status, String name, Optional<Problem> problem, Optional<Long> retryAfterSeconds) {

    public static ServerProblem of(Response r) {
        Optional<Problem> p = Problem.parse(r.body());
        String name = p.map(Problem::name).orElse("http-" + r.status());
        Optional<Long> retry = Optional.empty();
        String ra = r.header("Retry-After");
        if (ra != null && ra.trim().matches("\\d{1,7}")) {
            retry = Optional.of(Long.parseLong(ra.trim()));
        }
        return new ServerProblem(r.status(), name, p, retry);
    }

    /** An extension member, e.g. {@code ackedSeq}. */
    public Optional<JsonNode> member(String name) {
        return problem.map(p -> p.extensions().get(name));
    }

    public List<String> strings(String member) {
        List<String> out = new ArrayList<>();
        member(member).ifPresent(n -> n.forEach(v -> out.add(v.asText())));
        return out;
    }

    @Override
    public String toString() {
        return status + " " + name;
    }
}
