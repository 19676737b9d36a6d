package org.motcua.server.web;

import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.pki.Certificates;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.registry.DeviceAdmin;
import org.motcua.server.registry.EnrolmentCodes;
import org.motcua.server.registry.Units;

/**
 * Enrolment codes on the web: the form (a new device of a unit, or re-enrolment of a registered device), the code shown
 * once in the answer to the POST (never stored, never shown again), and the recent codes without their secrets.
 */
public final class EnrolmentCodePages {

    /** A stored code as the list shows it. */
    public record CodeRow(String codeId, String unitCode, String purpose, String device, String createdAt, String expiresAt,
            String state) {
    }

    /** What the form was filled with, shown again beside an error. */
    public record Form(String unit, String unitName, String purpose, String deviceId, String hours) {
        static final Form EMPTY = new Form("", "", EnrolmentCodes.NEW, "", "24");
    }

    /** The code just made: the only time it is shown. */
    public record Made(String code, String unitCode, String unitName, String purpose, String deviceId, String expiresAt,
            String caFingerprint) {
    }

    private final ServerServices services;

    EnrolmentCodePages(ServerServices services) {
        this.services = services;
    }

    private DeviceAdmin admin(Context ctx) {
        return new DeviceAdmin(services.db, services.config.clock, Pages.actor(ctx));
    }

    void page(Context ctx) throws Rejection {
        show(ctx, 200, Form.EMPTY, null);
    }

    void create(Context ctx) throws Rejection {
        Form f = new Form(trim(ctx.formParam("unit")), trim(ctx.formParam("unitName")),
                EnrolmentCodes.REENROL.equals(ctx.formParam("purpose")) ? EnrolmentCodes.REENROL : EnrolmentCodes.NEW,
                trim(ctx.formParam("deviceId")), trim(ctx.formParam("hours")));
        DeviceAdmin admin = admin(ctx);
        String error = check(f, admin);
        if (error != null) {
            show(ctx, 400, f, error);
            return;
        }
        boolean reenrol = EnrolmentCodes.REENROL.equals(f.purpose());
        DeviceAdmin.NewCode code;
        try {
            code = admin.newCode(f.unit(), f.unitName().isEmpty() ? null : f.unitName(), reenrol ? f.deviceId() : null,
                    Duration.ofMinutes(Math.round(Double.parseDouble(f.hours()) * 60)));
        } catch (IllegalArgumentException e) {
            show(ctx, 400, f, "codes.error.refused");
            return;
        }
        Made made = new Made(code.code().grouped(), code.unitCode(), code.unitName(), f.purpose(), reenrol ? f.deviceId() : "",
                Formats.time(code.expiresAt()), Certificates.fingerprint(services.keys.caCertificate()));
        Pages.render(ctx, 200, "enrolment-code-made.jte", Pages.page(ctx, "codes.made.title"), "made", made);
    }

    /** The form's mistakes, each as a message key; null when it may go to {@link DeviceAdmin#newCode}. */
    private static String check(Form f, DeviceAdmin admin) throws Rejection {
        if (!Units.CODE.matcher(f.unit()).matches()) {
            return "codes.error.unit";
        }
        boolean known = admin.units().stream().anyMatch(u -> u.code().equals(f.unit()));
        if (!known && f.unitName().isEmpty()) {
            return "codes.error.unit-name";
        }
        if (f.unitName().length() > 300) {
            return "codes.error.unit-name";
        }
        double hours;
        try {
            hours = Double.parseDouble(f.hours());
        } catch (NumberFormatException e) {
            return "codes.error.hours";
        }
        if (!(hours > 0 && hours <= 72)) {
            return "codes.error.hours";
        }
        if (EnrolmentCodes.REENROL.equals(f.purpose())) {
            if (!WireFormats.isUuid(f.deviceId()) || admin.find(f.deviceId()).isEmpty()) {
                return "codes.error.device";
            }
        }
        return null;
    }

    private void show(Context ctx, int status, Form form, String errorKey) throws Rejection {
        DeviceAdmin admin = admin(ctx);
        Instant now = services.config.clock.instant();
        Messages m = Messages.vietnamese();
        List<CodeRow> codes = admin.recentCodes(50).stream().map(c -> new CodeRow(c.codeId(), c.unitCode(),
                m.get("codes.purpose." + c.purpose()), c.reenrolDeviceId() == null ? "—" : c.reenrolDeviceId(),
                Formats.time(c.createdAt()), Formats.time(c.expiresAt()),
                c.usedAt() != null ? m.get("codes.state.used", Formats.time(c.usedAt()))
                        : c.expiresAt().isBefore(now) ? m.get("codes.state.expired") : m.get("codes.state.waiting"))).toList();
        Page page = Pages.page(ctx, "codes.title");
        Pages.render(ctx, status, "enrolment-codes.jte", page, "form", form, "error", errorKey == null ? null : page.t(errorKey),
                "units", admin.units(), "devices", admin.list().stream().map(l -> DeviceRow.of(l, m)).toList(), "codes", codes);
    }

    private static String trim(String s) {
        return s == null ? "" : s.strip();
    }
}
