package org.motcua.server.web;

import io.javalin.http.Context;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.regex.Pattern;

/**
 * The officer's address, for the login throttle and the audit log. Plain HTTP is served on loopback only, so a request
 * arriving there came through a local reverse proxy (or from the server's own machine): its {@code X-Forwarded-For}
 * names the real client, and without it every officer behind the proxy would share one address and one lockout. A
 * request from any other address (the TLS connector) is taken at its word, headers ignored.
 */
final class ClientAddress {

    private static final Pattern IP = Pattern.compile("[0-9A-Fa-f.:]{2,45}");

    private ClientAddress() {
    }

    static String of(Context ctx) {
        String direct = ctx.ip();
        String forwarded = ctx.header("X-Forwarded-For");
        if (forwarded == null || !loopback(direct)) {
            return direct;
        }
        String[] hops = forwarded.split(",");
        String last = hops[hops.length - 1].strip();
        return IP.matcher(last).matches() ? last : direct;
    }

    private static boolean loopback(String ip) {
        try {
            return IP.matcher(ip).matches() && InetAddress.getByName(ip).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }
}
