package org.motcua.server.web;

import io.javalin.http.Context;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The pages' style sheet (and later scripts), served from the jar: a province server may have no internet access, so
 * nothing comes from a CDN. Only the names listed here are served.
 */
final class Assets {

    private static final Map<String, String> TYPES = Map.of("app.css", "text/css; charset=utf-8");

    private Assets() {
    }

    static void serve(Context ctx) {
        String name = ctx.pathParam("name");
        String type = TYPES.get(name);
        if (type == null) {
            throw WebRefusal.notFound();
        }
        try (InputStream in = Assets.class.getResourceAsStream("/web/assets/" + name)) {
            if (in == null) {
                throw WebRefusal.notFound();
            }
            ctx.header("Cache-Control", "max-age=3600");
            ctx.contentType(type).result(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
