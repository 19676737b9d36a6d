package org.motcua.protocol.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * Payload of a {@code DossierActionTaken} event (schema 1): one handover record of a dossier after its reception —
 * who gave it to whom, when, the status after the step, and for an extension the new due time. {@code step} counts
 * the dossier's handovers from 1 (reception), so the province can replay them in order. Readers ignore members they
 * do not know.
 */
public record DossierActionTaken(String dossierId, String dossierCode, int step, String action, int status, String from,
        String to, String at, Optional<String> stepDeadline, Optional<String> timeliness, Optional<String> newDueAt,
        String note, Optional<ResultReturned> resultReturned, Optional<DigitisedResult> result) {

    /** Any action but a return (which says how the result was returned). */
    public DossierActionTaken(String dossierId, String dossierCode, int step, String action, int status, String from,
            String to, String at, Optional<String> stepDeadline, Optional<String> timeliness, Optional<String> newDueAt,
            String note) {
        this(dossierId, dossierCode, step, action, status, from, to, at, stepDeadline, timeliness, newDueAt, note,
                Optional.empty(), Optional.empty());
    }

    /** Any action without a digitised result. */
    public DossierActionTaken(String dossierId, String dossierCode, int step, String action, int status, String from,
            String to, String at, Optional<String> stepDeadline, Optional<String> timeliness, Optional<String> newDueAt,
            String note, Optional<ResultReturned> resultReturned) {
        this(dossierId, dossierCode, step, action, status, from, to, at, stepDeadline, timeliness, newDueAt, note,
                resultReturned, Optional.empty());
    }

    /** The actions that may carry the digitised result: the dossier is done, or its result handed back. */
    public static final Set<String> WITH_RESULT = Set.of("MARK_DONE", "RETURN_RESULT");

    /**
     * The digitised result (optional member {@code result}, added within schema 1): the number of the decision or
     * certificate the dossier ended with, and its scans. Their hashes are also listed in the envelope's {@code blobs}
     * (§9), so the province holds them; the service-quality index counts a dossier done with one as digitised.
     *
     * @param number the result's number as printed on it (số, ký hiệu)
     * @param files  its scans, in the shape of {@link AttachmentsAdded.Attachment}
     */
    public record DigitisedResult(String number, List<AttachmentsAdded.Attachment> files) {

        public DigitisedResult {
            files = List.copyOf(files);
        }

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("number", number);
            AttachmentsAdded.write(o.putArray("files"), files);
            return o;
        }

        static DigitisedResult read(DocReader r) {
            String number = r.string("number", 100);
            if (number != null && number.isBlank()) {
                r.fault("number", "must not be blank");
            }
            DigitisedResult out = new DigitisedResult(number, AttachmentsAdded.read(r, "files", 50));
            r.endObject();
            return out;
        }
    }

    /** The result files' hashes, sorted and distinct, as the envelope's {@code blobs} must list them; empty without. */
    public List<String> resultBlobs() {
        return result.map(r -> r.files().stream().map(AttachmentsAdded.Attachment::sha256).sorted().distinct().toList())
                .orElse(List.of());
    }

    /**
     * How a result was returned ({@code RETURN_RESULT} only; optional member {@code resultReturned}, added within
     * schema 1: readers that do not know it ignore it).
     *
     * @param collectedBy        {@code APPLICANT}, {@code AUTHORISED_PERSON} or {@code POST}
     * @param collectorName      the authorised person's name
     * @param collectorCitizenId the authorised person's citizen ID
     * @param trackingNumber     the postal tracking number
     * @param rating             {@code SATISFIED}, {@code ACCEPTABLE} or {@code NOT_SATISFIED}; absent when not rated
     * @param comment            the citizen's comment, may be empty
     */
    public record ResultReturned(String collectedBy, Optional<String> collectorName, Optional<String> collectorCitizenId,
            Optional<String> trackingNumber, Optional<String> rating, String comment) {

        public static final Set<String> COLLECTED_BY = Set.of("APPLICANT", "AUTHORISED_PERSON", "POST");
        public static final Set<String> RATINGS = Set.of("SATISFIED", "ACCEPTABLE", "NOT_SATISFIED");

        ObjectNode toJson() {
            ObjectNode o = JsonNodeFactory.instance.objectNode();
            o.put("collectedBy", collectedBy);
            collectorName.ifPresent(v -> o.put("collectorName", v));
            collectorCitizenId.ifPresent(v -> o.put("collectorCitizenId", v));
            trackingNumber.ifPresent(v -> o.put("trackingNumber", v));
            rating.ifPresent(v -> o.put("rating", v));
            o.put("comment", comment);
            return o;
        }

        static ResultReturned read(DocReader r) {
            Optional<String> rating = r.optString("rating", 20);
            rating.filter(v -> !RATINGS.contains(v)).ifPresent(v -> r.fault("rating", "not one of " + RATINGS));
            ResultReturned out = new ResultReturned(r.oneOf("collectedBy", COLLECTED_BY),
                    r.optString("collectorName", PayloadSchema.NAME), PayloadSchema.optCitizenId(r, "collectorCitizenId"),
                    r.optString("trackingNumber", 30), rating, r.string("comment", PayloadSchema.TEXT));
            r.endObject();
            return out;
        }
    }

    public static final int SCHEMA = 1;

    /** The desk's actions, as the wire names them. */
    public static final Set<String> ACTIONS = Set.of("COLLECT_IN_FIELD", "RECEIVE", "REFUSE", "HAND_OVER_FOR_PROCESSING",
            "FORWARD_WITHIN_PROCESSING", "REQUEST_SUPPLEMENT", "EXTEND_DEADLINE", "SUPPLEMENT_RECEIVED",
            "REQUIRE_FINANCIAL_OBLIGATION", "FINANCIAL_OBLIGATION_MET", "WITHDRAW", "STOP", "MARK_DONE", "RETURN_RESULT");
    public static final Set<String> TIMELINESS = Set.of("EARLY", "ON_TIME", "LATE");

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("schema", SCHEMA);
        o.put("dossierId", dossierId);
        o.put("dossierCode", dossierCode);
        o.put("step", step);
        o.put("action", action);
        o.put("status", status);
        o.put("from", from);
        o.put("to", to);
        o.put("at", at);
        stepDeadline.ifPresent(v -> o.put("stepDeadline", v));
        timeliness.ifPresent(v -> o.put("timeliness", v));
        newDueAt.ifPresent(v -> o.put("newDueAt", v));
        o.put("note", note);
        resultReturned.ifPresent(v -> o.set("resultReturned", v.toJson()));
        result.ifPresent(v -> o.set("result", v.toJson()));
        return o;
    }

    public String unitCode() {
        return PayloadSchema.unitOf(dossierCode);
    }

    public static DossierActionTaken read(JsonNode payload) throws SchemaInvalid {
        DocReader r = DocReader.lenient(payload);
        r.integer("schema", SCHEMA, SCHEMA);
        Optional<String> timeliness = r.optString("timeliness", 10);
        timeliness.filter(t -> !TIMELINESS.contains(t)).ifPresent(t -> r.fault("timeliness", "not one of " + TIMELINESS));
        DossierActionTaken a = new DossierActionTaken(r.uuid("dossierId"), PayloadSchema.dossierCode(r, "dossierCode"),
                (int) r.integer("step", 1, 100_000), r.oneOf("action", ACTIONS), (int) r.integer("status", 1, 10),
                r.string("from", 64), r.string("to", 64), r.time("at"), r.optTime("stepDeadline"), timeliness,
                r.optTime("newDueAt"), r.string("note", PayloadSchema.TEXT),
                r.optObject("resultReturned").map(ResultReturned::read), r.optObject("result").map(DigitisedResult::read));
        a.resultReturned().filter(x -> !"RETURN_RESULT".equals(a.action()))
                .ifPresent(x -> r.fault("resultReturned", "only with action RETURN_RESULT"));
        a.result().filter(x -> !WITH_RESULT.contains(a.action()))
                .ifPresent(x -> r.fault("result", "only with action MARK_DONE or RETURN_RESULT"));
        r.end();
        return a;
    }
}
