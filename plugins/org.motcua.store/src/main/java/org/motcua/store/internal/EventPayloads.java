package org.motcua.store.internal;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.AuthorisedPerson;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.events.EventTypes;

/**
 * Maps the desk's stored records to the event payloads of the wire contract ({@code org.motcua.protocol.events},
 * schema 1). Built from what was stored (text was NFC-normalised at input by core), times with the desk's offset;
 * the caller writes the canonical bytes.
 */
public final class EventPayloads {

    public static final String DOSSIER_RECEIVED = EventTypes.DOSSIER_RECEIVED;
    public static final String DOSSIER_ACTION = EventTypes.DOSSIER_ACTION_TAKEN;

    private EventPayloads() {
    }

    /** The reception of {@code d}; {@code lookupToken} is the token printed on its receipt (only its hash travels). */
    public static DossierReceived dossierReceived(Dossier d, String lookupToken) {
        return dossierReceived(d, lookupToken, List.of());
    }

    /** The reception of {@code d} with the hashes of the scans attached at the counter (sorted). */
    public static DossierReceived dossierReceived(Dossier d, String lookupToken, List<String> attachments) {
        Applicant a = d.applicant();
        DossierReceived.Applicant applicant = new DossierReceived.Applicant(a.kind().name(), a.fullName(),
                a.citizenId().map(CitizenId::digits), a.birthDate().map(LocalDate::toString), a.phone(), a.email(),
                new DossierReceived.Address(a.address().province(), a.address().commune(), a.address().detail()),
                a.authorised().map(EventPayloads::authorised));
        List<DossierReceived.Document> documents = d.documents().stream()
                .map(doc -> new DossierReceived.Document(doc.name(), doc.form().name(), doc.count())).toList();
        Optional<DossierReceived.Assistance> assistance = d.assistance()
                .map((FieldAssistance f) -> new DossierReceived.Assistance(f.assistant(), f.place()));
        return new DossierReceived(d.id().toString(), d.code().format(),
                new DossierReceived.Procedure(d.procedureCode(), d.procedureVersion(), d.fieldCode()), applicant, documents,
                d.sets(), d.channel().code(), d.delivery().name(), DeskTime.wire(d.receivedAt()), DeskTime.wire(d.dueAt()),
                new DossierReceived.Register(d.registerBook(), d.registerEntry()), d.status().code(), d.receivedBy(),
                assistance, d.note(), LookupTokens.sha256(lookupToken), attachments);
    }

    private static DossierReceived.Authorised authorised(AuthorisedPerson p) {
        return new DossierReceived.Authorised(p.fullName(), p.citizenId().map(CitizenId::digits), p.phone());
    }

    /** One handover record after the reception, of the dossier whose code is {@code code}. */
    public static DossierActionTaken actionTaken(String code, HandoverRecord r) {
        return actionTaken(code, r, Optional.empty());
    }

    /** A handover step; a return carries how the result was returned and the citizen's rating. */
    public static DossierActionTaken actionTaken(String code, HandoverRecord r, Optional<ResultReturn> returned) {
        return actionTaken(code, r, returned, Optional.empty());
    }

    /** As above, with the digitised result a dossier was done with. */
    public static DossierActionTaken actionTaken(String code, HandoverRecord r, Optional<ResultReturn> returned,
            Optional<DossierActionTaken.DigitisedResult> result) {
        return new DossierActionTaken(r.dossierId().toString(), code, r.step(), r.action().name(), r.status().code(),
                r.fromOfficer(), r.toOfficer(), DeskTime.wire(r.at()), r.stepDeadline().map(DeskTime::wire),
                r.timeliness().map(Timeliness::name), r.newDueAt().map(DeskTime::wire), r.note(),
                returned.map(EventPayloads::returned), result);
    }

    private static DossierActionTaken.ResultReturned returned(ResultReturn r) {
        return new DossierActionTaken.ResultReturned(r.collectedBy().name(), nonEmpty(r.collectorName()),
                r.collectorId().map(CitizenId::digits), nonEmpty(r.trackingNumber()), r.rating().map(Satisfaction::name),
                r.comment());
    }

    private static Optional<String> nonEmpty(String s) {
        return s.isEmpty() ? Optional.empty() : Optional.of(s);
    }
}
