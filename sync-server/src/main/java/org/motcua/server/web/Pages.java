package org.motcua.server.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.HashMap;
import java.util.Map;
import org.motcua.server.accounts.OfficerSessions.SignedIn;
import org.motcua.server.audit.Actor;

/**
 * Renders the jte templates of {@code src/main/jte}, compiled into the jar at build time (no template is read or
 * compiled at run time), and writes them with the headers every page carries.
 */
final class Pages {

    static final String VIEWER_ATTRIBUTE = "motcua.viewer";
    static final String ANSWERED_ATTRIBUTE = "motcua.web.answered";

    private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

    private Pages() {
    }

    /** The signed-in officer of this request, null on public pages. */
    static SignedIn viewer(Context ctx) {
        return ctx.attribute(VIEWER_ATTRIBUTE);
    }

    /** The signed-in officer as the audit log names them: account and address. */
    static Actor actor(Context ctx) {
        return Actor.web(viewer(ctx).account().username(), ClientAddress.of(ctx));
    }

    static Page page(Context ctx, String titleKey) {
        return new Page(Messages.vietnamese(), viewer(ctx), ctx.path(), titleKey);
    }

    /** Renders {@code template} with {@code page} and the named values. */
    static void render(Context ctx, int status, String template, Page page, Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", page);
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        ctx.status(status).contentType("text/html; charset=utf-8").result(out.toString());
        ctx.attribute(ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    /** A page rendered without a request (the HTTP layer's own refusals): no viewer, no path. */
    static String renderStandalone(String template, String titleKey, Object... namesAndValues) {
        Map<String, Object> params = new HashMap<>();
        params.put("page", new Page(Messages.vietnamese(), null, "/", titleKey));
        for (int i = 0; i < namesAndValues.length; i += 2) {
            params.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        StringOutput out = new StringOutput();
        ENGINE.render(template, params, out);
        return out.toString();
    }

    /**
     * Headers of every page: nothing cached (pages show codes and personal data), nothing framed, no script or style
     * from anywhere but this server.
     */
    static void securityHeaders(Context ctx) {
        ctx.header("Cache-Control", "no-store");
        ctx.header("X-Content-Type-Options", "nosniff");
        ctx.header("X-Frame-Options", "DENY");
        ctx.header("Referrer-Policy", "same-origin");
        ctx.header("Content-Security-Policy", "default-src 'self'; img-src 'self' data:; form-action 'self'; "
                + "frame-ancestors 'none'; base-uri 'none'; object-src 'none'");
    }
}
