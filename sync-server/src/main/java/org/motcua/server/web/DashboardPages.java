package org.motcua.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.Account;
import org.motcua.server.dashboard.CommuneOverview;
import org.motcua.server.dashboard.CommuneOverview.Commune;
import org.motcua.server.dashboard.DossierTrail;
import org.motcua.server.dashboard.LateDossiers;
import org.motcua.server.dashboard.OnTimeRates;
import org.motcua.server.dashboard.Periods;
import org.motcua.server.dashboard.RatesCsv;
import org.motcua.server.dashboard.RatesPdf;
import org.motcua.server.dashboard.StackedBars;
import org.motcua.server.registry.Units;

/**
 * The leaders' dashboard: the province overview, one commune, the late dossiers, the on-time report (with its CSV and
 * PDF) and one dossier's trail. Thin: each page asks one class of {@code org.motcua.server.dashboard}. Which communes a
 * page shows comes from {@link #scope}: a commune role its own unit only (another unit in the URL is refused), a
 * province role all or the one it asks for.
 */
final class DashboardPages {

    static final String HOME = "/dashboard";
    static final String LATE = "/dashboard/late";
    static final String RATES = "/dashboard/rates";
    private static final long LONGEST_PERIOD_DAYS = 3700;

    private final CommuneOverview overview;
    private final LateDossiers late;
    private final OnTimeRates rates;
    private final DossierTrail trails;
    private final Clock clock;

    /** Every read goes to {@link ServerServices#dashboardDb}: the read replica when one is configured. */
    private DashboardPages(ServerServices services) {
        this.overview = new CommuneOverview(services.dashboardDb);
        this.late = new LateDossiers(services.dashboardDb);
        this.rates = new OnTimeRates(services.dashboardDb);
        this.trails = new DossierTrail(services.dashboardDb);
        this.clock = services.config.clock;
    }

    static String commune(String unit) {
        return HOME + "/communes/" + unit;
    }

    static void register(JavalinConfig config, ServerServices services) {
        DashboardPages p = new DashboardPages(services);
        var routes = config.routes;
        routes.get(HOME, p::overview, Allowed.ANY_OFFICER);
        routes.get(HOME + "/communes/{unit}", p::commune, Allowed.ANY_OFFICER_OF_UNIT);
        routes.get(LATE, p::late, Allowed.ANY_OFFICER);
        routes.get(RATES, p::rates, Allowed.ANY_OFFICER);
        routes.get(RATES + ".csv", p::ratesCsv, Allowed.ANY_OFFICER);
        routes.get(RATES + ".pdf", p::ratesPdf, Allowed.ANY_OFFICER);
        routes.get(HOME + "/dossiers/{dossierId}", p::dossier, Allowed.ANY_OFFICER);
    }

    void overview(Context ctx) throws Rejection {
        Account who = Pages.viewer(ctx).account();
        if (who.role().communeScoped()) {
            ctx.redirect(commune(who.unitCode()), HttpStatus.SEE_OTHER);
            return;
        }
        DashboardView.Column column = Optional.ofNullable(DashboardView.Column.of(ctx.queryParam("sort")))
                .orElse(DashboardView.Column.OVERDUE);
        boolean descending = ctx.queryParam("sort") == null || !"asc".equals(ctx.queryParam("dir"));
        DashboardView view = new DashboardView(column, descending);
        Instant now = clock.instant();
        List<Commune> rows = view.sort(overview.communes(Optional.empty(), now));
        Pages.render(ctx, 200, "dashboard.jte", Pages.page(ctx, "dashboard.title"), "view", view, "communes", rows,
                "chart", chartOf(rows), "month", monthLabel(now));
    }

    /** One commune: its figures, devices and late dossiers. {@link WebAccess} has checked the unit against the viewer. */
    void commune(Context ctx) throws Rejection {
        String unit = ctx.pathParam("unit");
        if (!Units.CODE.matcher(unit).matches()) {
            throw WebRefusal.notFound();
        }
        Instant now = clock.instant();
        Commune row = overview.communes(Optional.of(unit), now).stream().findFirst().orElseThrow(WebRefusal::notFound);
        Pages.render(ctx, 200, "dashboard-commune.jte", Pages.page(ctx, "dashboard.commune.title"), "view",
                DashboardView.unsorted(), "commune", row, "late", late.list(Optional.of(unit), now), "month", monthLabel(now));
    }

    void late(Context ctx) throws Rejection {
        Optional<String> scope = scope(ctx);
        Pages.render(ctx, 200, "dashboard-late.jte", Pages.page(ctx, "dashboard.late.title"), "view", DashboardView.unsorted(),
                "late", late.list(scope, clock.instant()), "scope", scope.orElse(null));
    }

    void rates(Context ctx) throws Rejection {
        Optional<String> scope = scope(ctx);
        Page page = Pages.page(ctx, "dashboard.rates.title");
        Period period = period(ctx, page);
        if (period.error() != null) {
            Pages.render(ctx, 400, "dashboard-rates.jte", page, "view", DashboardView.unsorted(), "report", null, "scope",
                    scope.orElse(null), "from", period.fromText(), "to", period.toText(), "error", period.error(), "query", "",
                    "byProcedure", null, "byField", null);
            return;
        }
        OnTimeRates.Report report = rates.report(scope, period.span());
        String query = "from=" + period.fromText() + "&to=" + period.toText() + scope.map(u -> "&unit=" + u).orElse("");
        Pages.render(ctx, 200, "dashboard-rates.jte", page, "view", DashboardView.unsorted(), "report", report, "scope",
                scope.orElse(null), "from", period.fromText(), "to", period.toText(), "error", null, "query", query,
                "byProcedure", StackedBars.of(report.byProcedure().stream().map(l -> l.key()).toList(),
                        report.byProcedure().stream().map(OnTimeRates.Line::judged).toList()),
                "byField", StackedBars.of(report.byField().stream().map(OnTimeRates.Line::name).toList(),
                        report.byField().stream().map(OnTimeRates.Line::judged).toList()));
    }

