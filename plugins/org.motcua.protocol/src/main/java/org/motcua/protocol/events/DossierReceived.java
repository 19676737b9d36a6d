package org.motcua.protocol.events;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.DocReader;
import org.motcua.protocol.json.SchemaInvalid;

/**
 * Payload of a {@code DossierReceived} event (schema 1): a dossier opened at the desk (status 2, received) or in the
 * field (status 1, new), with what the national portal's dossier record needs. Times carry the desk's offset
 * ({@code +07:00}). The citizen's lookup token itself never leaves the desk: only its SHA-256 travels (§4.1).
 * Readers ignore members they do not know, so a newer desk may add optional ones.
 */
public record DossierReceived(String dossierId, String dossierCode, Procedure procedure, Applicant applicant,
        List<Document> documents, int sets, int channel, String delivery, String receivedAt, String dueAt,
        Register register, int status, String receivedBy, Optional<Assistance> assistance, String note,
        String lookupTokenSha256, List<String> attachments) {

    public static final int SCHEMA = 1;
    public static final Set<String> DELIVERIES = Set.of("COUNTER", "POST");
    public static final Set<String> APPLICANT_KINDS = Set.of("CITIZEN", "ORGANISATION");

    public DossierReceived {
        documents = List.copyOf(documents);
        attachments = List.copyOf(attachments);
    }

    /** The procedure and the catalogue version the dossier was received under. */
    public record Procedure(String code, int version, String field) {
    }

    public record Address(String province, String commune, String detail) {
    }

    /** Someone filing on the applicant's behalf. */
    public record Authorised(String fullName, Optional<String> citizenId, String phone) {
    }

    public record Applicant(String kind, String fullName, Optional<String> citizenId, Optional<String> birthDate,
            String phone, String email, Address address, Optional<Authorised> authorised) {
    }

    /** A document received, with its form ({@code ORIGINAL}, {@code CERTIFIED_COPY}, …) and count. */
    public record Document(String name, String form, int count) {
    }

    public record Register(String book, int entry) {
    }

    /** A dossier collected in a village by a community digital team member. */
    public record Assistance(String assistant, String place) {
    }

    /** The unit code of the receiving unit, the first part of the dossier code. */
    public String unitCode() {
        return PayloadSchema.unitOf(dossierCode);
    }

    public ObjectNode toJson() {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode o = f.objectNode();
        o.put("schema", SCHEMA);
        o.put("dossierId", dossierId);
        o.put("dossierCode", dossierCode);
        o.putObject("procedure").put("code", procedure.code()).put("version", procedure.version())
                .put("field", procedure.field());
        ObjectNode a = o.putObject("applicant");
        a.put("kind", applicant.kind());
        a.put("fullName", applicant.fullName());
        applicant.citizenId().ifPresent(v -> a.put("citizenId", v));
        applicant.birthDate().ifPresent(v -> a.put("birthDate", v));
        a.put("phone", applicant.phone());
        a.put("email", applicant.email());
        a.putObject("address").put("province", applicant.address().province()).put("commune", applicant.address().commune())
                .put("detail", applicant.address().detail());
        applicant.authorised().ifPresent(p -> {
            ObjectNode ap = a.putObject("authorised").put("fullName", p.fullName()).put("phone", p.phone());
            p.citizenId().ifPresent(v -> ap.put("citizenId", v));
        });
        ArrayNode docs = o.putArray("documents");
        documents.forEach(d -> docs.addObject().put("name", d.name()).put("form", d.form()).put("count", d.count()));
        o.put("sets", sets);
        o.put("channel", channel);
        o.put("delivery", delivery);
        o.put("receivedAt", receivedAt);
        o.put("dueAt", dueAt);
        o.putObject("register").put("book", register.book()).put("entry", register.entry());
        o.put("status", status);
        o.put("receivedBy", receivedBy);
        assistance.ifPresent(s -> o.putObject("assistance").put("assistant", s.assistant()).put("place", s.place()));
        o.put("note", note);
        o.put("lookupTokenSha256", lookupTokenSha256);
        ArrayNode att = o.putArray("attachments");
        attachments.forEach(att::add);
        return o;
    }

    /** Reads and checks a payload; {@link SchemaInvalid} is the server's per-event {@code schema-invalid}. */
    public static DossierReceived read(JsonNode payload) throws SchemaInvalid {
        DocReader r = DocReader.lenient(payload);
        r.integer("schema", SCHEMA, SCHEMA);
        DocReader p = r.object("procedure");
        Procedure procedure = new Procedure(p.string("code", 40), (int) p.integer("version", 0, Integer.MAX_VALUE),
                p.string("field", 100));
        DocReader a = r.object("applicant");
        DocReader addr = a.object("address");
        Address address = new Address(addr.string("province", 100), addr.string("commune", 100), addr.string("detail", 300));
        Optional<Authorised> authorised = a.optObject("authorised").map(ap -> new Authorised(ap.string("fullName", PayloadSchema.NAME),
                PayloadSchema.optCitizenId(ap, "citizenId"), ap.string("phone", 20)));
        Optional<String> birthDate = a.optString("birthDate", 10);
        birthDate.filter(d -> !org.motcua.protocol.codec.WireFormats.isDate(d)).ifPresent(d -> a.fault("birthDate", "must be a date"));
        Applicant applicant = new Applicant(a.oneOf("kind", APPLICANT_KINDS), a.string("fullName", PayloadSchema.NAME),
                PayloadSchema.optCitizenId(a, "citizenId"), birthDate, a.string("phone", 20), a.string("email", 254),
                address, authorised);
        List<Document> documents = new ArrayList<>();
        for (DocReader d : r.objects("documents", 200)) {
            documents.add(new Document(d.string("name", 1000), d.string("form", 40), (int) d.integer("count", 0, 1000)));
        }
        DocReader reg = r.object("register");
        Register register = new Register(reg.string("book", 20), (int) reg.integer("entry", 1, Integer.MAX_VALUE));
        Optional<Assistance> assistance = r.optObject("assistance")
                .map(s -> new Assistance(s.string("assistant", 64), s.string("place", 100)));
        String lookup = r.string("lookupTokenSha256", 64);
        if (lookup != null && !Sha256.isHash(lookup)) {
            r.fault("lookupTokenSha256", "must be 64 lowercase hex characters");
        }
        DossierReceived d = new DossierReceived(r.uuid("dossierId"), PayloadSchema.dossierCode(r, "dossierCode"), procedure,
                applicant, documents, (int) r.integer("sets", 1, 100), (int) r.integer("channel", 1, 3),
                r.oneOf("delivery", DELIVERIES), r.time("receivedAt"), r.time("dueAt"), register,
                (int) r.integer("status", 1, 2), r.string("receivedBy", 64), assistance, r.string("note", PayloadSchema.TEXT),
                lookup, r.strings("attachments", 1000, Sha256::isHash, "64 lowercase hex characters"));
        r.end();
        return d;
    }
}
