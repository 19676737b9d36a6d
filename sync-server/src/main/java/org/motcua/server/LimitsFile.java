package org.motcua.server;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/**
 * A province's own limits, read from a §5.7 {@code limits} document: a province may allow more (a commune with a big
 * backlog, a test that drives desks faster than any commune), never less than the contract's defaults, which a server
 * must not go below within version 1. Only the recommended sizes may be anything.
 */
final class LimitsFile {

    private LimitsFile() {
    }

    static Limits read(Path file) {
        Limits limits;
        try {
            limits = Limits.read(StrictJson.parse(Files.readAllBytes(file)));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the limits file " + file + ": " + e.getMessage());
        } catch (JsonRejected | SchemaInvalid e) {
            throw new IllegalArgumentException("the limits file " + file + " is not a limits document: " + e.getMessage());
        }
        List<String> below = below(Limits.DEFAULTS.toJson(), limits.toJson(), "");
        if (!below.isEmpty()) {
            throw new IllegalArgumentException("the limits file sets " + String.join(", ", below)
                    + " below the contract's defaults (§5.7)");
        }
        return limits;
    }

    private static List<String> below(JsonNode defaults, JsonNode chosen, String prefix) {
        List<String> out = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = defaults.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> d = it.next();
            JsonNode c = chosen.get(d.getKey());
            if (d.getValue().isObject()) {
                out.addAll(below(d.getValue(), c, prefix + d.getKey() + "."));
            } else if (d.getValue().isIntegralNumber() && !d.getKey().startsWith("recommended")
                    && c.longValue() < d.getValue().longValue()) {
                out.add(prefix + d.getKey());
            }
        }
        return out;
    }
}
