package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.feed.LeaseRefused;
import org.motcua.server.feed.NumberLeasePublisher;
import org.motcua.server.feed.PublicationHistory;
import org.motcua.server.registry.DeviceAdmin;
import org.motcua.server.registry.DeviceRecord;

/**
 * The province admin's number-lease page: every lease by device, and a new one through the same
 * {@link NumberLeasePublisher} as {@code lease-numbers} (a refused lease says why in Vietnamese and stores nothing).
 */
public final class LeasePages {

    /** A lease as the table shows it. */
    public record Row(String unitCode, String device, String dates, String numbers, String leaseId) {
    }

    /** A device the form offers: only active ones can get a lease. */
    public record Choice(String deviceId, String label, boolean selected) {
    }

    /** What the form shows again after a refusal. */
    public record Form(String deviceId, String from, String to, String first, String last) {
    }

    private final ServerServices services;

    LeasePages(ServerServices services) {
        this.services = services;
    }

    void list(Context ctx) throws Rejection {
        String today = today().toString();
        show(ctx, 200, notice(ctx.queryParam("leased")), null, new Form("", today, today, String.valueOf(NumberLeaseData.LEASE_FIRST),
                String.valueOf(NumberLeaseData.LEASE_FIRST + 99)));
    }

    void grant(Context ctx) throws Rejection {
        Messages m = Messages.vietnamese();
        Form form = new Form(field(ctx, "device", 36), field(ctx, "from", 10), field(ctx, "to", 10), field(ctx, "first", 5),
                field(ctx, "last", 5));
        LocalDate from;
        LocalDate to;
        int first;
        int last;
        try {
            from = LocalDate.parse(form.from());
            to = LocalDate.parse(form.to());
            first = Integer.parseInt(form.first());
            last = Integer.parseInt(form.last());
        } catch (DateTimeParseException | NumberFormatException e) {
            show(ctx, 400, null, m.get("leases.bad-input"), form);
            return;
        }
        if (form.deviceId().isEmpty()) {
            show(ctx, 400, null, m.get("leases.bad-input"), form);
            return;
        }
        try {
            NumberLeaseData lease = new NumberLeasePublisher(services.db, services.config.clock, Pages.actor(ctx))
                    .lease(form.deviceId(), from, to, first, last);
            ctx.redirect(WebRoutes.LEASES + "?leased=" + lease.leaseId(), HttpStatus.SEE_OTHER);
        } catch (LeaseRefused e) {
            show(ctx, 400, null, m.get("leases.refused", m.get(e.key(), e.args().toArray())), form);
        }
    }

    private static String field(Context ctx, String name, int max) {
        String v = Optional.ofNullable(ctx.formParam(name)).orElse("").strip();
        return v.length() > max ? v.substring(0, max) : v;
    }

    private LocalDate today() {
        return services.config.clock.instant().atZone(Formats.VIETNAM).toLocalDate();
    }

    /** The notice of the lease just made (the redirect names it), read back from what was stored. */
    private String notice(String leaseId) throws Rejection {
        if (leaseId == null || !org.motcua.protocol.codec.WireFormats.isUuid(leaseId)) {
            return null;
        }
        return PublicationHistory.leases(services.db).stream().filter(l -> l.leaseId().equals(leaseId)).findFirst()
                .map(l -> Messages.vietnamese().get("leases.notice", l.leaseId(), l.deviceId(), l.unitCode(), String.valueOf(l.first()),
                        String.valueOf(l.last()), l.from().toString(), l.to().toString()))
                .orElse(null);
    }

    private void show(Context ctx, int status, String notice, String error, Form form) throws Rejection {
        List<DeviceRecord> devices = new DeviceAdmin(services.db, services.config.clock, Pages.actor(ctx)).list().stream()
                .map(DeviceAdmin.Listed::device).toList();
        Map<String, DeviceRecord> byId = devices.stream().collect(Collectors.toMap(DeviceRecord::deviceId, Function.identity()));
        List<Row> rows = PublicationHistory.leases(services.db).stream().map(l -> new Row(l.unitCode(),
                label(byId.get(l.deviceId()), l.deviceId()), l.from() + " … " + l.to(), l.first() + "–" + l.last(), l.leaseId()))
                .toList();
        List<Choice> choices = devices.stream().filter(d -> !d.revoked())
                .map(d -> new Choice(d.deviceId(), d.unitCode() + " · " + label(d, d.deviceId()), d.deviceId().equals(form.deviceId())))
                .toList();
        Pages.render(ctx, status, "leases.jte", Pages.page(ctx, "leases.title"), "rows", rows, "choices", choices, "notice", notice,
                "error", error, "form", form);
    }

    /** "Máy 3 (1a2b3c4d…)": the number the commune knows the device by, and the start of its id. */
    private static String label(DeviceRecord d, String deviceId) {
        String shortId = deviceId.substring(0, Math.min(8, deviceId.length())) + "…";
        return d == null ? shortId : Messages.vietnamese().get("leases.device.label", String.valueOf(d.deviceNumber()), shortId);
    }
}
