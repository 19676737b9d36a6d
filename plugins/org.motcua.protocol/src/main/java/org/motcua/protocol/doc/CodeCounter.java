package org.motcua.protocol.doc;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The highest dossier number a device used on one date (§5.5 {@code codeCounters}; also the first page of a
 * {@link DossierHistory}): a desk raises its day counter to it so that no number is issued twice.
 */
public record CodeCounter(String date, int lastNumber) {

    /** Writes {@code counters} as the member {@code codeCounters} of {@code o}. */
    static void write(ObjectNode o, List<CodeCounter> counters) {
        ArrayNode array = o.putArray("codeCounters");
        counters.forEach(c -> array.addObject().put("date", c.date()).put("lastNumber", c.lastNumber()));
    }

    /** Reads the member {@code codeCounters} of {@code r}. */
    static List<CodeCounter> readAll(DocReader r) throws SchemaInvalid {
        List<CodeCounter> counters = new ArrayList<>();
        for (DocReader c : r.objects("codeCounters", 1000)) {
            counters.add(new CodeCounter(c.date("date"), (int) c.integer("lastNumber", 0, 9999)));
            c.endObject();
        }
        return counters;
    }
}
