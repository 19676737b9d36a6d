package org.motcua.store.internal.migration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.events.EventTypes;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.internal.DeskTime;
import org.motcua.store.internal.LookupTokens;

/**
 * Reads the outbox payloads written before the wire contract (Jackson maps with sorted keys; local times as
 * {@code LocalDateTime.toString()}; absent citizen IDs and birth dates as empty strings; the dossier code as
 * {@code code}) and rewrites them as the contract's schema-1 records, with the desk's offset on every time. Used only
 * by {@link V7__Rechain_outbox}.
 */
final class OldPayloads {

    ObjectNode convert(String type, byte[] oldPayload) throws Exception {
        JsonNode p = StrictJson.parse(oldPayload);
        return switch (type) {
            case EventTypes.DOSSIER_RECEIVED -> received(p).toJson();
            case EventTypes.DOSSIER_ACTION_TAKEN -> action(p).toJson();
            default -> throw new IllegalStateException("unknown event type in the outbox: " + type);
        };
    }

    private static DossierReceived received(JsonNode p) {
        JsonNode a = p.path("applicant");
        JsonNode addr = a.path("address");
        Optional<DossierReceived.Authorised> authorised = a.has("authorised")
                ? Optional.of(new DossierReceived.Authorised(a.path("authorised").path("fullName").asText(),
                        nonEmpty(a.path("authorised").path("citizenId").asText()), a.path("authorised").path("phone").asText()))
                : Optional.empty();
        DossierReceived.Applicant applicant = new DossierReceived.Applicant(a.path("kind").asText(),
                a.path("fullName").asText(), nonEmpty(a.path("citizenId").asText()), nonEmpty(a.path("birthDate").asText()),
                a.path("phone").asText(), a.path("email").asText(), new DossierReceived.Address(addr.path("province").asText(),
                        addr.path("commune").asText(), addr.path("detail").asText()), authorised);
        List<DossierReceived.Document> documents = new ArrayList<>();
        for (JsonNode d : p.path("documents")) {
            documents.add(new DossierReceived.Document(d.path("name").asText(), d.path("form").asText(), d.path("count").asInt()));
        }
        Optional<DossierReceived.Assistance> assistance = p.has("assistance")
                ? Optional.of(new DossierReceived.Assistance(p.path("assistance").path("assistant").asText(),
                        p.path("assistance").path("place").asText()))
                : Optional.empty();
        JsonNode proc = p.path("procedure");
        UUID dossierId = UUID.fromString(p.path("dossierId").asText());
        return new DossierReceived(dossierId.toString(), p.path("code").asText(),
                new DossierReceived.Procedure(proc.path("code").asText(), proc.path("version").asInt(), proc.path("field").asText()),
                applicant, documents, p.path("sets").asInt(), p.path("channel").asInt(), p.path("delivery").asText(),
                time(p.path("receivedAt").asText()), time(p.path("dueAt").asText()),
                new DossierReceived.Register(p.path("register").path("book").asText(), p.path("register").path("entry").asInt()),
                p.path("status").asInt(), p.path("receivedBy").asText(), assistance, p.path("note").asText(),
                LookupTokens.sha256(LookupTokens.derivedFromId(dossierId)), List.of());
    }

    private static DossierActionTaken action(JsonNode p) {
        return new DossierActionTaken(p.path("dossierId").asText(), p.path("code").asText(), p.path("step").asInt(),
                p.path("action").asText(), p.path("status").asInt(), p.path("from").asText(), p.path("to").asText(),
                time(p.path("at").asText()), optTime(p, "stepDeadline"), nonEmpty(p.path("timeliness").asText()),
                optTime(p, "newDueAt"), p.path("note").asText());
    }

    private static String time(String localDateTime) {
        return DeskTime.wire(LocalDateTime.parse(localDateTime));
    }

    private static Optional<String> optTime(JsonNode p, String name) {
        return p.has(name) ? Optional.of(time(p.path(name).asText())) : Optional.empty();
    }

    private static Optional<String> nonEmpty(String s) {
        return s == null || s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
