package org.motcua.server.web;

import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.accounts.OfficerSessions.SignedIn;
import org.motcua.server.accounts.Role;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.Units;
import org.motcua.server.score.CommuneScore;
import org.motcua.server.score.Period;
import org.motcua.server.score.ScoreQuery;
import org.motcua.server.score.ScoreSnapshots;

/**
 * The communes' estimated service-quality scores ({@code /diem-uoc-tinh}): the province's table of every commune (province
 * roles), one commune's groups with the dossiers that cost points (its own officers, or the province), and "compute
 * again" for the province. Pages read the latest stored run ({@link org.motcua.server.score.ScoreJob}) from
 * {@link ServerServices#dashboardDb} (the read replica when one is configured); whether a run is in progress, and
 * "compute again", ask the primary, where runs are claimed.
 */
final class ScorePages {

    static final String PATH = "/diem-uoc-tinh";
    static final String RECOMPUTE = PATH + "/tinh-lai";
    private static final Allowed PROVINCE = new Allowed(EnumSet.of(Role.PROVINCE_ADMIN, Role.PROVINCE_LEADER), false);
    /** The sort keys of the province's table, as the URL names them. */
    /** How long "compute again" holds its request before answering that the run goes on. */
    static final java.time.Duration RECOMPUTE_WAIT = java.time.Duration.ofSeconds(20);
    private static final List<String> SORTS = List.of("diem", "ma", "ten", "tre", "han");

    private final ServerServices services;

    private ScorePages(ServerServices services) {
        this.services = services;
    }

    static void register(JavalinConfig config, ServerServices services) {
        ScorePages pages = new ScorePages(services);
        config.routes.get(PATH, pages::province, Allowed.ANY_OFFICER);
        config.routes.post(RECOMPUTE, pages::recompute, PROVINCE);
        config.routes.get(PATH + "/{unit}", pages::commune, Allowed.ANY_OFFICER_OF_UNIT);
    }

    /** Where an officer finds the scores: the province's table, or a commune officer's own commune. */
    static String home(SignedIn viewer) {
        return viewer.account().role().communeScoped() ? PATH + "/" + viewer.account().unitCode() : PATH;
    }

    void province(Context ctx) throws Rejection {
        SignedIn viewer = Pages.viewer(ctx);
        if (viewer.account().role().communeScoped()) {
            ctx.redirect(home(viewer) + query(kind(ctx), null), HttpStatus.SEE_OTHER);
            return;
        }
        Period.Kind kind = kind(ctx);
        String asked = ctx.queryParam("sap-xep");
        String sort = asked != null && SORTS.contains(asked) ? asked : "diem";
        Messages m = Messages.vietnamese();
        Page page = Pages.page(ctx, "score.title");
        Optional<ScoreSnapshots.Run> run = Tx.read(services.dashboardDb, ScoreSnapshots::latest);
        List<ScoreView.Row> rows = new ArrayList<>();
        String period = null;
        if (run.isPresent()) {
            Map<String, String> names = new LinkedHashMap<>();
            List<CommuneScore> scores = Tx.read(services.dashboardDb, c -> {
                ScoreQuery.units(c).forEach(u -> names.put(u.code(), u.name()));
                return ScoreSnapshots.province(c, run.get().runId(), kind);
            });
            for (CommuneScore s : scores) {
                period = ScoreView.periodLabel(m, s.period());
                List<String> groups = s.groups().stream().filter(CommuneScore.Group::estimated).map(g -> ScoreView.points(g.points()))
                        .toList();
                rows.add(new ScoreView.Row(s.unitCode(), names.getOrDefault(s.unitCode(), ""), PATH + "/" + s.unitCode()
                        + query(kind, null), ScoreView.points(s.estimatedPoints()), s.estimatedPoints(), groups,
                        s.group("on-time").costCount(), s.dueSoonCount()));
            }
            rows.sort(comparator(sort));
        }
        List<ScoreView.SortLink> sorts = new ArrayList<>();
        for (String key : SORTS) {
            sorts.add(new ScoreView.SortLink(m.get("score.sort." + key), PATH + query(kind, key), key.equals(sort),
                    !key.equals("ma") && !key.equals("ten")));
        }
        Pages.render(ctx, 200, "score-province.jte", page, "tabs", tabs(m, kind, PATH, sort), "sorts", sorts, "rows", rows,
                "period", period, "computed", computed(m, run), "notice", notice(ctx, m), "groupNames", estimatedGroupNames(m), "kind", kind.slug(), "max",
                ScoreView.points(org.motcua.server.score.ScoreCalculator.ESTIMATED_MAX));
    }

