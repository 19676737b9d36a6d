package org.motcua.store.internal;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.identity.CitizenId;

/**
 * JSON payloads of outbox events. Keys are sorted and dates are ISO text, so the same change always
 * gives the same bytes and the same hash on the client and on the server.
 */
public final class EventPayloads {

    public static final String DOSSIER_RECEIVED = "DossierReceived";
    public static final String DOSSIER_ACTION = "DossierActionTaken";

    private static final ObjectMapper JSON = new ObjectMapper().configure(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS, true);

    private EventPayloads() {
    }

    public static byte[] dossierReceived(Dossier d, HandoverRecord first) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", 1);
        m.put("dossierId", d.id().toString());
        m.put("code", d.code().format());
        m.put("procedure", Map.of("code", d.procedureCode(), "version", d.procedureVersion(), "field", d.fieldCode()));
        m.put("applicant", applicant(d.applicant()));
        m.put("documents", d.documents().stream()
                .map(doc -> Map.of("name", doc.name(), "form", doc.form().name(), "count", doc.count())).toList());
        m.put("sets", d.sets());
        m.put("channel", d.channel().code());
        m.put("delivery", d.delivery().name());
        m.put("receivedAt", d.receivedAt().toString());
        m.put("dueAt", d.dueAt().toString());
        m.put("register", Map.of("book", d.registerBook(), "entry", d.registerEntry()));
        m.put("status", d.status().code());
        m.put("receivedBy", d.receivedBy());
        d.assistance().ifPresent(a -> m.put("assistance", Map.of("assistant", a.assistant(), "place", a.place())));
        m.put("note", d.note());
        m.put("handover", List.of(Map.of("step", first.step(), "action", first.action().name(), "at", first.at().toString(),
                "to", first.toOfficer())));
        return write(m);
    }

    public static byte[] actionTaken(String code, HandoverRecord r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("schema", 1);
        m.put("dossierId", r.dossierId().toString());
        m.put("code", code);
        m.put("step", r.step());
        m.put("action", r.action().name());
        m.put("status", r.status().code());
        m.put("from", r.fromOfficer());
        m.put("to", r.toOfficer());
        m.put("at", r.at().toString());
        r.stepDeadline().ifPresent(d -> m.put("stepDeadline", d.toString()));
        r.timeliness().ifPresent(t -> m.put("timeliness", t.name()));
        r.newDueAt().ifPresent(d -> m.put("newDueAt", d.toString()));
        m.put("note", r.note());
        return write(m);
    }

    private static byte[] write(Map<String, Object> m) {
        try {
            return JSON.writeValueAsBytes(m);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("an event always serializes", e);
        }
    }

    private static Map<String, Object> applicant(Applicant a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("kind", a.kind().name());
        m.put("fullName", a.fullName());
        m.put("citizenId", a.citizenId().map(CitizenId::digits).orElse(""));
        m.put("birthDate", a.birthDate().map(Object::toString).orElse(""));
        m.put("phone", a.phone());
        m.put("email", a.email());
        m.put("address", Map.of("province", a.address().province(), "commune", a.address().commune(),
                "detail", a.address().detail()));
        a.authorised().ifPresent(p -> m.put("authorised", Map.of("fullName", p.fullName(),
                "citizenId", p.citizenId().map(CitizenId::digits).orElse(""), "phone", p.phone())));
        return m;
    }
}
