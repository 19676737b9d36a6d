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

/** §11 {@code usbExport}: the manifest of a device's export file, signed with the device key. */
public record UsbExport(List<BatchEntry> batches, List<BlobEntry> blobs, String createdAt, String deviceId,
        int deviceNumber, String epoch, String exportId, long exportSeq, Optional<FeedCursor> feed, String unitCode)
        implements WireDocument {

    public static final String KIND = "usbExport";

    public UsbExport {
        batches = List.copyOf(batches);
        blobs = List.copyOf(blobs);
    }

    /** One frozen batch in the file; {@code size} is the byte length of its {@code batches/<id>.json} entry. */
    public record BatchEntry(String batchId, String bodySha256, long fromSeq, long size, long toSeq) {
    }

    public record BlobEntry(String sha256, long size) {
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        ArrayNode b = o.putArray("batches");
        batches.forEach(e -> b.addObject().put("batchId", e.batchId()).put("bodySha256", e.bodySha256())
                .put("fromSeq", e.fromSeq()).put("size", e.size()).put("toSeq", e.toSeq()));
        ArrayNode bl = o.putArray("blobs");
        blobs.forEach(e -> bl.addObject().put("sha256", e.sha256()).put("size", e.size()));
        o.put("createdAt", createdAt);
        o.put("deviceId", deviceId);
        o.put("deviceNumber", deviceNumber);
        o.put("epoch", epoch);
        o.put("exportId", exportId);
        o.put("exportSeq", exportSeq);
        feed.ifPresent(f -> f.putInto(o));
        o.put("unitCode", unitCode);
        return o;
    }

    public static UsbExport read(JsonNode node) throws SchemaInvalid {
        long max = CanonicalJson.MAX_INTEGER;
        DocReader r = DocReader.strict(node);
        Docs.header(r, KIND);
        List<BatchEntry> batches = new ArrayList<>();
        for (DocReader e : r.objects("batches", 1_000_000)) {
            batches.add(new BatchEntry(e.uuid("batchId"), e.hash("bodySha256"), e.integer("fromSeq", 1, max),
                    e.integer("size", 1, max), e.integer("toSeq", 1, max)));
            e.endObject();
        }
        List<BlobEntry> blobs = new ArrayList<>();
        for (DocReader e : r.objects("blobs", 1_000_000)) {
            blobs.add(new BlobEntry(e.hash("sha256"), e.integer("size", 0, max)));
            e.endObject();
        }
        Optional<FeedCursor> feed = FeedCursor.readFrom(r);
        UsbExport x = new UsbExport(batches, blobs, r.time("createdAt"), r.uuid("deviceId"),
                (int) r.integer("deviceNumber", 1, 9), r.uuid("epoch"), r.uuid("exportId"), r.integer("exportSeq", 1, max),
                feed, r.string("unitCode", 64));
        r.end();
        return x;
    }
}
