package org.motcua.server.api;

import io.javalin.http.Context;
import org.motcua.server.Rejection;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.sessions.SessionService;
import org.motcua.server.wire.PathChecks;

/**
 * The checks every {@code /devices/{deviceId}/…} endpoint starts with, in the order of §6 and §7 steps 2–3: the path
 * holds a uuid (404), rate limits per device and per address (429), the registry (401 unknown, 403 revoked), and for
 * token endpoints a live bearer token of this very device (401 {@code token-invalid}). The product's files, whose
 * path names no device, take the device from the token ({@link #token}).
 */
final class DeviceGate {

    private final ServerServices services;

    DeviceGate(ServerServices services) {
        this.services = services;
    }

    /** Path and rate limits only; returns the path's device id. */
    String path(Context ctx, Answers.Scheme scheme, boolean batch) throws Rejection {
        Answers.scheme(ctx, scheme);
        String deviceId = PathChecks.uuid(ctx.pathParam("deviceId"));
        services.addressRequests.acquire(ctx.ip());
        services.deviceRequests.acquire(deviceId);
        if (batch) {
            services.deviceBatches.acquire(deviceId);
        }
        return deviceId;
    }

    /** Path, rate limits and registry. */
    DeviceRecord device(Context ctx, Answers.Scheme scheme) throws Rejection {
        String deviceId = path(ctx, scheme, false);
        return Tx.plain(services.db, c -> Devices.active(c, deviceId));
    }

    /** Path, rate limits, registry and the bearer token. */
    DeviceRecord bearer(Context ctx) throws Rejection {
        String deviceId = path(ctx, Answers.Scheme.BEARER, false);
        String authorization = ctx.header("Authorization");
        return Tx.plain(services.db, c -> {
            DeviceRecord d = Devices.active(c, deviceId);
            SessionService.authenticate(c, deviceId, authorization, services.config.clock.instant());
            return d;
        });
    }

    /**
     * For a token endpoint whose path names no device (the product's files): the address's rate limit, the bearer
     * token (401), then the device it belongs to under its own rate limit and the registry (403 revoked), as
     * {@link #bearer} does for a path's device.
     */
    DeviceRecord token(Context ctx) throws Rejection {
        Answers.scheme(ctx, Answers.Scheme.BEARER);
        services.addressRequests.acquire(ctx.ip());
        String authorization = ctx.header("Authorization");
        String deviceId = Tx.read(services.db, c -> SessionService.owner(c, authorization, services.config.clock.instant()));
        services.deviceRequests.acquire(deviceId);
        return Tx.read(services.db, c -> Devices.active(c, deviceId));
    }
}
