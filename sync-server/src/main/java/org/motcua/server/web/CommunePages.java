package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import io.javalin.http.UploadedFile;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.registry.CommuneAdmin;
import org.motcua.server.registry.CommuneFile;

/**
 * The province admin's commune page: the communes with their devices, and the import of the official list (a CSV file
 * sent as {@code multipart/form-data}), through the same {@link CommuneAdmin} as {@code import-communes}.
 */
public final class CommunePages {

    /** A commune as the table shows it. */
    public record CommuneRow(String code, String name, String adminCode, String devices, String lastSync, String importedAt) {
    }

    private final ServerServices services;

    CommunePages(ServerServices services) {
        this.services = services;
    }

    private CommuneAdmin admin(Context ctx) {
        return new CommuneAdmin(services.db, services.config.clock, Pages.actor(ctx));
    }

    void list(Context ctx) throws Rejection {
        String notice = null;
        String n = ctx.queryParam("imported");
        if (n != null && n.matches("\\d{1,6}(,\\d{1,6}){3}")) {
            String[] v = n.split(",");
            notice = Messages.vietnamese().get("communes.notice.imported", (Object[]) v);
        }
        show(ctx, 200, notice, List.of());
    }

    void importFile(Context ctx) throws Rejection {
        Messages m = Messages.vietnamese();
        UploadedFile file = ctx.uploadedFile("file");
        if (file == null || file.size() == 0) {
            show(ctx, 400, null, List.of(m.get("communes.no-file")));
            return;
        }
        byte[] bytes;
        if (file.size() > CommuneFile.MAX_BYTES) {
            bytes = new byte[CommuneFile.MAX_BYTES + 1]; // refused as too large without reading it all
        } else {
            try (InputStream in = file.content()) {
                bytes = in.readAllBytes();
            } catch (IOException e) {
                show(ctx, 400, null, List.of(m.get("communes.no-file")));
                return;
            }
        }
        try {
            CommuneAdmin.Outcome o = admin(ctx).importCsv(bytes);
            ctx.redirect(WebRoutes.COMMUNES + "?imported=" + o.communes() + "," + o.added() + "," + o.changed() + "," + o.unchanged(),
                    HttpStatus.SEE_OTHER);
        } catch (CommuneFile.Refused e) {
            show(ctx, 400, null, e.problems().stream().map(p -> describe(m, p)).toList());
        }
    }

    /** One refused line in the admin's words ({@code import-communes} prints the same). */
    public static String describe(Messages m, CommuneFile.Problem p) {
        String reason = m.get(p.key(), p.args().toArray());
        return p.line() > 0 ? m.get("communes.problem.line", String.valueOf(p.line()), reason) : m.get("communes.problem.file", reason);
    }

    private void show(Context ctx, int status, String notice, List<String> problems) throws Rejection {
        Messages m = Messages.vietnamese();
        List<CommuneRow> rows = admin(ctx).list().stream().map(r -> new CommuneRow(r.code(), r.name(),
                r.adminCode() == null ? "—" : r.adminCode(), r.activeDevices() + " / " + r.devices(),
                r.lastSync() == null ? "—" : Formats.time(r.lastSync()), r.importedAt() == null ? "—" : Formats.time(r.importedAt())))
                .toList();
        Page page = Pages.page(ctx, "communes.title");
        Pages.render(ctx, status, "communes.jte", page, "rows", rows, "notice", notice, "problems", problems,
                "count", m.get("communes.count", String.valueOf(rows.size())));
    }
}
