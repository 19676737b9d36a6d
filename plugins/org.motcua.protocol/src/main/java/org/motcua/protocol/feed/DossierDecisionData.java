package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code dossierDecision} feed item (§5.6): a status change decided at the province on a
 * dossier handed up. {@code status} is the national status code in decimal ({@code "9"}: done), the number the
 * events carry; only the statuses a deciding body sets are sent ({@link #DECIDED}).
 */
public record DossierDecisionData(String aggregateId, String dossierCode, String decisionId, String status, String decidedAt,
        String decidedBy, Optional<String> note) {

    public static final String ITEM_TYPE = "dossierDecision";

    /** The statuses a decision upstream may set, by national code, with their English names (what the CLI accepts). */
    public static final Map<String, String> DECIDED = Map.of("4", "PROCESSING", "5", "SUPPLEMENT_REQUESTED",
            "6", "AWAITING_FINANCIAL_OBLIGATION", "8", "STOPPED", "9", "DONE");

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("aggregateId", aggregateId).put("dossierCode", dossierCode)
                .put("decisionId", decisionId).put("status", status).put("decidedAt", decidedAt).put("decidedBy", decidedBy);
        note.ifPresent(n -> o.put("note", n));
        return o;
    }

    public int statusCode() {
        return Integer.parseInt(status);
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static DossierDecisionData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        String aggregateId = r.uuid("aggregateId");
        String dossierCode = r.string("dossierCode", 40);
        String decisionId = r.uuid("decisionId");
        String status = r.oneOf("status", DECIDED.keySet());
        String decidedAt = r.time("decidedAt");
        String decidedBy = r.string("decidedBy", 64);
        Optional<String> note = r.optString("note", 2000);
        r.end();
        return new DossierDecisionData(aggregateId, dossierCode, decisionId, status, decidedAt, decidedBy, note);
    }
}
