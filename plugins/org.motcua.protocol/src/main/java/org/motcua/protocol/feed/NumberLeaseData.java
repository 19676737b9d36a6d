package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDate;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code numberLease} feed item (§5.6): numbers {@code firstNumber..lastNumber} (within
 * 9000..9999) the device may use on each date from {@code validFrom} to {@code validTo}, only after its own range for
 * that date is exhausted (§10).
 */
public record NumberLeaseData(String leaseId, String deviceId, String unitCode, LocalDate validFrom, LocalDate validTo,
        int firstNumber, int lastNumber) {

    public static final String ITEM_TYPE = "numberLease";
    public static final int LEASE_FIRST = 9000;
    public static final int LEASE_LAST = 9999;

    public ObjectNode toJson() {
        return JsonNodeFactory.instance.objectNode().put("leaseId", leaseId).put("deviceId", deviceId).put("unitCode", unitCode)
                .put("validFrom", validFrom.toString()).put("validTo", validTo.toString()).put("firstNumber", firstNumber)
                .put("lastNumber", lastNumber);
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static NumberLeaseData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        String leaseId = r.uuid("leaseId");
        String deviceId = r.uuid("deviceId");
        String unitCode = r.string("unitCode", 64);
        String from = r.date("validFrom");
        String to = r.date("validTo");
        int first = (int) r.integer("firstNumber", LEASE_FIRST, LEASE_LAST);
        int last = (int) r.integer("lastNumber", LEASE_FIRST, LEASE_LAST);
        if (r.ok() && first > last) {
            r.fault("lastNumber", "must not be below firstNumber");
        }
        if (r.ok() && to.compareTo(from) < 0) {
            r.fault("validTo", "must not be before validFrom");
        }
        r.end();
        return new NumberLeaseData(leaseId, deviceId, unitCode, LocalDate.parse(from), LocalDate.parse(to), first, last);
    }
}
