package org.motcua.server.fuzz;

import org.motcua.server.SyncServer;

/**
 * What a route expects, guessed from its method and path so that a route added later is fuzzed with the closest
 * kind of valid request without anyone listing it here (an unknown {@code /api} POST gets a bearer JSON body, an unknown
 * page a signed-in officer's GET or form).
 */
enum RouteKind {
    ENROLMENT, SIGNED, BATCH, BEARER_JSON, BLOB_PATCH, BEARER_READ, PUBLIC_API, LOGIN_FORM, LOOKUP_FORM, WEB_FORM, WEB_PAGE;

    static RouteKind of(SyncServer.Route r) {
        String p = r.path();
        String m = r.method();
        if (p.startsWith("/api/")) {
            if (p.endsWith("/enrolments")) {
                return ENROLMENT;
            }
            if (p.endsWith("/sessions") || p.endsWith("/rekey")) {
                return SIGNED;
            }
            if (p.endsWith("/batches")) {
                return BATCH;
            }
            if (m.equals("PATCH")) {
                return BLOB_PATCH;
            }
            // The product's files name no device in their path but need a device's token, like its own reads.
            if (!p.contains("{deviceId}") && !p.startsWith("/api/v1/product/")) {
                return m.equals("GET") || m.equals("HEAD") ? PUBLIC_API : BEARER_JSON;
            }
            return m.equals("GET") || m.equals("HEAD") ? BEARER_READ : BEARER_JSON;
        }
        if (m.equals("POST")) {
            if (p.equals("/login")) {
                return LOGIN_FORM;
            }
            if (!r.signedIn() && p.startsWith("/tra-cuu")) {
                return LOOKUP_FORM;
            }
            return WEB_FORM;
        }
        return WEB_PAGE;
    }

    boolean signedBody() {
        return this == SIGNED || this == BATCH;
    }

    boolean bearer() {
        return this == BEARER_JSON || this == BLOB_PATCH || this == BEARER_READ;
    }

    boolean form() {
        return this == LOGIN_FORM || this == LOOKUP_FORM || this == WEB_FORM;
    }
}
