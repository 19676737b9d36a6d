package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.Cookie;
import io.javalin.http.SameSite;

/**
 * The cookies of the pages, both HttpOnly and SameSite=Strict, and Secure whenever the page came over TLS (the
 * server's own TLS connector, or a reverse proxy on loopback that says so in {@code X-Forwarded-Proto}).
 */
final class Cookies {

    /** The officer's session token. No Max-Age: it dies with the browser, and the server ends it earlier. */
    static final String SESSION = "motcua_session";
    /** The login form's anti-forgery token (there is no session yet to hold one). */
    static final String LOGIN_FORM = "motcua_login";
    /** The citizen's rating form's anti-forgery token, on the lookup page's path only. */
    static final String LOOKUP_FORM = "motcua_lookup";

    private Cookies() {
    }

    static void set(Context ctx, String name, String value, String path, int maxAgeSeconds) {
        Cookie c = new Cookie(name, value, path, maxAgeSeconds, secure(ctx), true, null, SameSite.STRICT);
        ctx.cookie(c);
    }

    static void clear(Context ctx, String name, String path) {
        set(ctx, name, "", path, 0);
    }

    static boolean secure(Context ctx) {
        return "https".equalsIgnoreCase(ctx.scheme()) || "https".equalsIgnoreCase(ctx.header("X-Forwarded-Proto"));
    }
}
