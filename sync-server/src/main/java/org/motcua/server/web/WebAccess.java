package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.accounts.OfficerSessions;
import org.motcua.server.accounts.OfficerSessions.SignedIn;

/**
 * The one check before every web request: who is signed in (from the session cookie), whether the route's
 * {@link Allowed} roles include theirs, whether a commune role asks for its own unit, and, on every POST, the CSRF
 * token. A route without {@link Allowed} is public (the login page, the style sheet, the citizen's lookup); its POSTs (the
 * login form, the citizen's rating) carry their form's double-submit token instead.
 */
final class WebAccess {

    static final String CSRF_FIELD = "_csrf";

    private final OfficerSessions sessions;

    WebAccess(OfficerSessions sessions) {
        this.sessions = sessions;
    }

    void check(Context ctx) throws Rejection {
        if (!WebErrors.isWeb(ctx)) {
            return;
        }
        Pages.securityHeaders(ctx);
        Allowed allowed = ctx.routeRoles().stream().filter(Allowed.class::isInstance).map(Allowed.class::cast).findFirst().orElse(null);
        boolean post = ctx.method() == HandlerType.POST;
        if (post) {
            requireReadableForm(ctx);
        }
        Optional<SignedIn> viewer = sessions.resolve(ctx.cookie(Cookies.SESSION));
        viewer.ifPresent(v -> ctx.attribute(Pages.VIEWER_ATTRIBUTE, v));
        if (allowed == null) {
            if (post && !sameToken(ctx.formParam(CSRF_FIELD), ctx.cookie(Cookies.LOGIN_FORM))
                    && !sameToken(ctx.formParam(CSRF_FIELD), ctx.cookie(Cookies.LOOKUP_FORM))
                    && !(viewer.isPresent() && sameToken(ctx.formParam(CSRF_FIELD), viewer.get().csrfToken()))) {
                throw WebRefusal.formExpired();
            }
            return;
        }
        if (viewer.isEmpty()) {
            throw WebRefusal.signIn(post ? null : ctx.path());
        }
        SignedIn who = viewer.get();
        if (!allowed.roles().contains(who.account().role())) {
            throw WebRefusal.forbidden();
        }
        if (allowed.unitScoped() && !who.account().sees(ctx.pathParam("unit"))) {
            throw WebRefusal.forbidden();
        }
        if (post && !sameToken(ctx.formParam(CSRF_FIELD), who.csrfToken())) {
            throw WebRefusal.formExpired();
        }
    }

    /**
     * A form is URL-encoded, or multipart where a page uploads a file; any other body is refused before it is parsed, and
     * so is one that does not parse (a broken multipart body made the servlet layer throw a ServletException, a 500 found by
     * the fuzzer; bad percent-encoding or an unknown charset throw too): a 400 page, and the handler never runs.
     */
    private static void requireReadableForm(Context ctx) {
        String type = ctx.header("Content-Type");
        String media = type == null ? "" : type.split(";", 2)[0].strip();
        if (!media.equalsIgnoreCase("application/x-www-form-urlencoded") && !media.equalsIgnoreCase("multipart/form-data")) {
            throw WebRefusal.badForm();
        }
        if (media.equalsIgnoreCase("multipart/form-data") && !Uploads.acceptable(ctx)) {
            throw WebRefusal.uploadTooLarge();
        }
        try {
            ctx.formParamMap();
        } catch (Exception e) { // Kotlin rethrows the servlet's checked exceptions undeclared
            throw WebRefusal.badForm();
        }
    }

    static boolean sameToken(String given, String expected) {
        return given != null && expected != null && !expected.isEmpty()
                && MessageDigest.isEqual(given.getBytes(StandardCharsets.UTF_8), expected.getBytes(StandardCharsets.UTF_8));
    }
}