    void commune(Context ctx) throws Rejection {
        String unit = ctx.pathParam("unit");
        if (!Units.CODE.matcher(unit).matches()) {
            throw WebRefusal.notFound();
        }
        Period.Kind kind = kind(ctx);
        Messages m = Messages.vietnamese();
        Optional<ScoreSnapshots.Run> run = Tx.read(services.dashboardDb, ScoreSnapshots::latest);
        String name = Tx.read(services.dashboardDb, c -> ScoreQuery.units(c).stream().filter(u -> u.code().equals(unit))
                .map(ScoreQuery.Unit::name).findFirst()).orElseThrow(WebRefusal::notFound);
        Optional<CommuneScore> score = run.isEmpty() ? Optional.empty()
                : Tx.read(services.dashboardDb, c -> ScoreSnapshots.commune(c, run.get().runId(), kind, unit));
        Page page = Pages.page(ctx, "score.commune.title");
        List<ScoreView.GroupView> groups = score.map(s -> s.groups().stream().map(g -> ScoreView.group(m, g)).toList())
                .orElse(List.of());
        List<ScoreView.CostRow> dueSoon = score.map(s -> s.dueSoon().stream().map(c -> ScoreView.cost(m, c)).toList())
                .orElse(List.of());
        String total = score.map(s -> m.get("score.estimate.total", ScoreView.points(s.estimatedPoints()),
                ScoreView.points(s.estimatedMax()), ScoreView.points(100 - s.estimatedMax()))).orElse(null);
        boolean province = !Pages.viewer(ctx).account().role().communeScoped();
        Pages.render(ctx, 200, "score-commune.jte", page, "unit", unit, "unitName", name, "tabs", tabs(m, kind, PATH + "/" + unit,
                null), "period", score.map(s -> ScoreView.periodLabel(m, s.period())).orElse(null), "computed", computed(m, run),
                "total", total, "groups", groups, "dueSoon", dueSoon, "dueSoonCount", score.map(CommuneScore::dueSoonCount).orElse(0L),
                "backHref", province ? PATH + query(kind, null) : null);
    }

    /**
     * Computes again unless some instance is computing already; a run that takes longer than {@link #RECOMPUTE_WAIT}
     * finishes on its own and the page says it is still running.
     */
    void recompute(Context ctx) throws Rejection {
        String done = "&dang-tinh=1";
        if (services.scores.inProgressSince().isEmpty()
                && services.scores.request(Pages.viewer(ctx).account().username(), RECOMPUTE_WAIT).isPresent()) {
            done = "&da-tinh=1";
        }
        ctx.redirect(PATH + query(kind(ctx), null) + done, HttpStatus.SEE_OTHER);
    }

    /** Done, or still computing (started by whom and when the database says, on any instance). */
    private String notice(Context ctx, Messages m) throws Rejection {
        Optional<java.time.Instant> running = services.scores.inProgressSince();
        if (running.isPresent()) {
            return m.get("score.running", Formats.time(running.get()));
        }
        return ctx.queryParam("da-tinh") != null ? m.get("score.recomputed") : null;
    }

    private static Period.Kind kind(Context ctx) {
        String asked = ctx.queryParam("ky");
        if (asked == null && ctx.method() == io.javalin.http.HandlerType.POST) {
            asked = ctx.formParam("ky");
        }
        Period.Kind k = asked == null ? null : Period.Kind.ofSlug(asked);
        return k == null ? Period.Kind.MONTH : k;
    }

    private static String query(Period.Kind kind, String sort) {
        return "?ky=" + kind.slug() + (sort == null ? "" : "&sap-xep=" + sort);
    }

    private static List<ScoreView.Tab> tabs(Messages m, Period.Kind shown, String base, String sort) {
        List<ScoreView.Tab> tabs = new ArrayList<>();
        for (Period.Kind k : Period.Kind.values()) {
            tabs.add(new ScoreView.Tab(m.get("score.tab." + k.name()), base + query(k, sort), k == shown));
        }
        return tabs;
    }

    private static String computed(Messages m, Optional<ScoreSnapshots.Run> run) {
        return run.map(r -> r.requestedBy() == null ? m.get("score.computed.nightly", Formats.time(r.asOf()))
                : m.get("score.computed.by", Formats.time(r.asOf()), r.requestedBy())).orElse(null);
    }

    private static List<String> estimatedGroupNames(Messages m) {
        return List.of("on-time", "digitised-documents", "digitised-results", "synced", "satisfaction").stream()
                .map(k -> m.get("score.short." + k)).toList();
    }

    private static Comparator<ScoreView.Row> comparator(String sort) {
        Comparator<ScoreView.Row> byCode = Comparator.comparing(ScoreView.Row::unitCode);
        return switch (sort) {
            case "ma" -> byCode;
            case "ten" -> Comparator.comparing(ScoreView.Row::unitName, java.text.Collator.getInstance(Messages.VIETNAMESE))
                    .thenComparing(byCode);
            case "tre" -> Comparator.comparingLong(ScoreView.Row::late).reversed().thenComparing(byCode);
            case "han" -> Comparator.comparingLong(ScoreView.Row::dueSoon).reversed().thenComparing(byCode);
            default -> Comparator.comparingDouble(ScoreView.Row::estimateValue).thenComparing(byCode);
        };
    }
}
