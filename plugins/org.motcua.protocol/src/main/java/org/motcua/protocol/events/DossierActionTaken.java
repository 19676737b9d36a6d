package org.motcua.protocol.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
        String note) {

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
                r.optTime("newDueAt"), r.string("note", PayloadSchema.TEXT));
        r.end();
        return a;
    }
}
