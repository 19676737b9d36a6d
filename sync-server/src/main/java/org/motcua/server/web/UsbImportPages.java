package org.motcua.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.UsbReply;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.usb.UsbImportLog;
import org.motcua.server.usb.UsbImportService;

/**
 * The province admin's USB import page: a commune's export file uploaded, imported by the same
 * {@link UsbImportService} as {@code usb-import} (the same pipeline as HTTP, audited there), the outcome of each batch, and
 * the signed reply file to download for the commune. Replies are kept under the instance's data directory
 * ({@code usb-replies/}), where the download finds them by their name.
 */
public final class UsbImportPages {

    /** One batch of the imported file: its id and the answer in words. */
    public record BatchRow(String batchId, boolean committed, String answer) {
    }

    /** What became of the uploaded file. */
    public record Result(String file, String refusal, String summary, List<BatchRow> batches, String replyName) {
    }

    /** A recent import as the log lists it. */
    public record LogRow(String importedAt, String device, String exportSeq, String outcome) {
    }

    /** A reply file's name as {@code UsbReplyWriter} makes it; nothing else is ever served from the directory. */
    private static final Pattern REPLY_NAME = Pattern.compile("motcua-down-[0-9A-Za-z.\\-]{1,100}\\.zip");
    /** What is kept of the uploaded file's name (the audit entry names it). */
    private static final Pattern UNSAFE = Pattern.compile("[^0-9A-Za-z.\\-_]");

    private final ServerServices services;

    UsbImportPages(ServerServices services) {
        this.services = services;
    }

    private Path replyDir() {
        return services.config.dataDir.resolve("usb-replies");
    }

    private long maxBytes() {
        return Math.min(Uploads.USB_MAX_BYTES, services.limits.maxUsbFileBytes());
    }

    void page(Context ctx) throws Rejection {
        show(ctx, 200, null, null);
    }

    void upload(Context ctx) throws Rejection, IOException {
        Messages m = Messages.vietnamese();
        String name = fileName(ctx);
        Path work = Files.createTempDirectory("motcua-usb-upload-");
        try {
            Path file = work.resolve(name);
            boolean chosen;
            try {
                chosen = Uploads.copy(ctx, "file", maxBytes(), file);
            } catch (Uploads.TooLarge e) {
                show(ctx, 413, null, m.get("usb.too-large", Uploads.megabytes(maxBytes())));
                return;
            }
            if (!chosen) {
                show(ctx, 400, null, m.get("publish.no-file"));
                return;
            }
            UsbImportService.Imported i = services.usb.importAll(Pages.actor(ctx), List.of(file), Files.createDirectories(replyDir()))
                    .getFirst();
            show(ctx, i.refused() ? 400 : 200, result(m, name, i), null);
        } finally {
            try (var files = Files.list(work)) {
                for (Path p : files.toList()) {
                    Files.deleteIfExists(p);
                }
            }
            Files.deleteIfExists(work);
        }
    }

    void reply(Context ctx) throws IOException {
        String name = ctx.pathParam("name");
        if (!REPLY_NAME.matcher(name).matches() || !Files.isRegularFile(replyDir().resolve(name))) {
            throw WebRefusal.notFound();
        }
        Path file = replyDir().resolve(name);
        ctx.contentType("application/zip").header("Content-Disposition", "attachment; filename=\"" + name + "\"")
                .result(Files.readAllBytes(file));
        ctx.attribute(Pages.ANSWERED_ATTRIBUTE, Boolean.TRUE);
    }

    private static String fileName(Context ctx) {
        var upload = ctx.uploadedFile("file");
        String given = upload == null || upload.filename() == null ? "" : upload.filename();
        given = given.substring(Math.max(given.lastIndexOf('/'), given.lastIndexOf('\\')) + 1);
        String safe = UNSAFE.matcher(given).replaceAll("_");
        if (safe.isEmpty() || safe.startsWith(".")) {
            safe = "export" + safe;
        }
        return safe.length() > 100 ? safe.substring(safe.length() - 100) : safe;
    }

    private static Result result(Messages m, String name, UsbImportService.Imported i) {
        if (i.refused()) {
            Problem p = i.problem().get();
            return new Result(name, m.get("usb.refused", problem(m, p.name()) + " — " + p.detail()), null, List.of(), null);
        }
        List<BatchRow> rows = i.outcomes().stream().map(o -> batch(m, o)).toList();
        long ok = i.outcomes().stream().filter(o -> o.status() == 200).count();
        return new Result(name, null, m.get("usb.done", String.valueOf(ok), String.valueOf(rows.size())), rows,
                i.reply().get().getFileName().toString());
    }

    private static BatchRow batch(Messages m, UsbReply.Outcome o) {
        return o.status() == 200 ? new BatchRow(o.batchId(), true, m.get("usb.batch.committed"))
                : new BatchRow(o.batchId(), false, problem(m, o.problemType().orElse(String.valueOf(o.status()))));
    }

    /** A problem's name in words when the bundle has them, else the name as the protocol says it. */
    private static String problem(Messages m, String name) {
        return m.has("usb.problem." + name) ? m.get("usb.problem." + name) : m.get("usb.problem.other", name);
    }

    private void show(Context ctx, int status, Result result, String error) throws Rejection {
        List<LogRow> log = UsbImportLog.recent(services.db, 20).stream().map(e -> new LogRow(Formats.time(e.importedAt()),
                e.deviceId() == null ? "—" : e.deviceId(), e.exportSeq() == null ? "—" : String.valueOf(e.exportSeq()), e.outcome()))
                .toList();
        Pages.render(ctx, status, "usb-import.jte", Pages.page(ctx, "usb.title"), "result", result, "error", error, "log", log,
                "maxMb", Uploads.megabytes(maxBytes()));
    }
}
