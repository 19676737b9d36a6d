package org.motcua.server.feed;

import com.fasterxml.jackson.databind.JsonNode;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.motcua.protocol.feed.ProcedureData;

/**
 * Reads a procedure catalogue in the shape of the sample the client ships ({@code procedures-sample.json}): an array
 * of {@code {code, name, field, durationWorkingDays, durationNote, fee, fees?, documents, onlineLevel, source?, notes?,
 * nameVerified?}} with documents {@code {name, form, count, required, note?}}. The sample may leave gaps (it is
 * compiled from public pages); a catalogue the province publishes may not: every procedure needs a code, a name, a
 * field and a processing time (working days, or a same-day note such as "Trong ngày…"), or the whole file is refused
 * with the line and the reason. Unknown members are refused too, because a misspelt member would otherwise vanish.
 * {@code fees}, an addition to the sample's shape, lists amounts as {@code {name, amountVnd}}; {@code fee} stays the
 * wording the desk shows.
 */
final class CatalogueFile {

    static final int MAX_PROCEDURES = 5000;
    private static final Pattern CODE = Pattern.compile("[0-9A-Za-z][0-9A-Za-z.\\-]{0,39}");
    private static final Set<String> MEMBERS = Set.of("code", "name", "field", "durationWorkingDays", "durationNote", "fee",
            "fees", "documents", "onlineLevel", "source", "notes", "nameVerified");
    private static final Set<String> DOCUMENT_MEMBERS = Set.of("name", "form", "count", "required", "note");
    private static final Set<String> FEE_MEMBERS = Set.of("name", "amountVnd");

    private final PublicationFile file;

    private CatalogueFile(PublicationFile file) {
        this.file = file;
    }

    /** The procedures of the file, in file order, each valid from {@code validFrom}. */
    static List<ProcedureData> read(byte[] bytes, String validFrom) throws FileRefused {
        return new CatalogueFile(PublicationFile.parse(bytes)).procedures(validFrom);
    }

    private List<ProcedureData> procedures(String validFrom) throws FileRefused {
        JsonNode root = file.root();
        if (!root.isArray()) {
            throw file.refuse("", "catalogue-not-array");
        }
        if (root.isEmpty()) {
            throw file.refuse("", "catalogue-empty");
        }
        if (root.size() > MAX_PROCEDURES) {
            throw file.refuse("", "catalogue-too-many", String.valueOf(MAX_PROCEDURES));
        }
        Map<String, Integer> codes = new HashMap<>();
        List<ProcedureData> out = new ArrayList<>();
        for (int i = 0; i < root.size(); i++) {
            String at = "/" + i;
            ProcedureData p = procedure(root.get(i), at, validFrom);
            Integer first = codes.putIfAbsent(p.procedureCode(), file.line(at));
            if (first != null) {
                throw file.refuse(at + "/code", "procedure-twice", p.procedureCode(), String.valueOf(first));
            }
            out.add(p);
        }
        return out;
    }

    private ProcedureData procedure(JsonNode p, String at, String validFrom) throws FileRefused {
        requireObject(p, at, "procedure", MEMBERS);
        String code = text(p, at, "code", 40, true);
        if (!CODE.matcher(code).matches()) {
            throw file.refuse(at + "/code", "code-shape", code);
        }
        String name = text(p, at, "name", 1000, true);
        String field = text(p, at, "field", 300, true);
        String note = text(p, at, "durationNote", 2000, false);
        JsonNode days = p.get("durationWorkingDays");
        int processingDays;
        boolean sameDay = false;
        if (days == null || days.isNull()) {
            String folded = fold(note);
            sameDay = folded.startsWith("trong ngay") || folded.startsWith("ngay khi");
            if (!sameDay) {
                throw file.refuse(at, "no-processing-time", code);
            }
            processingDays = 0;
        } else if (!days.isIntegralNumber() || days.longValue() < 0 || days.longValue() > 3650) {
            throw file.refuse(at + "/durationWorkingDays", "duration");
        } else {
            processingDays = days.intValue();
            sameDay = processingDays == 0;
        }
        Optional<String> cutOff = sameDay && fold(note).contains("15 gio") ? Optional.of("15:00") : Optional.empty();
        String fee = text(p, at, "fee", 4000, false);
        String online = text(p, at, "onlineLevel", 100, false);
        ignored(p, at, "source");
        ignored(p, at, "notes");
        JsonNode verified = p.get("nameVerified");
        if (verified != null && !verified.isNull() && !verified.isBoolean()) {
            throw file.refuse(at + "/nameVerified", "boolean", "nameVerified");
        }
        return new ProcedureData(code, name, processingDays, documents(p, at), fees(p, at), validFrom, false, field,
                Optional.of(fee).filter(s -> !s.isEmpty()), Optional.of(online).filter(s -> !s.isEmpty()), cutOff);
    }

