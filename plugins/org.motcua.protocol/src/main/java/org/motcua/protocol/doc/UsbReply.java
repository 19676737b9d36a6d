package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §11 {@code usbReply}: the manifest of the server's reply file, signed with the response key. */
public record UsbReply(String deviceId, Optional<String> exportId, List<FileEntry> files, List<Outcome> outcomes,
        String replyId, String serverTime) implements WireDocument {

    public static final String KIND = "usbReply";

    public UsbReply {
        files = List.copyOf(files);
        outcomes = List.copyOf(outcomes);
    }

    /** Every other entry of the reply, with its hash. */
    public record FileEntry(String name, String sha256, long size) {
    }

    /** What became of one batch of the export: its HTTP status and, for a problem, the problem's name. */
    public record Outcome(String batchId, int status, Optional<String> problemType) {
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("deviceId", deviceId);
        exportId.ifPresent(v -> o.put("exportId", v));
        ArrayNode f = o.putArray("files");
        files.forEach(e -> f.addObject().put("name", e.name()).put("sha256", e.sha256()).put("size", e.size()));
        ArrayNode out = o.putArray("outcomes");
        outcomes.forEach(e -> {
            ObjectNode item = out.addObject().put("batchId", e.batchId());
            e.problemType().ifPresent(t -> item.put("problemType", t));
            item.put("status", e.status());
        });
        o.put("replyId", replyId);
        o.put("serverTime", serverTime);
        return o;
    }

    public static UsbReply read(JsonNode node) throws SchemaInvalid {
        long max = CanonicalJson.MAX_INTEGER;
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        List<FileEntry> files = new ArrayList<>();
        for (DocReader e : r.objects("files", 1_000_000)) {
            files.add(new FileEntry(e.string("name", 200), e.hash("sha256"), e.integer("size", 0, max)));
            e.endObject();
        }
        List<Outcome> outcomes = new ArrayList<>();
        for (DocReader e : r.objects("outcomes", 1_000_000)) {
            outcomes.add(new Outcome(e.uuid("batchId"), (int) e.integer("status", 100, 599), e.optString("problemType", 200)));
            e.endObject();
        }
        UsbReply reply = new UsbReply(r.uuid("deviceId"), r.optUuid("exportId"), files, outcomes, r.uuid("replyId"),
                r.time("serverTime"));
        r.end();
        return reply;
    }
}
