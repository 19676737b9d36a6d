package org.motcua.server.web;

import io.javalin.http.Context;
import io.javalin.http.HttpStatus;
import java.util.List;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.registry.DeviceAdmin;
import org.motcua.server.registry.Units;

/**
 * The device registry's pages: the province admin's list with revocation (a confirmation page, then a POST), and a
 * commune's own list. Both call {@link DeviceAdmin}, as the CLI does.
 */
final class DevicePages {

    private final ServerServices services;

    DevicePages(ServerServices services) {
        this.services = services;
    }

    private DeviceAdmin admin(Context ctx) {
        return new DeviceAdmin(services.db, services.config.clock, Pages.actor(ctx));
    }

    void list(Context ctx) throws Rejection {
        Page page = Pages.page(ctx, "devices.title");
        List<DeviceRow> rows = admin(ctx).list().stream().map(l -> DeviceRow.of(l, Messages.vietnamese())).toList();
        String revoked = ctx.queryParam("revoked");
        Pages.render(ctx, 200, "devices.jte", page, "devices", rows, "notice",
                revoked != null && WireFormats.isUuid(revoked) ? page.t("devices.revoked.notice", revoked) : null);
    }

    void confirmRevoke(Context ctx) throws Rejection {
        DeviceRow row = device(ctx);
        Pages.render(ctx, 200, "device-revoke.jte", Pages.page(ctx, "revoke.title"), "device", row);
    }

    void revoke(Context ctx) throws Rejection {
        DeviceRow row = device(ctx);
        admin(ctx).revoke(row.deviceId());
        ctx.redirect(WebRoutes.DEVICES + "?revoked=" + row.deviceId(), HttpStatus.SEE_OTHER);
    }

    /** A commune's devices; {@link WebAccess} has checked that the viewer may see this unit. */
    void ofUnit(Context ctx) throws Rejection {
        String unit = ctx.pathParam("unit");
        if (!Units.CODE.matcher(unit).matches()) {
            throw WebRefusal.notFound();
        }
        List<DeviceRow> rows = admin(ctx).listOfUnit(unit).stream().map(l -> DeviceRow.of(l, Messages.vietnamese())).toList();
        Pages.render(ctx, 200, "commune-devices.jte", Pages.page(ctx, "commune.devices.title"), "unit", unit, "devices", rows);
    }

    private DeviceRow device(Context ctx) throws Rejection {
        String id = ctx.pathParam("deviceId");
        if (!WireFormats.isUuid(id)) {
            throw WebRefusal.notFound();
        }
        return admin(ctx).find(id).map(l -> DeviceRow.of(l, Messages.vietnamese())).orElseThrow(WebRefusal::notFound);
    }
}
