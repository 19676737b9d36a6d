package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.2 {@code batch}: contiguous events of one epoch, frozen once and sent byte-identical on every retry. */
public record Batch(String batchId, String deviceId, String epoch, List<WireEvent> events, long fromSeq, long toSeq)
        implements WireDocument {

    public static final String KIND = "batch";

    public Batch {
        events = List.copyOf(events);
    }

    /** A batch of {@code events} (ascending, contiguous); fromSeq and toSeq are taken from them. */
    public static Batch of(String batchId, String deviceId, String epoch, List<WireEvent> events) {
        if (events.isEmpty()) {
            throw new IllegalArgumentException("a batch holds at least one event");
        }
        return new Batch(batchId, deviceId, epoch, events, events.get(0).seq(), events.get(events.size() - 1).seq());
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("batchId", batchId);
        o.put("deviceId", deviceId);
        o.put("epoch", epoch);
        ArrayNode a = o.putArray("events");
        events.forEach(e -> a.add(e.toJson()));
        o.put("fromSeq", fromSeq);
        o.put("toSeq", toSeq);
        return o;
    }

    /** The events array's length, or -1 when there is none; §7 step 8 checks it before the schema. */
    public static int eventCount(JsonNode node) {
        JsonNode events = node == null ? null : node.get("events");
        return events != null && events.isArray() ? events.size() : -1;
    }

    public static Batch read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        List<WireEvent> events = new ArrayList<>();
        for (DocReader e : r.objects("events", Integer.MAX_VALUE)) {
            events.add(WireEvent.read(e));
            e.endObject();
        }
        long from = r.integer("fromSeq", 1, CanonicalJson.MAX_INTEGER);
        long to = r.integer("toSeq", 1, CanonicalJson.MAX_INTEGER);
        String batchId = r.uuid("batchId");
        String deviceId = r.uuid("deviceId");
        String epoch = r.uuid("epoch");
        if (r.ok()) {
            if (events.isEmpty()) {
                r.fault("events", "must hold at least one event");
            } else if (from != events.get(0).seq() || to != events.get(events.size() - 1).seq()
                    || to - from + 1 != events.size()) {
                r.fault("toSeq", "fromSeq and toSeq must be the first and last seq, toSeq - fromSeq + 1 the event count");
            }
        }
        r.end();
        return new Batch(batchId, deviceId, epoch, events, from, to);
    }
}
