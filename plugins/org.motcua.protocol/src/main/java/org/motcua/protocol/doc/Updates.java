package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.6 {@code updates}: one signed page of the down-sync feed. */
public record Updates(long after, String catalogueExpiresAt, String deviceId, String feedId, boolean hasMore,
        List<Item> items, long lastSeq, byte[] nonce, boolean reset, String serverTime) implements WireDocument {

    public static final String KIND = "updates";

    public Updates {
        items = List.copyOf(items);
    }

    /** One feed item; {@code version} rises strictly per (itemType, key). */
    public record Item(ObjectNode data, String itemType, String key, long seq, long version) {

        ObjectNode toJson() {
            ObjectNode o = Docs.F.objectNode();
            o.set("data", data);
            o.put("itemType", itemType);
            o.put("key", key);
            o.put("seq", seq);
            o.put("version", version);
            return o;
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("after", after);
        o.put("catalogueExpiresAt", catalogueExpiresAt);
        o.put("deviceId", deviceId);
        o.put("feedId", feedId);
        o.put("hasMore", hasMore);
        ArrayNode a = o.putArray("items");
        items.forEach(i -> a.add(i.toJson()));
        o.put("lastSeq", lastSeq);
        o.put("nonce", Docs.b64u(nonce));
        o.put("reset", reset);
        o.put("serverTime", serverTime);
        return o;
    }

    public static Updates read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        List<Item> items = new ArrayList<>();
        for (DocReader i : r.objects("items", 10_000)) {
            JsonNode data = i.rawObject("data");
            items.add(new Item(data instanceof ObjectNode o ? o : null, i.string("itemType", 64), i.string("key", 200),
                    i.integer("seq", 1, CanonicalJson.MAX_INTEGER), i.integer("version", 0, CanonicalJson.MAX_INTEGER)));
            i.endObject();
        }
        Updates u = new Updates(r.integer("after", 0, CanonicalJson.MAX_INTEGER), r.time("catalogueExpiresAt"),
                r.uuid("deviceId"), r.uuid("feedId"), r.bool("hasMore"), items,
                r.integer("lastSeq", 0, CanonicalJson.MAX_INTEGER), r.b64u("nonce", 16), r.bool("reset"),
                r.time("serverTime"));
        r.end();
        return u;
    }
}
