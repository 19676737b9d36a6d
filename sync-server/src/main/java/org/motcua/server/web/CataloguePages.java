package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.feed.CataloguePublisher;
import org.motcua.server.feed.FileRefused;
import org.motcua.server.feed.PublicationHistory;
import org.motcua.server.feed.PublicationHistory.CataloguePublication;

/**
 * The province admin's catalogue page: the publications made so far, and a new one from an uploaded file through the
 * same {@link CataloguePublisher} as {@code publish-catalogue} (validated whole; a bad file is refused with its line).
 */
public final class CataloguePages {

    /** A publication as the table shows it. */
    public record Row(String version, String publishedAt, String publishedBy, int procedures, int changed, int withdrawn,
            String expiresAt) {
    }

    private static final int SHOWN = 50;

    private final ServerServices services;

    CataloguePages(ServerServices services) {
        this.services = services;
    }

    void list(Context ctx) throws Rejection {
        show(ctx, 200, notice(ctx.queryParam("published")), null, String.valueOf(CataloguePublisher.DEFAULT_VALIDITY.toDays()));
    }

    void publish(Context ctx) throws Rejection {
        Messages m = Messages.vietnamese();
        String days = Optional.ofNullable(ctx.formParam("validDays")).orElse("").strip();
        if (!days.matches("\\d{1,4}") || Integer.parseInt(days) < 1 || Integer.parseInt(days) > 3650) {
            show(ctx, 400, null, m.get("catalogue.valid-days.bad"), days.length() > 4 ? "90" : days);
            return;
        }
        byte[] file;
        try {
            file = Uploads.bytes(ctx, "file", Uploads.PUBLICATION_MAX_BYTES);
        } catch (Uploads.TooLarge e) {
            show(ctx, 413, null, m.get("publish.too-large", Uploads.megabytes(Uploads.PUBLICATION_MAX_BYTES)), days);
            return;
        }
        if (file == null) {
            show(ctx, 400, null, m.get("publish.no-file"), days);
            return;
        }
        try {
            new CataloguePublisher(services.db, services.config.clock, Pages.actor(ctx)).publish(file, Duration.ofDays(Integer.parseInt(days)));
            long id = PublicationHistory.catalogues(services.db, 1).getFirst().id();
            ctx.redirect(WebRoutes.CATALOGUE + "?published=" + id, HttpStatus.SEE_OTHER);
        } catch (FileRefused e) {
            show(ctx, 400, null, m.get("publish.refused") + " " + PublicationProblems.describe(m, e), days);
        }
    }

    /** The notice of publication {@code id} (from the redirect after publishing), read back from what was stored. */
    private String notice(String id) throws Rejection {
        if (id == null || !id.matches("\\d{1,18}")) {
            return null;
        }
        return PublicationHistory.catalogues(services.db, SHOWN).stream().filter(p -> p.id() == Long.parseLong(id)).findFirst()
                .map(p -> Messages.vietnamese().get("catalogue.notice", String.valueOf(p.procedures()), String.valueOf(p.published()),
                        String.valueOf(p.procedures() - p.published()), String.valueOf(p.withdrawn()), Formats.time(p.expiresAt())))
                .orElse(null);
    }

    private void show(Context ctx, int status, String notice, String error, String validDays) throws Rejection {
        List<Row> rows = PublicationHistory.catalogues(services.db, SHOWN).stream().map(CataloguePages::row).toList();
        Pages.render(ctx, status, "catalogue.jte", Pages.page(ctx, "catalogue.title"), "rows", rows, "notice", notice,
                "error", error, "validDays", validDays, "maxMb", Uploads.megabytes(Uploads.PUBLICATION_MAX_BYTES));
    }

    private static Row row(CataloguePublication p) {
        return new Row("#" + p.id(), Formats.time(p.publishedAt()), p.publishedBy() == null ? "—" : p.publishedBy(), p.procedures(),
                p.published(), p.withdrawn(), Formats.time(p.expiresAt()));
    }
}
