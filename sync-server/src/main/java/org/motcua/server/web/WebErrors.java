package org.motcua.server.web;

import io.javalin.http.Context;

/**
 * Error pages for the web paths; the {@code /api} paths keep their RFC 9457 problems ({@code api.ApiRoutes} asks
 * {@link #isWeb} first).
 */
public final class WebErrors {

    private WebErrors() {
    }

    public static boolean isWeb(Context ctx) {
        return !ctx.path().startsWith("/api/");
    }

    /**
     * The Vietnamese error page as bytes, for refusals made by the HTTP layer before any route or {@link Context} exists
     * (a malformed request line, headers above the limit): 400 and everything not listed get the "bad request" page.
     */
    public static byte[] standalonePage(int status) {
        String key = switch (status) {
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 413, 414, 431 -> "error.413";
            case 503 -> "error.503";
            default -> status >= 500 ? "error.500" : "error.400";
        };
        return Pages.renderStandalone("error.jte", key + ".title", "messageKey", key + ".text").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** A Vietnamese page for {@code status} (403, 404, 500, 503), unless the handler already answered. */
    public static void show(Context ctx, int status) {
        if (Boolean.TRUE.equals(ctx.attribute(Pages.ANSWERED_ATTRIBUTE))) {
            return;
        }
        Pages.securityHeaders(ctx);
        String key = switch (status) {
            case 400 -> "error.400";
            case 403 -> "error.403";
            case 404 -> "error.404";
            case 503 -> "error.503";
            default -> "error.500";
        };
        Pages.render(ctx, status, "error.jte", Pages.page(ctx, key + ".title"), "messageKey", key + ".text");
    }

    /** A refused web request: the login page for a visitor, otherwise its error page. */
    static void refused(WebRefusal r, Context ctx) {
        switch (r.kind) {
            case SIGN_IN -> ctx.redirect(WebRoutes.LOGIN + (r.next == null ? "" : "?next="
                    + java.net.URLEncoder.encode(r.next, java.nio.charset.StandardCharsets.UTF_8)), io.javalin.http.HttpStatus.SEE_OTHER);
            case FORBIDDEN -> show(ctx, 403);
            case FORM_EXPIRED -> {
                Pages.securityHeaders(ctx);
                Pages.render(ctx, 403, "error.jte", Pages.page(ctx, "error.csrf.title"), "messageKey", "error.csrf.text");
            }
            case NOT_FOUND -> show(ctx, 404);
            case UPLOAD_TOO_LARGE -> {
                Pages.securityHeaders(ctx);
                ctx.header("Connection", "close"); // the body is not read: the connection cannot carry another request
                Pages.render(ctx, 413, "error.jte", Pages.page(ctx, "error.upload.title"), "messageKey", "error.upload.text",
                        "messageArg", Uploads.megabytes(Uploads.USB_MAX_BYTES));
            }
            case BAD_FORM -> {
                Pages.securityHeaders(ctx);
                Pages.render(ctx, 400, "error.jte", Pages.page(ctx, "error.form.title"), "messageKey", "error.form.text");
            }
        }
    }
}
