package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * §5.3 {@code receipt}: the server's signed statement of what it committed from one batch. {@code feed} is an optional
 * member this project's server adds within v1 (§13): the head of the updates feed as this device sees it, so the
 * device pulls the feed only when there is something new (PROTOCOL-NOTES, "Feed head in receipts").
 */
public record Receipt(String ackedHash, long ackedSeq, String batchId, String bodySha256, String deviceId, String epoch,
        Optional<FeedCursor> feed, long fromSeq, List<Result> results, String serverTime, long toSeq)
        implements WireDocument {

    public static final String KIND = "receipt";
    public static final String ACCEPTED = "accepted";
    public static final String DUPLICATE = "duplicate";
    public static final String REJECTED = "rejected";

    public Receipt {
        results = List.copyOf(results);
    }

    /** A receipt without the feed head (what a server that does not add it sends). */
    public Receipt(String ackedHash, long ackedSeq, String batchId, String bodySha256, String deviceId, String epoch,
            long fromSeq, List<Result> results, String serverTime, long toSeq) {
        this(ackedHash, ackedSeq, batchId, bodySha256, deviceId, epoch, Optional.empty(), fromSeq, results, serverTime,
                toSeq);
    }

    /** Where a duplicate was first stored (following earlier duplicates back to it). */
    public record Original(String epoch, long seq, String status, Optional<String> reason) {

        ObjectNode toJson() {
            ObjectNode o = Docs.F.objectNode();
            o.put("epoch", epoch);
            reason.ifPresent(v -> o.put("reason", v));
            o.put("seq", seq);
            o.put("status", status);
            return o;
        }
    }

    /** The outcome of one event: {@code reason} iff rejected, {@code original} iff duplicate. */
    public record Result(long seq, String status, Optional<String> reason, List<String> warnings,
            Optional<Original> original) {

        public Result {
            warnings = List.copyOf(warnings);
        }

        public static Result accepted(long seq, List<String> warnings) {
            return new Result(seq, ACCEPTED, Optional.empty(), warnings, Optional.empty());
        }

        public static Result rejected(long seq, String reason, List<String> warnings) {
            return new Result(seq, REJECTED, Optional.of(reason), warnings, Optional.empty());
        }

        public static Result duplicate(long seq, Original original) {
            return new Result(seq, DUPLICATE, Optional.empty(), List.of(), Optional.of(original));
        }

        ObjectNode toJson() {
            ObjectNode o = Docs.F.objectNode();
            original.ifPresent(v -> o.set("original", v.toJson()));
            reason.ifPresent(v -> o.put("reason", v));
            o.put("seq", seq);
            o.put("status", status);
            if (!warnings.isEmpty()) {
                o.set("warnings", Docs.strings(warnings));
            }
            return o;
        }

        static Result read(DocReader r) {
            String status = r.oneOf("status", Set.of(ACCEPTED, DUPLICATE, REJECTED));
            Optional<String> reason = r.optString("reason", 200);
            List<String> warnings = r.has("warnings") ? r.strings("warnings", 100, s -> !s.isEmpty(), "a warning") : List.of();
            Optional<Original> original = r.optObject("original").map(o -> {
                Original v = new Original(o.uuid("epoch"), o.integer("seq", 1, CanonicalJson.MAX_INTEGER),
                        o.oneOf("status", Set.of(ACCEPTED, REJECTED)), o.optString("reason", 200));
                o.endObject();
                return v;
            });
            long seq = r.integer("seq", 1, CanonicalJson.MAX_INTEGER);
            if (status != null && (REJECTED.equals(status) != reason.isPresent())) {
                r.fault("reason", "present if and only if the event was rejected");
            }
            if (status != null && (DUPLICATE.equals(status) != original.isPresent())) {
                r.fault("original", "present if and only if the event was a duplicate");
            }
            return new Result(seq, status, reason, warnings, original);
        }
    }

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("ackedHash", ackedHash);
        o.put("ackedSeq", ackedSeq);
        o.put("batchId", batchId);
        o.put("bodySha256", bodySha256);
        o.put("deviceId", deviceId);
        o.put("epoch", epoch);
        feed.ifPresent(f -> f.putInto(o));
        o.put("fromSeq", fromSeq);
        ArrayNode a = o.putArray("results");
        results.forEach(res -> a.add(res.toJson()));
        o.put("serverTime", serverTime);
        o.put("toSeq", toSeq);
        return o;
    }

    public static Receipt read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        List<Result> results = new ArrayList<>();
        for (DocReader item : r.objects("results", Integer.MAX_VALUE)) {
            results.add(Result.read(item));
            item.endObject();
        }
        Receipt receipt = new Receipt(r.hash("ackedHash"), r.integer("ackedSeq", 0, CanonicalJson.MAX_INTEGER),
                r.uuid("batchId"), r.hash("bodySha256"), r.uuid("deviceId"), r.uuid("epoch"), FeedCursor.readFrom(r),
                r.integer("fromSeq", 1, CanonicalJson.MAX_INTEGER), results, r.time("serverTime"),
                r.integer("toSeq", 1, CanonicalJson.MAX_INTEGER));
        r.end();
        return receipt;
    }
}
