package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Optional;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code deviceConfig} feed item (§5.6), keyed by the device id: the number and unit the province
 * now gives the device. {@code unitName} is this project's addition (PROTOCOL-NOTES): a desk moved to another commune
 * prints that commune's name on its forms, and the contract's two members do not carry it. Readers that do not know it
 * ignore it (§13).
 */
public record DeviceConfigData(int deviceNumber, String unitCode, Optional<String> unitName) {

    public static final String ITEM_TYPE = "deviceConfig";

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("deviceNumber", deviceNumber).put("unitCode", unitCode);
        unitName.ifPresent(n -> o.put("unitName", n));
        return o;
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static DeviceConfigData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        int number = (int) r.integer("deviceNumber", 1, 9);
        String unitCode = r.string("unitCode", 64);
        Optional<String> unitName = r.optString("unitName", 200);
        r.end();
        return new DeviceConfigData(number, unitCode, unitName);
    }
}
