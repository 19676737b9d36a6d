package org.motcua.server.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.motcua.protocol.feed.CalendarData;

/**
 * Reads the working calendar the province announces, one object per year (or an array of them):
 * <pre>{"year": 2027,
 *  "holidays": ["2027-01-01", {"date": "2027-02-05", "name": "Tết Nguyên đán"}, …],
 *  "swappedDays": [{"date": "2027-04-30", "kind": "dayOff", "name": "…"}, {"date": "2027-04-24", "kind": "workday"}]}</pre>
 * {@code dayOff} closes a weekday (nghỉ hoán đổi), {@code workday} opens a Saturday or Sunday (làm bù). Every date
 * must lie in its year, appear once, and a swap must fit its weekday; otherwise the file is refused with the line.
 */
final class CalendarFile {

    private static final Set<String> YEAR_MEMBERS = Set.of("year", "holidays", "swappedDays", "source");
    private static final Set<String> DAY_MEMBERS = Set.of("date", "name", "kind");

    private final PublicationFile file;

    private CalendarFile(PublicationFile file) {
        this.file = file;
    }

    static List<CalendarData> read(byte[] bytes) throws FileRefused {
        return new CalendarFile(PublicationFile.parse(bytes)).years();
    }

    private List<CalendarData> years() throws FileRefused {
        JsonNode root = file.root();
        List<CalendarData> out = new ArrayList<>();
        Map<Integer, Integer> seen = new HashMap<>();
        if (root.isObject()) {
            out.add(year(root, ""));
        } else if (root.isArray() && !root.isEmpty()) {
            for (int i = 0; i < root.size(); i++) {
                CalendarData y = year(root.get(i), "/" + i);
                Integer first = seen.putIfAbsent(y.year(), file.line("/" + i));
                if (first != null) {
                    throw file.refuse("/" + i + "/year", "year-twice", String.valueOf(y.year()), String.valueOf(first));
                }
                out.add(y);
            }
        } else {
            throw file.refuse("", "calendar-shape");
        }
        return out;
    }

    private CalendarData year(JsonNode y, String at) throws FileRefused {
        if (!y.isObject()) {
            throw file.refuse(at, "year-shape");
        }
        unknownMembers(y, at, YEAR_MEMBERS, "year");
        JsonNode yearNode = y.get("year");
        if (yearNode == null || !yearNode.isIntegralNumber() || yearNode.longValue() < 2000 || yearNode.longValue() > 2100) {
            throw file.refuse(yearNode == null ? at : at + "/year", "year");
        }
        int year = yearNode.intValue();
        TreeMap<LocalDate, String> holidays = new TreeMap<>();
        TreeMap<LocalDate, String> swapKinds = new TreeMap<>();
        Map<String, String> names = new TreeMap<>();
        Map<LocalDate, Integer> lines = new HashMap<>();
        JsonNode hs = y.get("holidays");
        if (hs == null || !hs.isArray() || hs.isEmpty()) {
            throw file.refuse(hs == null ? at : at + "/holidays", "holidays");
        }
        for (int i = 0; i < hs.size(); i++) {
            String hat = at + "/holidays/" + i;
            JsonNode h = hs.get(i);
            LocalDate date;
            if (h.isTextual()) {
                date = date(h, hat, year);
            } else if (h.isObject()) {
                unknownMembers(h, hat, Set.of("date", "name"), "holiday");
                date = date(h.get("date"), h.get("date") == null ? hat : hat + "/date", year);
                name(h, hat).ifPresent(n -> names.put(date.toString(), n));
            } else {
                throw file.refuse(hat, "holiday-shape");
            }
            once(lines, date, h.isObject() ? hat + "/date" : hat);
            holidays.put(date, "");
        }
        JsonNode ss = y.get("swappedDays");
        if (ss != null && !ss.isNull()) {
            if (!ss.isArray()) {
                throw file.refuse(at + "/swappedDays", "swapped-days");
            }
            for (int i = 0; i < ss.size(); i++) {
                String sat = at + "/swappedDays/" + i;
                JsonNode s = ss.get(i);
                if (!s.isObject()) {
                    throw file.refuse(sat, "swap-shape");
                }
                unknownMembers(s, sat, DAY_MEMBERS, "swapped-day");
                LocalDate date = date(s.get("date"), s.get("date") == null ? sat : sat + "/date", year);
                JsonNode kind = s.get("kind");
                boolean weekend = date.getDayOfWeek() == DayOfWeek.SATURDAY || date.getDayOfWeek() == DayOfWeek.SUNDAY;
                if (kind == null || !kind.isTextual()
                        || !(kind.textValue().equals(CalendarData.WORKDAY) || kind.textValue().equals(CalendarData.DAY_OFF))) {
                    throw file.refuse(kind == null ? sat : sat + "/kind", "kind");
                }
                if (kind.textValue().equals(CalendarData.WORKDAY) && !weekend) {
                    throw file.refuse(sat, "workday-weekday", date.toString());
                }
                if (kind.textValue().equals(CalendarData.DAY_OFF) && weekend) {
                    throw file.refuse(sat, "dayoff-weekend", date.toString());
                }
                once(lines, date, sat + "/date");
                swapKinds.put(date, kind.textValue());
                name(s, sat).ifPresent(n -> names.put(date.toString(), n));
            }
        }
        List<CalendarData.Swap> swaps = new ArrayList<>();
        swapKinds.forEach((d, k) -> swaps.add(new CalendarData.Swap(d.toString(), k)));
        return new CalendarData(year, holidays.keySet().stream().map(LocalDate::toString).toList(), swaps, names);
    }

    private void once(Map<LocalDate, Integer> lines, LocalDate date, String at) throws FileRefused {
        Integer first = lines.putIfAbsent(date, file.line(at));
        if (first != null) {
            throw file.refuse(at, "date-twice", date.toString(), String.valueOf(first));
        }
    }

    private LocalDate date(JsonNode node, String at, int year) throws FileRefused {
        if (node == null || !node.isTextual()) {
            throw file.refuse(at, "date-type");
        }
        LocalDate date;
        try {
            date = LocalDate.parse(node.textValue());
        } catch (DateTimeParseException e) {
            throw file.refuse(at, "date-format", node.textValue());
        }
        if (date.getYear() != year) {
            throw file.refuse(at, "date-year", date.toString(), String.valueOf(year));
        }
        return date;
    }

    private java.util.Optional<String> name(JsonNode node, String at) throws FileRefused {
        JsonNode n = node.get("name");
        if (n == null || n.isNull()) {
            return java.util.Optional.empty();
        }
        if (!n.isTextual() || n.textValue().length() > 300) {
            throw file.refuse(at + "/name", "name");
        }
        return java.util.Optional.of(n.textValue().strip()).filter(s -> !s.isEmpty());
    }

    private void unknownMembers(JsonNode node, String at, Set<String> members, String what) throws FileRefused {
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!members.contains(name)) {
                throw file.refuse(at + "/" + name, "unknown-member", name, new FileRefused.Word("publication.what." + what));
            }
        }
    }
}
