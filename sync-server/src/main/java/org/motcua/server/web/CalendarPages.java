package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import java.util.stream.Collectors;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.feed.CalendarPublisher;
import org.motcua.server.feed.FileRefused;
import org.motcua.server.feed.PublicationHistory;
import org.motcua.server.feed.PublicationHistory.CalendarYear;

/**
 * The province admin's working-calendar page: the current calendar of each year, and a publication from an uploaded
 * file (the same file as {@code publish-calendar}) through the same {@link CalendarPublisher}.
 */
public final class CalendarPages {

    /** A year as the table shows it. */
    public record Row(int year, long version, String publishedAt, String publishedBy, int holidays, int swappedDays) {
    }

    /** The years in a notice after the redirect: "2027" or "2026,2027", nothing else. */
    private static final String YEARS = "\\d{4}(,\\d{4}){0,9}";

    private final ServerServices services;

    CalendarPages(ServerServices services) {
        this.services = services;
    }

    void list(Context ctx) throws Rejection {
        String years = ctx.queryParam("years");
        String changed = ctx.queryParam("new");
        String notice = null;
        if (years != null && years.matches(YEARS) && changed != null && (changed.isEmpty() || changed.matches(YEARS))) {
            Messages m = Messages.vietnamese();
            notice = m.get("calendar.notice", years.replace(",", ", "),
                    changed.isEmpty() ? m.get("calendar.notice.unchanged") : changed.replace(",", ", "));
        }
        show(ctx, 200, notice, null);
    }

    void publish(Context ctx) throws Rejection {
        Messages m = Messages.vietnamese();
        byte[] file;
        try {
            file = Uploads.bytes(ctx, "file", Uploads.PUBLICATION_MAX_BYTES);
        } catch (Uploads.TooLarge e) {
            show(ctx, 413, null, m.get("publish.too-large", Uploads.megabytes(Uploads.PUBLICATION_MAX_BYTES)));
            return;
        }
        if (file == null) {
            show(ctx, 400, null, m.get("publish.no-file"));
            return;
        }
        try {
            CalendarPublisher.Outcome o = new CalendarPublisher(services.db, services.config.clock, Pages.actor(ctx)).publish(file);
            ctx.redirect(WebRoutes.CALENDAR + "?years=" + joined(o.years()) + "&new=" + joined(o.published()), HttpStatus.SEE_OTHER);
        } catch (FileRefused e) {
            show(ctx, 400, null, m.get("publish.refused") + " " + PublicationProblems.describe(m, e));
        }
    }

    private static String joined(List<Integer> years) {
        return years.stream().map(String::valueOf).collect(Collectors.joining(","));
    }

    private void show(Context ctx, int status, String notice, String error) throws Rejection {
        List<Row> rows = PublicationHistory.calendarYears(services.db).stream().map(CalendarPages::row).toList();
        Pages.render(ctx, status, "calendar.jte", Pages.page(ctx, "calendar.title"), "rows", rows, "notice", notice,
                "error", error, "maxMb", Uploads.megabytes(Uploads.PUBLICATION_MAX_BYTES));
    }

    private static Row row(CalendarYear y) {
        return new Row(y.year(), y.version(), Formats.time(y.publishedAt()), y.publishedBy() == null ? "—" : y.publishedBy(),
                y.holidays(), y.swappedDays());
    }
}
