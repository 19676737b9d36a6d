package org.motcua.protocol.feed;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * The {@code data} of a {@code procedure} feed item (§5.6): one procedure of the province's catalogue as the desk
 * needs it to receive a dossier. The members of §5.6 are always present; {@code fieldName}, {@code feeText},
 * {@code onlineLevel} and {@code afternoonCutOff} are optional members this project adds (§13 lets a server add
 * optional members; a desk that does not know them ignores them).
 *
 * @param processingDays  working days; 0 is a same-day procedure
 * @param afternoonCutOff {@code HH:mm}: a dossier received after it counts from the next working day
 */
public record ProcedureData(String procedureCode, String name, int processingDays, List<Document> requiredDocuments,
        List<Fee> fees, String validFrom, boolean withdrawn, String fieldName, Optional<String> feeText,
        Optional<String> onlineLevel, Optional<String> afternoonCutOff) {

    public static final String ITEM_TYPE = "procedure";
    public static final Pattern AMOUNT_VND = Pattern.compile("0|[1-9][0-9]{0,14}");
    public static final Pattern TIME_OF_DAY = Pattern.compile("([01][0-9]|2[0-3]):[0-5][0-9]");

    public ProcedureData {
        requiredDocuments = List.copyOf(requiredDocuments);
        fees = List.copyOf(fees);
    }

    /** One line of the document list, {@code form} in the catalogue's wording ("bản chính", "bản sao"…). */
    public record Document(String name, String form, int count, boolean required, Optional<String> note) {
    }

    /** A fee or charge; the amount in đồng as a decimal string (§3.1: money is never a JSON number). */
    public record Fee(String name, String amountVnd) {
    }

    /** The same procedure, withdrawn from the catalogue (its rules stay for dossiers received under it). */
    public ProcedureData asWithdrawn(String from) {
        return new ProcedureData(procedureCode, name, processingDays, requiredDocuments, fees, from, true, fieldName,
                feeText, onlineLevel, afternoonCutOff);
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("procedureCode", procedureCode);
        o.put("name", name);
        o.put("processingDays", processingDays);
        ArrayNode docs = o.putArray("requiredDocuments");
        for (Document d : requiredDocuments) {
            ObjectNode n = docs.addObject().put("name", d.name()).put("form", d.form()).put("count", d.count())
                    .put("required", d.required());
            d.note().ifPresent(v -> n.put("note", v));
        }
        ArrayNode fs = o.putArray("fees");
        fees.forEach(fee -> fs.addObject().put("name", fee.name()).put("amountVnd", fee.amountVnd()));
        o.put("validFrom", validFrom);
        o.put("withdrawn", withdrawn);
        o.put("fieldName", fieldName);
        feeText.ifPresent(v -> o.put("feeText", v));
        onlineLevel.ifPresent(v -> o.put("onlineLevel", v));
        afternoonCutOff.ifPresent(v -> o.put("afternoonCutOff", v));
        return o;
    }

    /** Reads item data; unknown members are ignored (§13). */
    public static ProcedureData read(JsonNode data) throws SchemaInvalid {
        DocReader r = DocReader.lenient(data);
        String code = r.string("procedureCode", 40);
        String name = r.string("name", 1000);
        int days = (int) r.integer("processingDays", 0, 3650);
        List<Document> documents = new ArrayList<>();
        for (DocReader d : r.objects("requiredDocuments", 500)) {
            documents.add(new Document(d.string("name", 1000), d.string("form", 200), (int) d.integer("count", 1, 1000),
                    d.bool("required"), d.optString("note", 2000)));
        }
        List<Fee> fees = new ArrayList<>();
        for (DocReader d : r.objects("fees", 100)) {
            String amount = d.string("amountVnd", 15);
            if (amount != null && !AMOUNT_VND.matcher(amount).matches()) {
                d.fault("amountVnd", "must be a whole number of đồng");
            }
            fees.add(new Fee(d.string("name", 1000), amount));
        }
        String validFrom = r.date("validFrom");
        boolean withdrawn = r.bool("withdrawn");
        String fieldName = r.optString("fieldName", 300).orElse("");
        Optional<String> feeText = r.optString("feeText", 4000);
        Optional<String> onlineLevel = r.optString("onlineLevel", 100);
        Optional<String> cutOff = r.optString("afternoonCutOff", 5);
        if (cutOff.isPresent() && !TIME_OF_DAY.matcher(cutOff.get()).matches()) {
            r.fault("afternoonCutOff", "must be HH:mm");
        }
        r.end();
        return new ProcedureData(code, name, days, documents, fees, validFrom, withdrawn, fieldName, feeText, onlineLevel,
                cutOff);
    }
}
