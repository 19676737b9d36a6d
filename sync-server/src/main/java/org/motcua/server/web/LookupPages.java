package org.motcua.server.web;

import io.javalin.http.Context;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.accounts.OfficerSessions;
import org.motcua.server.lookup.CitizenRatings;
import org.motcua.server.lookup.CitizenRatings.Rating;
import org.motcua.server.lookup.LookupRequest;
import org.motcua.server.lookup.LookupThrottle;
import org.motcua.server.lookup.Progress;
import org.motcua.server.lookup.ProgressLookup;

/**
 * The citizen's public lookup: a form (code and token), the answer to it (also what the receipt's QR code opens:
 * {@code /tra-cuu?code=…&token=…}), and the rating form once the result was returned. An unknown code and a wrong token
 * render the same page with the same status. Every attempt, rating included, counts against the address's limit.
 */
final class LookupPages {

    private static final int FORM_COOKIE_SECONDS = 3600;

    private final ProgressLookup lookup;
    private final CitizenRatings ratings;
    private final LookupThrottle throttle;

    LookupPages(ProgressLookup lookup, CitizenRatings ratings, LookupThrottle throttle) {
        this.lookup = lookup;
        this.ratings = ratings;
        this.throttle = throttle;
    }

    void show(Context ctx) throws Rejection {
        String code = ctx.queryParam("code");
        String token = ctx.queryParam("token");
        if (code == null && token == null) {
            form(ctx, 200, "", null);
            return;
        }
        if (!allowed(ctx)) {
            return;
        }
        Optional<LookupRequest> request = LookupRequest.parse(code, token);
        if (request.isEmpty()) {
            form(ctx, 400, echo(code), "lookup.malformed");
            return;
        }
        Optional<Progress> found = lookup.find(request.get());
        if (found.isEmpty()) {
            notFound(ctx, request.get());
            return;
        }
        result(ctx, 200, request.get(), found.get(), null, null);
    }

    void rate(Context ctx) throws Rejection {
        if (!allowed(ctx)) {
            return;
        }
        Optional<LookupRequest> request = LookupRequest.parse(ctx.formParam("code"), ctx.formParam("token"));
        Rating rating = rating(ctx.formParam("rating"));
        String comment = ctx.formParam("comment");
        if (request.isEmpty()) {
            form(ctx, 400, echo(ctx.formParam("code")), "lookup.malformed");
            return;
        }
        if (rating == null || (comment != null && comment.strip().length() > CitizenRatings.MAX_COMMENT)) {
            Optional<Progress> p = lookup.find(request.get());
            if (p.isEmpty()) {
                notFound(ctx, request.get());
            } else {
                result(ctx, 400, request.get(), p.get(), "lookup.rate.malformed", null);
            }
            return;
        }
        CitizenRatings.Outcome outcome = ratings.rate(request.get(), rating, comment);
        if (outcome == CitizenRatings.Outcome.NOT_FOUND) {
            notFound(ctx, request.get());
            return;
        }
        Optional<Progress> p = lookup.find(request.get());
        if (p.isEmpty()) {
            notFound(ctx, request.get());
            return;
        }
        switch (outcome) {
            case STORED -> result(ctx, 200, request.get(), p.get(), null, "lookup.rate.thanks");
            case NOT_RETURNED -> result(ctx, 409, request.get(), p.get(), "lookup.rate.not-returned", null);
            default -> result(ctx, 409, request.get(), p.get(), "lookup.rate.already", null);
        }
    }

    private boolean allowed(Context ctx) throws Rejection {
        if (throttle.allow(ClientAddress.of(ctx))) {
            return true;
        }
        ctx.header("Retry-After", Long.toString(throttle.retryAfterSeconds()));
        form(ctx, 429, "", "lookup.too-many");
        return false;
    }

    private void notFound(Context ctx, LookupRequest request) {
        form(ctx, 404, request.code(), "lookup.not-found");
    }

    private void form(Context ctx, int status, String code, String errorKey) {
        Page page = Pages.page(ctx, "lookup.title");
        Pages.render(ctx, status, "lookup.jte", page, "code", code, "error", errorKey == null ? null : page.t(errorKey),
                "notice", null, "view", null, "formToken", "");
    }

    private void result(Context ctx, int status, LookupRequest request, Progress p, String errorKey, String noticeKey) {
        Page page = Pages.page(ctx, "lookup.title");
        LookupView view = LookupView.of(page, p, request.token());
        String token = "";
        if (view.canRate()) {
            // The rating form's double-submit token (WebAccess checks it): kept while the browser has one.
            token = ctx.cookie(Cookies.LOOKUP_FORM);
            if (token == null || token.length() != 43) {
                token = OfficerSessions.randomToken();
                Cookies.set(ctx, Cookies.LOOKUP_FORM, token, WebRoutes.LOOKUP, FORM_COOKIE_SECONDS);
            }
        }
        Pages.render(ctx, status, "lookup.jte", page, "code", request.code(), "error", errorKey == null ? null : page.t(errorKey),
                "notice", noticeKey == null ? null : page.t(noticeKey), "view", view, "formToken", token);
    }

    private static Rating rating(String value) {
        if (value == null) {
            return null;
        }
        for (Rating r : Rating.values()) {
            if (r.name().equals(value)) {
                return r;
            }
        }
        return null;
    }

    /** What the citizen typed, shown back in the form: bounded, and escaped by the template like everything else. */
    private static String echo(String code) {
        if (code == null) {
            return "";
        }
        String s = code.strip();
        return s.length() > LookupRequest.MAX_INPUT ? s.substring(0, LookupRequest.MAX_INPUT) : s;
    }
}