    private List<ProcedureData.Document> documents(JsonNode p, String at) throws FileRefused {
        JsonNode docs = p.get("documents");
        if (docs == null || !docs.isArray()) {
            throw file.refuse(docs == null ? at : at + "/documents", "documents");
        }
        List<ProcedureData.Document> out = new ArrayList<>();
        for (int i = 0; i < docs.size(); i++) {
            String dat = at + "/documents/" + i;
            JsonNode d = docs.get(i);
            requireObject(d, dat, "document", DOCUMENT_MEMBERS);
            String name = text(d, dat, "name", 1000, true);
            String form = text(d, dat, "form", 200, false);
            int count = 1;
            JsonNode c = d.get("count");
            if (c != null && !c.isNull()) {
                if (!c.isIntegralNumber() || c.longValue() < 1 || c.longValue() > 1000) {
                    throw file.refuse(dat + "/count", "count");
                }
                count = c.intValue();
            }
            boolean required = true;
            JsonNode r = d.get("required");
            if (r != null && !r.isNull()) {
                if (!r.isBoolean()) {
                    throw file.refuse(dat + "/required", "boolean", "required");
                }
                required = r.booleanValue();
            }
            String note = text(d, dat, "note", 2000, false);
            out.add(new ProcedureData.Document(name, form, count, required, Optional.of(note).filter(s -> !s.isEmpty())));
        }
        return out;
    }

    private List<ProcedureData.Fee> fees(JsonNode p, String at) throws FileRefused {
        JsonNode fees = p.get("fees");
        if (fees == null || fees.isNull()) {
            return List.of();
        }
        if (!fees.isArray()) {
            throw file.refuse(at + "/fees", "fees");
        }
        List<ProcedureData.Fee> out = new ArrayList<>();
        for (int i = 0; i < fees.size(); i++) {
            String fat = at + "/fees/" + i;
            JsonNode f = fees.get(i);
            requireObject(f, fat, "fee", FEE_MEMBERS);
            String name = text(f, fat, "name", 1000, true);
            JsonNode amount = f.get("amountVnd");
            if (amount == null || !amount.isTextual() || !ProcedureData.AMOUNT_VND.matcher(amount.textValue()).matches()) {
                throw file.refuse(amount == null ? fat : fat + "/amountVnd",
                        "amount");
            }
            out.add(new ProcedureData.Fee(name, amount.textValue()));
        }
        return out;
    }

    private void requireObject(JsonNode node, String at, String what, Set<String> members) throws FileRefused {
        if (!node.isObject()) {
            throw file.refuse(at, "not-object", new FileRefused.Word("publication.what." + what));
        }
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!members.contains(name)) {
                throw file.refuse(at + "/" + name, "unknown-member", name, new FileRefused.Word("publication.what." + what));
            }
        }
    }

    /** A text member, stripped; "" when absent or null unless {@code required}. */
    private String text(JsonNode node, String at, String name, int max, boolean required) throws FileRefused {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            if (required) {
                throw file.refuse(at, "missing", name);
            }
            return "";
        }
        if (!v.isTextual()) {
            throw file.refuse(at + "/" + name, "not-text", name);
        }
        String s = v.textValue().strip();
        if (required && s.isEmpty()) {
            throw file.refuse(at + "/" + name, "blank", name);
        }
        if (s.length() > max) {
            throw file.refuse(at + "/" + name, "too-long", name, String.valueOf(max));
        }
        return s;
    }

    /** Sources and notes are for the people who keep the file; they must still be text (or a list of texts). */
    private void ignored(JsonNode node, String at, String name) throws FileRefused {
        JsonNode v = node.get(name);
        if (v == null || v.isNull() || v.isTextual()) {
            return;
        }
        if (v.isArray()) {
            for (JsonNode item : v) {
                if (!item.isTextual()) {
                    throw file.refuse(at + "/" + name, "text-or-list", name);
                }
            }
            return;
        }
        throw file.refuse(at + "/" + name, "text-or-list", name);
    }

    /** Lower case without diacritics, "đ" as "d": how the same-day wording is recognised. */
    static String fold(String s) {
        String d = Normalizer.normalize(s.replace('đ', 'd').replace('Đ', 'D'), Normalizer.Form.NFD);
        return d.replaceAll("\\p{M}+", "").toLowerCase(Locale.ROOT).strip();
    }
}
