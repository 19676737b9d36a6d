package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/** §5.5 {@code deviceState}: what the server holds of a device's chain, signed and bound to the device's nonce. */
public record DeviceState(String ackedHash, long ackedSeq, List<CodeCounter> codeCounters, Optional<String> currentEpoch,
        String deviceId, int deviceNumber, Optional<String> epoch, String epochStatus, Optional<String> lastBatchId,
        byte[] nonce, String serverTime, String unitCode) implements WireDocument {

    public static final String KIND = "deviceState";
    public static final String OPEN = "open";
    public static final String CLOSED = "closed";
    public static final String UNKNOWN = "unknown";

    public DeviceState {
        codeCounters = List.copyOf(codeCounters);
    }

    /** The highest dossier number the server has seen from the device on one date. */

    @Override
    public ObjectNode toJson() {
        ObjectNode o = Docs.signed(KIND);
        o.put("ackedHash", ackedHash);
        o.put("ackedSeq", ackedSeq);
        CodeCounter.write(o, codeCounters);
        currentEpoch.ifPresent(v -> o.put("currentEpoch", v));
        o.put("deviceId", deviceId);
        o.put("deviceNumber", deviceNumber);
        epoch.ifPresent(v -> o.put("epoch", v));
        o.put("epochStatus", epochStatus);
        lastBatchId.ifPresent(v -> o.put("lastBatchId", v));
        o.put("nonce", Docs.b64u(nonce));
        o.put("serverTime", serverTime);
        o.put("unitCode", unitCode);
        return o;
    }

    public static DeviceState read(JsonNode node) throws SchemaInvalid {
        DocReader r = DocReader.lenient(node);
        Docs.header(r, KIND);
        List<CodeCounter> counters = CodeCounter.readAll(r);
        DeviceState s = new DeviceState(r.hash("ackedHash"), r.integer("ackedSeq", 0, CanonicalJson.MAX_INTEGER), counters,
                r.optUuid("currentEpoch"), r.uuid("deviceId"), (int) r.integer("deviceNumber", 1, 9), r.optUuid("epoch"),
                r.oneOf("epochStatus", Set.of(OPEN, CLOSED, UNKNOWN)), r.optUuid("lastBatchId"), r.b64u("nonce", 16),
                r.time("serverTime"), r.string("unitCode", 64));
        r.end();
        return s;
    }
}
