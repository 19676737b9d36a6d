package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * {@code dossierHistory} (an extension of version 1, PROTOCOL-NOTES "Replacement PC"): one signed page of the dossiers
 * a device's unit holds at the province, for a desk that lost its database. Dossiers come in ascending {@code aggregateId}
 * order, each whole with its accepted events in the order the province stored them; a payload travels as the b64u of
 * the exact bytes that were ingested, so the desk stores byte-identical payloads and can check them against
 * {@code payloadHash}. {@code codeCounters} and {@code registerCounters} are the highest dossier number per date and
 * register entry per book the province has seen from this device, so the desk never issues one again (§8.4).
 */
public record DossierHistory(String after, List<CodeCounter> codeCounters, String deviceId, List<Dossier> dossiers,
        boolean hasMore, String last, byte[] nonce, List<RegisterCounter> registerCounters, String scope,
        String serverTime, String unitCode) implements WireDocument {

    public static final String KIND = "dossierHistory";
    public static final String OPEN = "open";
    public static final String ALL = "all";
    /** The start cursor: before every uuid. */
    public static final String START = "";

    public DossierHistory {
        codeCounters = List.copyOf(codeCounters);
        dossiers = List.copyOf(dossiers);
        registerCounters = List.copyOf(registerCounters);
    }


    public record RegisterCounter(String book, int lastEntry) {
    }

    /** One dossier with its national {@code status} at the province and its events in stored order. */
    public record Dossier(String aggregateId, String dossierCode, List<Event> events, int status) {
        public Dossier {
            events = List.copyOf(events);
        }
    }

    /**
     * One stored event: the envelope members of §4.1 a reader needs, where it came from ({@code deviceId},
     * {@code epoch}, {@code seq}), the province's commit time, and the payload's ingested bytes.
     */
    public record Event(List<String> blobs, String createdAt, String deviceId, String epoch, String eventId,
            byte[] payload, String payloadHash, String receivedAt, long seq, String type) {
        public Event {
            blobs = List.copyOf(blobs);
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("after", after);
        CodeCounter.write(o, codeCounters);
        o.put("deviceId", deviceId);
        ArrayNode ds = o.putArray("dossiers");
        for (Dossier d : dossiers) {
            ObjectNode dn = ds.addObject();
            dn.put("aggregateId", d.aggregateId());
            dn.put("dossierCode", d.dossierCode());
            ArrayNode es = dn.putArray("events");
            for (Event e : d.events()) {
                ObjectNode en = es.addObject();
                en.set("blobs", Docs.strings(e.blobs()));
                en.put("createdAt", e.createdAt());
                en.put("deviceId", e.deviceId());
                en.put("epoch", e.epoch());
                en.put("eventId", e.eventId());
                en.put("payload", Docs.b64u(e.payload()));
                en.put("payloadHash", e.payloadHash());
                en.put("receivedAt", e.receivedAt());
                en.put("seq", e.seq());
                en.put("type", e.type());
            }
            dn.put("status", d.status());
        }
        o.put("hasMore", hasMore);
        o.put("last", last);
        o.put("nonce", Docs.b64u(nonce));
        ArrayNode books = o.putArray("registerCounters");
        registerCounters.forEach(c -> books.addObject().put("book", c.book()).put("lastEntry", c.lastEntry()));
        o.put("scope", scope);
        o.put("serverTime", serverTime);
        o.put("unitCode", unitCode);
        return o;
    }

    public static DossierHistory read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        List<CodeCounter> counters = CodeCounter.readAll(r);
        List<Dossier> dossiers = new ArrayList<>();
        for (DocReader d : r.objects("dossiers", 10_000)) {
            List<Event> events = new ArrayList<>();
            for (DocReader e : d.objects("events", 100_000)) {
                events.add(new Event(e.sortedHashes("blobs", 1000), e.time("createdAt"), e.uuid("deviceId"), e.uuid("epoch"),
                        e.uuid("eventId"), e.b64u("payload", 0), e.hash("payloadHash"), e.time("receivedAt"),
                        e.integer("seq", 1, CanonicalJson.MAX_INTEGER), e.string("type", 64)));
                e.endObject();
            }
            dossiers.add(new Dossier(d.uuid("aggregateId"), d.string("dossierCode", 40), events,
                    (int) d.integer("status", 1, 10)));
            d.endObject();
        }
        List<RegisterCounter> books = new ArrayList<>();
        for (DocReader b : r.objects("registerCounters", 1000)) {
            books.add(new RegisterCounter(b.string("book", 20), (int) b.integer("lastEntry", 0, Integer.MAX_VALUE)));
            b.endObject();
        }
        DossierHistory h = new DossierHistory(r.string("after", 36), counters, r.uuid("deviceId"), dossiers,
                r.bool("hasMore"), r.string("last", 36), r.b64u("nonce", 16), books, r.oneOf("scope", Set.of(OPEN, ALL)),
                r.time("serverTime"), r.string("unitCode", 64));
        r.end();
        return h;
    }
}
