package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code roster} feed item (§5.6): the officers of one commune as the province knows them, by
 * name and roles; never a secret. Officers are sorted by id in what the server writes, so the same roster has the same
 * bytes.
 */
public record RosterData(String unitCode, List<Officer> officers) {

    public static final String ITEM_TYPE = "roster";

    public RosterData {
        officers = List.copyOf(officers);
    }

    /** One officer: {@code roles} as the province names them (e.g. {@code commune-officer}). */
    public record Officer(String officerId, String fullName, List<String> roles, boolean active) {

        public Officer {
            roles = List.copyOf(roles);
        }
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode().put("unitCode", unitCode);
        ArrayNode list = o.putArray("officers");
        for (Officer f : officers) {
            ObjectNode n = list.addObject().put("officerId", f.officerId()).put("fullName", f.fullName()).put("active", f.active());
            ArrayNode roles = n.putArray("roles");
            f.roles().forEach(roles::add);
        }
        return o;
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static RosterData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        String unitCode = r.string("unitCode", 64);
        List<Officer> officers = new ArrayList<>();
        for (DocReader f : r.objects("officers", 1000)) {
            officers.add(new Officer(f.string("officerId", 64), f.string("fullName", 200),
                    f.strings("roles", 10, s -> !s.isEmpty() && s.length() <= 40, "a role name"), f.bool("active")));
            f.endObject();
        }
        r.end();
        return new RosterData(unitCode, officers);
    }
}