    void ratesCsv(Context ctx) throws Rejection {
        Optional<String> scope = scope(ctx);
        Period period = period(ctx, Pages.page(ctx, "dashboard.rates.title"));
        if (period.error() != null) {
            rates(ctx);   // the report page, with the period's error and a 400
            return;
        }
        byte[] csv = RatesCsv.write(rates.report(scope, period.span()), "semicolon".equals(ctx.queryParam("sep")), DashboardView.words());
        download(ctx, "text/csv; charset=utf-8", fileName(scope, period, "csv"), csv);
    }

    void ratesPdf(Context ctx) throws Rejection {
        Optional<String> scope = scope(ctx);
        Period period = period(ctx, Pages.page(ctx, "dashboard.rates.title"));
        if (period.error() != null) {
            rates(ctx);
            return;
        }
        Messages m = Messages.vietnamese();
        List<String> heading = new ArrayList<>();
        heading.add(m.get("dashboard.rates.title"));
        heading.add(m.get("dashboard.pdf.period", period.from().format(DAY), period.to().format(DAY)));
        heading.add(scope.map(u -> m.get("dashboard.pdf.commune", u)).orElse(m.get("dashboard.pdf.province")));
        heading.add(m.get("dashboard.pdf.made", Formats.time(clock.instant())));
        byte[] pdf = RatesPdf.write(rates.report(scope, period.span()), heading, DashboardView.words());
        download(ctx, "application/pdf", fileName(scope, period, "pdf"), pdf);
    }

    void dossier(Context ctx) throws Rejection {
        String id = ctx.pathParam("dossierId");
        if (!WireFormats.isUuid(id)) {
            throw WebRefusal.notFound();
        }
        DossierTrail.Trail trail = trails.find(id).orElseThrow(WebRefusal::notFound);
        if (!Pages.viewer(ctx).account().sees(trail.dossier().unitCode())) {
            throw WebRefusal.forbidden();
        }
        Pages.render(ctx, 200, "dashboard-dossier.jte", Pages.page(ctx, "dashboard.dossier.title"), "view", DashboardView.unsorted(),
                "trail", trail);
    }

    /**
     * The communes a request covers: a commune role its own, whatever it asks ({@code ?unit=} naming another unit is
     * refused, not silently replaced); a province role every commune, or the one {@code ?unit=} names.
     */
    static Optional<String> scope(Context ctx) {
        Account who = Pages.viewer(ctx).account();
        String asked = ctx.queryParam("unit");
        asked = asked == null || asked.isBlank() ? null : asked.strip();
        if (asked != null && !Units.CODE.matcher(asked).matches()) {
            throw WebRefusal.notFound();
        }
        if (who.role().communeScoped()) {
            if (asked != null && !asked.equals(who.unitCode())) {
                throw WebRefusal.forbidden();
            }
            return Optional.of(who.unitCode());
        }
        return Optional.ofNullable(asked);
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    /** The report's days as typed ({@code yyyy-MM-dd}, the date input's value) and parsed, or the reason they are not. */
    record Period(String fromText, String toText, LocalDate from, LocalDate to, String error) {
        Periods.Span span() {
            return Periods.days(from, to);
        }
    }

    /** From {@code ?from=&to=}; by default this month up to today. */
    private Period period(Context ctx, Page page) {
        LocalDate today = Periods.today(clock.instant());
        String fromText = Optional.ofNullable(ctx.queryParam("from")).map(String::strip).orElse(today.withDayOfMonth(1).toString());
        String toText = Optional.ofNullable(ctx.queryParam("to")).map(String::strip).orElse(today.toString());
        LocalDate from;
        LocalDate to;
        try {
            from = LocalDate.parse(fromText);
            to = LocalDate.parse(toText);
        } catch (DateTimeParseException e) {
            return new Period(fromText, toText, null, null, page.t("dashboard.rates.error.date"));
        }
        if (to.isBefore(from)) {
            return new Period(fromText, toText, null, null, page.t("dashboard.rates.error.order"));
        }
        if (java.time.temporal.ChronoUnit.DAYS.between(from, to) > LONGEST_PERIOD_DAYS) {
            return new Period(fromText, toText, null, null, page.t("dashboard.rates.error.long"));
        }
        return new Period(fromText, toText, from, to, null);
    }

    private static String fileName(Optional<String> scope, Period period, String ext) {
        return "ty-le-dung-han_" + scope.orElse("toan-tinh") + "_" + period.fromText() + "_" + period.toText() + "." + ext;
    }

    private static void download(Context ctx, String type, String name, byte[] body) {
        ctx.header("Content-Disposition", "attachment; filename=\"" + name + "\"");
        ctx.contentType(type).result(body);
        ctx.attribute(Pages.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    private static StackedBars chartOf(List<Commune> rows) {
        return StackedBars.of(rows.stream().map(c -> c.unitName().isBlank() ? c.unitCode() : c.unitName()).toList(),
                rows.stream().map(Commune::thisMonth).toList());
    }

    private static String monthLabel(Instant now) {
        LocalDate today = Periods.today(now);
        return String.format("%02d/%d", today.getMonthValue(), today.getYear());
    }
}
