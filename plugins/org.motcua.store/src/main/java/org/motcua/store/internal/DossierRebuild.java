package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.AuthorisedPerson;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.core.numbering.DossierCode;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/**
 * Rebuilds a dossier's rows (dossier, documents, handover log, result return, scans) from the events the province
 * stored for it, the inverse of {@link EventPayloads}, in the caller's transaction. The rows come out as the desk that
 * wrote the events had them, except the lookup token (only its hash ever travelled) and decisions taken upstream (they
 * come with the feed). Steps already present are skipped, so applying the same events twice changes nothing.
 */
public final class DossierRebuild {

    /** The dossier's scans' bytes by SHA-256, downloaded before the transaction. */
    public interface Scans {
        Optional<byte[]> bytes(String sha256);
    }

    private DossierRebuild() {
    }

    /** @return false when the desk does not hold the procedure version the dossier was received under */
    public static boolean reception(Connection c, DossierReceived r, Scans scans, String mediaTypeFallback) throws SQLException {
        if (!procedureKnown(c, r.procedure().code(), r.procedure().version())) {
            return false;
        }
        DossierReceived.Applicant a = r.applicant();
        Optional<AuthorisedPerson> authorised = a.authorised().map(p -> new AuthorisedPerson(p.fullName(),
                p.citizenId().map(DossierRebuild::citizenId), p.phone()));
        Applicant applicant = new Applicant(ApplicantKind.valueOf(a.kind()), a.fullName(), a.citizenId().map(DossierRebuild::citizenId),
                a.birthDate().map(LocalDate::parse), a.phone(), a.email(),
                new Address(a.address().province(), a.address().commune(), a.address().detail()), authorised);
        List<ReceivedDocument> documents = r.documents().stream()
                .map(d -> new ReceivedDocument(d.name(), DocumentForm.valueOf(d.form()), d.count())).toList();
        DossierStatus status = DossierStatus.fromCode(r.status());
        LocalDateTime receivedAt = deskTime(r.receivedAt());
        Dossier d = new Dossier(UUID.fromString(r.dossierId()), DossierCode.parse(r.dossierCode()), r.procedure().code(),
                r.procedure().version(), r.procedure().field(), applicant, documents, r.sets(), Channel.fromCode(r.channel()),
                ResultDelivery.valueOf(r.delivery()), receivedAt, deskTime(r.dueAt()), Optional.empty(), r.register().book(),
                r.register().entry(), status, r.receivedBy(),
                r.assistance().map(s -> new FieldAssistance(s.assistant(), s.place())), r.note());
        DossierTable.insert(c, d, null);
        DossierAction opening = d.assistance().isPresent() ? DossierAction.COLLECT_IN_FIELD : DossierAction.RECEIVE;
        HandoverTable.append(c, new HandoverRecord(d.id(), 1, opening, status, "", r.receivedBy(), receivedAt,
                Optional.empty(), Optional.empty(), Optional.empty(), r.note()));
        int position = 0;
        for (String sha : r.attachments()) {
            linkScan(c, d.id(), sha, scans, mediaTypeFallback, ++position, "", sha.substring(0, 12), receivedAt,
                    r.receivedBy(), true);
        }
        return true;
    }

    /** One handover step after the reception: the log, and the dossier's status, due date and end as the desk moved them. */
    public static void action(Connection c, DossierActionTaken a) throws SQLException {
        UUID id = UUID.fromString(a.dossierId());
        if (count(c, "SELECT COUNT(*) FROM handover WHERE dossier_id = ? AND step = ?", id, a.step()) > 0) {
            return;
        }
        DossierAction action = DossierAction.valueOf(a.action());
        LocalDateTime at = deskTime(a.at());
        Optional<LocalDateTime> newDue = a.newDueAt().map(DossierRebuild::deskTime);
        HandoverTable.append(c, new HandoverRecord(id, a.step(), action, DossierStatus.fromCode(a.status()), a.from(), a.to(), at,
                a.stepDeadline().map(DossierRebuild::deskTime), a.timeliness().map(Timeliness::valueOf), newDue, a.note()));
        if (action == DossierAction.EXTEND_DEADLINE) {   // the receipt's date is kept for the index, as DossierWorkflow does
            Sql.update(c, "UPDATE dossier SET original_due_at = COALESCE(original_due_at, due_at) WHERE id = ?", id);
        }
        boolean receptionAtCentre = action == DossierAction.RECEIVE;
        Sql.update(c, "UPDATE dossier SET status = ?, due_at = COALESCE(?, due_at)"
                + (receptionAtCentre ? ", received_at = ?" : ", received_at = received_at")
                + (finishing(action) ? ", finished_at = ?" : ", finished_at = finished_at")
                + ", row_version = row_version + 1 WHERE id = ?",
                rest(a.status(), newDue.orElse(null), receptionAtCentre ? at : null, finishing(action) ? at : null, id));
        if (a.resultReturned().isPresent()) {
            DossierActionTaken.ResultReturned r = a.resultReturned().get();
            ResultReturnTable.insert(c, id, new ResultReturn(CollectedBy.valueOf(r.collectedBy()), r.collectorName().orElse(""),
                    r.collectorCitizenId().map(DossierRebuild::citizenId), r.trackingNumber().orElse(""),
                    r.rating().map(Satisfaction::valueOf), r.comment()), at, a.from());
        }
    }

