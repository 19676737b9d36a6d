package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.7 {@code health} (unsigned): a cheap probe that tells a device whether a sync can start. */
public record Health(String status, int protocol, List<Integer> supportedProtocols, String serverTime,
        String serverVersion, String limitsPath) implements WireDocument {

    public static final String KIND = "health";
    public static final String OK = "ok";
    public static final String DEGRADED = "degraded";

    public Health {
        supportedProtocols = List.copyOf(supportedProtocols);
    }

    public static Health of(String status, String serverTime) {
        return new Health(status, Protocol.VERSION, Protocol.SUPPORTED, serverTime, Protocol.BUILD_VERSION,
                Protocol.BASE_PATH + "/limits");
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.F.objectNode();
        o.put("kind", KIND);
        o.put("limitsPath", limitsPath);
        o.put("protocol", protocol);
        o.put("serverTime", serverTime);
        o.put("serverVersion", serverVersion);
        o.put("status", status);
        ArrayNode a = o.putArray("supportedProtocols");
        supportedProtocols.forEach(a::add);
        return o;
    }

    public static Health read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        r.constant("kind", KIND);
        List<Integer> supported = r.integers("supportedProtocols", 100, 1, 1000).stream().map(Long::intValue).toList();
        Health h = new Health(r.oneOf("status", Set.of(OK, DEGRADED)), (int) r.integer("protocol", 1, 1000), supported,
                r.time("serverTime"), r.string("serverVersion", 100), r.string("limitsPath", 200));
        r.end();
        return h;
    }
}
