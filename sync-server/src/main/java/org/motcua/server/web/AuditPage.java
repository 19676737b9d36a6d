package org.motcua.server.web;

import io.javalin.http.Context;
import java.util.List;
import org.motcua.server.Rejection;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.ServerDatabase;

/** The audit log, newest first, a hundred entries a page. */
public final class AuditPage {

    /** One entry in words. */
    public record Row(long id, String at, String actor, String channel, String address, String action, String target,
            String detail) {
    }

    private static final int PAGE = 100;

    private final ServerDatabase db;

    AuditPage(ServerDatabase db) {
        this.db = db;
    }

    void show(Context ctx) throws Rejection {
        Long before = null;
        String b = ctx.queryParam("before");
        if (b != null) {
            try {
                before = Long.parseLong(b);
            } catch (NumberFormatException e) {
                throw WebRefusal.notFound();
            }
        }
        Messages m = Messages.vietnamese();
        List<Row> rows = AuditLog.recent(db, PAGE, before).stream().map(e -> new Row(e.id(), Formats.timeWithSeconds(e.at()),
                e.actor(), m.get("audit.channel." + e.channel()), e.address() == null ? "—" : e.address(),
                m.has("audit.action." + e.action()) ? m.get("audit.action." + e.action()) : e.action(), e.target(), e.detail()))
                .toList();
        Long older = rows.size() == PAGE ? rows.get(rows.size() - 1).id() : null;
        Pages.render(ctx, 200, "audit.jte", Pages.page(ctx, "audit.title"), "entries", rows, "older", older);
    }
}