    /** Scans attached after the reception. */
    public static void attachments(Connection c, AttachmentsAdded a, Scans scans) throws SQLException {
        UUID id = UUID.fromString(a.dossierId());
        int position = count(c, "SELECT COALESCE(MAX(position), 0) FROM dossier_scan WHERE dossier_id = ?", id);
        for (AttachmentsAdded.Attachment s : a.attachments()) {
            linkScan(c, id, s.sha256(), scans, s.mediaType(), ++position, s.document(), s.fileName(), deskTime(a.at()), a.by(), false);
        }
    }

    private static void linkScan(Connection c, UUID dossier, String sha, Scans scans, String mediaType, int position,
            String document, String fileName, LocalDateTime at, String by, boolean atReception) throws SQLException {
        if (count(c, "SELECT COUNT(*) FROM dossier_scan WHERE dossier_id = ? AND sha256 = ?", dossier, sha) > 0) {
            return;
        }
        if (count(c, "SELECT COUNT(*) FROM scan_blob WHERE sha256 = ?", sha) == 0) {
            Optional<byte[]> bytes = scans.bytes(sha);
            if (bytes.isEmpty()) {
                return;   // the province did not hold it; the dossier is kept without that scan
            }
            String type = org.motcua.store.ScanKind.of(bytes.get()).map(org.motcua.store.ScanKind::mediaType).orElse(mediaType);
            Sql.update(c, "INSERT INTO scan_blob (sha256, media_type, size_bytes, data, stored_at) VALUES (?, ?, ?, ?, ?)", sha,
                    type, (long) bytes.get().length, bytes.get(), at);
        }
        Sql.update(c, "INSERT INTO dossier_scan (dossier_id, sha256, position, document, file_name, attached_at, attached_by, "
                + "at_reception) VALUES (?, ?, ?, ?, ?, ?, ?, ?)", dossier, sha, position, document, fileName, at, by, atReception);
    }

    private static boolean finishing(DossierAction a) {
        return a == DossierAction.MARK_DONE || a == DossierAction.REFUSE || a == DossierAction.STOP || a == DossierAction.WITHDRAW;
    }

    private static Object[] rest(int status, LocalDateTime due, LocalDateTime receivedAt, LocalDateTime finishedAt, UUID id) {
        java.util.List<Object> args = new java.util.ArrayList<>();
        args.add(status);
        args.add(due);
        if (receivedAt != null) {
            args.add(receivedAt);
        }
        if (finishedAt != null) {
            args.add(finishedAt);
        }
        args.add(id);
        return args.toArray();
    }

    private static boolean procedureKnown(Connection c, String code, int version) throws SQLException {
        return count(c, "SELECT COUNT(*) FROM procedure_version WHERE code = ? AND version = ?", code, version) > 0;
    }

    /** Stored IDs were validated by the desk that sent them and by the province; only the shape is checked again. */
    private static CitizenId citizenId(String digits) {
        return CitizenId.parse(digits, null);
    }

    /** A payload time (desk offset) as the desk's wall-clock time. */
    static LocalDateTime deskTime(String wire) {
        return OffsetDateTime.parse(wire).atZoneSameInstant(DeskTime.ZONE).toLocalDateTime();
    }

    private static int count(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, args);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }
}
