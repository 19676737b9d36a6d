package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code calendar} feed item (§5.6): the announced days of one year. {@code holidays} are paid
 * days off; {@code swappedDays} move a working day: {@code dayOff} closes a weekday (nghỉ hoán đổi), {@code workday}
 * opens a weekend day (làm bù). {@code names} (optional, added by this project under §13) says what each date is.
 * Dates are sorted ascending in what the server writes, so the same calendar always has the same bytes.
 */
public record CalendarData(int year, List<String> holidays, List<Swap> swappedDays, Map<String, String> names) {

    public static final String ITEM_TYPE = "calendar";
    public static final String WORKDAY = "workday";
    public static final String DAY_OFF = "dayOff";

    public CalendarData {
        holidays = List.copyOf(holidays);
        swappedDays = List.copyOf(swappedDays);
        names = new TreeMap<>(names);
    }

    /** A swapped day: {@code kind} is {@link #WORKDAY} or {@link #DAY_OFF}. */
    public record Swap(String date, String kind) {
    }

    public ObjectNode toJson() {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("year", year);
        ArrayNode h = o.putArray("holidays");
        holidays.forEach(h::add);
        ArrayNode s = o.putArray("swappedDays");
        swappedDays.forEach(d -> s.addObject().put("date", d.date()).put("kind", d.kind()));
        if (!names.isEmpty()) {
            ObjectNode n = o.putObject("names");
            names.forEach(n::put);
        }
        return o;
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static CalendarData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        int year = (int) r.integer("year", 1900, 9999);
        List<String> holidays = r.strings("holidays", 400, WireFormats::isDate, "a date");
        List<Swap> swaps = new ArrayList<>();
        for (DocReader d : r.objects("swappedDays", 400)) {
            swaps.add(new Swap(d.date("date"), d.oneOf("kind", Set.of(WORKDAY, DAY_OFF))));
        }
        Map<String, String> names = new TreeMap<>();
        r.optObject("names").ifPresent(n -> {
            for (Iterator<Map.Entry<String, JsonNode>> it = n.node().fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (e.getValue().isTextual()) {
                    names.put(e.getKey(), e.getValue().textValue());
                }
            }
        });
        r.end();
        return new CalendarData(year, holidays, swaps, names);
    }
}
