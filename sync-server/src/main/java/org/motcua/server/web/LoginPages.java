package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Duration;
import org.motcua.server.Rejection;
import org.motcua.server.accounts.OfficerLogin;
import org.motcua.server.accounts.OfficerSessions;

/** The login form, logging in (a new session every time) and logging out. */
final class LoginPages {

    private static final int LOGIN_FORM_SECONDS = 3600;

    private final OfficerLogin login;
    private final OfficerSessions sessions;
    private final Clock clock;

    LoginPages(OfficerLogin login, OfficerSessions sessions, Clock clock) {
        this.login = login;
        this.sessions = sessions;
        this.clock = clock;
    }

    void form(Context ctx) {
        if (Pages.viewer(ctx) != null) {
            ctx.redirect("/", HttpStatus.SEE_OTHER);
            return;
        }
        String notice = ctx.queryParam("out") != null ? "login.signed-out" : null;
        show(ctx, 200, "", null, notice);
    }

    void submit(Context ctx) throws Rejection {
        String username = ctx.formParam("username");
        String password = ctx.formParam("password");
        if (username == null || password == null || username.isBlank() || password.isEmpty() || username.length() > 200
                || password.length() > 1000) {
            show(ctx, 400, username == null ? "" : username, "login.missing", null);
            return;
        }
        OfficerLogin.Result r = login.attempt(username, password.toCharArray(), ClientAddress.of(ctx));
        switch (r.outcome()) {
            case SIGNED_IN -> {
                OfficerSessions.Opened s = sessions.open(r.account().username(), ClientAddress.of(ctx));
                Cookies.set(ctx, Cookies.SESSION, s.token(), "/", -1);
                Cookies.clear(ctx, Cookies.LOGIN_FORM, WebRoutes.LOGIN);
                ctx.redirect(safeNext(ctx.formParam("next")), HttpStatus.SEE_OTHER);
            }
            case LOCKED -> {
                long minutes = Math.max(1, (Duration.between(clock.instant(), r.lockedUntil()).toSeconds() + 59) / 60);
                ctx.header("Retry-After", Long.toString(minutes * 60));
                show(ctx, 429, username, null, null, Messages.vietnamese().get("login.locked", minutes));
            }
            case WRONG -> show(ctx, 401, username, "login.wrong", null);
        }
    }

    void logout(Context ctx) throws Rejection {
        sessions.end(ctx.cookie(Cookies.SESSION));
        Cookies.clear(ctx, Cookies.SESSION, "/");
        ctx.redirect(WebRoutes.LOGIN + "?out=1", HttpStatus.SEE_OTHER);
    }

    private void show(Context ctx, int status, String username, String errorKey, String noticeKey) {
        show(ctx, status, username, errorKey, noticeKey, null);
    }

    private void show(Context ctx, int status, String username, String errorKey, String noticeKey, String errorText) {
        // The form's token: kept while the browser has one, so a second tab's form stays valid.
        String token = ctx.cookie(Cookies.LOGIN_FORM);
        if (token == null || token.length() != 43) {
            token = OfficerSessions.randomToken();
            Cookies.set(ctx, Cookies.LOGIN_FORM, token, WebRoutes.LOGIN, LOGIN_FORM_SECONDS);
        }
        Page page = Pages.page(ctx, "login.title");
        String error = errorText != null ? errorText : errorKey == null ? null : page.t(errorKey);
        Pages.render(ctx, status, "login.jte", page, "username", username, "next", safeNext(nextOf(ctx)), "formToken", token,
                "error", error, "notice", noticeKey == null ? null : page.t(noticeKey));
    }

    /**
     * The form's {@code next} on a POST, the query's on a GET: a GET's body is never parsed (one with a bogus charset made
     * the form parser throw, a 500 found by the fuzzer).
     */
    private static String nextOf(Context ctx) {
        String n = ctx.method() == io.javalin.http.HandlerType.POST ? ctx.formParam("next") : null;
        return n != null ? n : ctx.queryParam("next");
    }

    /** Only a path of this site (no scheme, no host, no {@code //}), never the API: anything else goes home. */
    static String safeNext(String next) {
        if (next == null || !next.startsWith("/") || next.startsWith("//") || next.startsWith("/\\") || next.startsWith("/api/")
                || next.length() > 300 || next.chars().anyMatch(ch -> ch < 0x21 || ch == '\\')) {
            return "/";
        }
        return next;
    }
}
