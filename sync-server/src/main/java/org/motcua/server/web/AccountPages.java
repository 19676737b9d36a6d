package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.Account;
import org.motcua.server.accounts.Accounts;
import org.motcua.server.accounts.Role;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.Units;

/**
 * The officer accounts on the web, for the province admin: the list, a new account, a new password, disabling (after a
 * confirmation page). The same {@link Accounts} operations as the CLI's account commands; the page checks the form
 * first so that each mistake gets its Vietnamese sentence.
 */
public final class AccountPages {

    /** One account in words. */
    public record Row(String username, String displayName, String role, String unit, boolean active, String status,
            String passwordSetAt) {
    }

    /** The new-account form as filled, shown again beside an error (never the password). */
    public record Form(String username, String displayName, String role, String unit) {
        static final Form EMPTY = new Form("", "", Role.COMMUNE_OFFICER.code(), "");
    }

    private final ServerServices services;

    AccountPages(ServerServices services) {
        this.services = services;
    }

    void list(Context ctx) throws Rejection {
        show(ctx, 200, Form.EMPTY, null, noticeOf(ctx));
    }

    void create(Context ctx) throws Rejection {
        Form f = new Form(trim(ctx.formParam("username")).toLowerCase(java.util.Locale.ROOT), trim(ctx.formParam("displayName")),
                trim(ctx.formParam("role")), trim(ctx.formParam("unit")));
        String password = ctx.formParam("password");
        String error = check(f, password, ctx.formParam("password2"));
        if (error != null) {
            show(ctx, 400, f, error, null);
            return;
        }
        Role role = Role.of(f.role());
        char[] pw = password.toCharArray();
        try {
            services.accounts.create(Pages.actor(ctx), f.username(), f.displayName(), role, role.communeScoped() ? f.unit() : null, pw);
        } catch (IllegalArgumentException e) {
            show(ctx, 400, f, "accounts.error.refused", null);
            return;
        } finally {
            Arrays.fill(pw, ' ');
        }
        ctx.redirect(WebRoutes.ACCOUNTS + "?created=" + f.username(), HttpStatus.SEE_OTHER);
    }

    void passwordForm(Context ctx) throws Rejection {
        Account a = account(ctx);
        Pages.render(ctx, 200, "account-password.jte", Pages.page(ctx, "accounts.password.title"), "account", row(a), "error", null);
    }

    void setPassword(Context ctx) throws Rejection {
        Account a = account(ctx);
        String password = ctx.formParam("password");
        String error = passwordError(password, ctx.formParam("password2"));
        if (error != null) {
            Page page = Pages.page(ctx, "accounts.password.title");
            Pages.render(ctx, 400, "account-password.jte", page, "account", row(a), "error", page.t(error));
            return;
        }
        char[] pw = password.toCharArray();
        try {
            services.accounts.resetPassword(Pages.actor(ctx), a.username(), pw);
        } finally {
            Arrays.fill(pw, ' ');
        }
        ctx.redirect(WebRoutes.ACCOUNTS + "?password=" + a.username(), HttpStatus.SEE_OTHER);
    }

    void confirmDisable(Context ctx) throws Rejection {
        Account a = account(ctx);
        Pages.render(ctx, 200, "account-disable.jte", Pages.page(ctx, "accounts.disable.title"), "account", row(a), "self",
                a.username().equals(Pages.viewer(ctx).account().username()));
    }

    void disable(Context ctx) throws Rejection {
        Account a = account(ctx);
        if (a.username().equals(Pages.viewer(ctx).account().username())) {
            // The last admin must not lock the province out of its own pages from the web; the CLI still can.
            throw WebRefusal.forbidden();
        }
        services.accounts.disable(Pages.actor(ctx), a.username());
        ctx.redirect(WebRoutes.ACCOUNTS + "?disabled=" + a.username(), HttpStatus.SEE_OTHER);
    }

    private String check(Form f, String password, String repeated) throws Rejection {
        if (!Accounts.USERNAME.matcher(f.username()).matches()) {
            return "accounts.error.username";
        }
        if (f.displayName().isEmpty() || f.displayName().length() > 200) {
            return "accounts.error.name";
        }
        Role role;
        try {
            role = Role.of(f.role());
        } catch (IllegalArgumentException e) {
            return "accounts.error.role";
        }
        if (role.communeScoped() && (!Units.CODE.matcher(f.unit()).matches()
                || Tx.read(services.db, Units::all).stream().noneMatch(u -> u.code().equals(f.unit())))) {
            return "accounts.error.unit";
        }
        if (services.accounts.find(f.username()).isPresent()) {
            return "accounts.error.exists";
        }
        return passwordError(password, repeated);
    }

    private static String passwordError(String password, String repeated) {
        if (password == null || password.length() < Accounts.MIN_PASSWORD || password.length() > Accounts.MAX_PASSWORD) {
            return "accounts.error.password";
        }
        if (!password.equals(repeated)) {
            return "accounts.error.repeat";
        }
        return null;
    }

    private Account account(Context ctx) throws Rejection {
        String name = ctx.pathParam("username");
        Optional<Account> a = Accounts.USERNAME.matcher(name).matches() ? services.accounts.find(name) : Optional.empty();
        return a.orElseThrow(WebRefusal::notFound);
    }

    private String noticeOf(Context ctx) {
        Messages m = Messages.vietnamese();
        for (String kind : List.of("created", "password", "disabled")) {
            String name = ctx.queryParam(kind);
            if (name != null && Accounts.USERNAME.matcher(name).matches()) {
                return m.get("accounts.notice." + kind, name);
            }
        }
        return null;
    }

    private void show(Context ctx, int status, Form form, String errorKey, String notice) throws Rejection {
        Page page = Pages.page(ctx, "accounts.title");
        List<Row> rows = services.accounts.list().stream().map(AccountPages::row).toList();
        Pages.render(ctx, status, "accounts.jte", page, "accounts", rows, "form", form, "roles",
                Arrays.stream(Role.values()).map(Role::code).toList(), "units",
                Tx.read(services.db, Units::all), "error",
                errorKey == null ? null : page.t(errorKey), "notice", notice);
    }

    private static Row row(Account a) {
        Messages m = Messages.vietnamese();
        return new Row(a.username(), a.displayName(), m.get("role." + a.role().code()), a.unitCode() == null ? "—" : a.unitCode(),
                a.active(), m.get(a.active() ? "accounts.status.active" : "accounts.status.disabled"), Formats.time(a.passwordSetAt()));
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
