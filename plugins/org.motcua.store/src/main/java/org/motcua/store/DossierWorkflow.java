package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Time;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.temporal.ChronoUnit;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.IndexTimeliness;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.internal.EventPayloads;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.ResultReturnTable;
import org.motcua.store.internal.Sql;

/**
 * Takes an action on a received dossier (hand over, request a supplement, refuse, stop, mark done, return
 * the result, ...): checks the role and the current status against the lifecycle, then records the new
 * status, the handover record, an outbox event and an audit entry in one durable transaction. Receiving a
 * dossier collected in the field (NEW) restarts its clock: received_at and due_at run from that reception.
 */
public final class DossierWorkflow {

    /** Actions whose handover note is the reason the citizen is given: it may not be empty. */
    static final Set<DossierAction> NEED_REASON = EnumSet.of(DossierAction.REFUSE, DossierAction.REQUEST_SUPPLEMENT,
            DossierAction.STOP, DossierAction.WITHDRAW, DossierAction.EXTEND_DEADLINE);

    /** Actions that finish processing: the result's timeliness is judged against the due date. */
    /** The actions that end a dossier (and are judged early, on time or late by the index's rule). */
    private static final Set<DossierAction> FINISHING = IndexTimeliness.ENDING;

    private final Store store;
    private final DeadlineCalculator deadlines;
    private final DossierLifecycle lifecycle = DossierLifecycle.standard();

    public DossierWorkflow(Store store, DeadlineCalculator deadlines) {
        this.store = store;
        this.deadlines = deadlines;
    }

    /** The due date printed on the receipt: the apology (form 04) shows it beside the new one. */
    public LocalDateTime receiptDue(UUID dossierId) {
        return store.read(c -> current(c, dossierId).receiptDue());
    }

    /**
     * Extends the deadline by {@code extra} working time with a reason (the apology letter, form 04). The
     * new due date is counted from the current one, so it is never earlier.
     */
    public HandoverRecord extend(UUID dossierId, ProcessingTime extra, Role role, String by, String reason,
            LocalDateTime now) {
        if (extra.workingTime().isZero()) {
            throw new ValidationException(Violation.of("extra", "action.extension.empty"));
        }
        return record(dossierId, DossierAction.EXTEND_DEADLINE, role, by, by, reason, now, extra, null, null);
    }

    /**
     * @param by   the officer taking the action, in role {@code role}
     * @param to   who receives the dossier next (another officer, or the citizen's name on return)
     * @param note the reason or remark; required for refusal, supplement request, stop and withdrawal
     * @return the handover record written
     */
    public HandoverRecord take(UUID dossierId, DossierAction action, Role role, String by, String to, String note,
            LocalDateTime now) {
        if (action == DossierAction.EXTEND_DEADLINE) {
            throw new IllegalArgumentException("an extension needs its length: use extend()");
        }
        if (action == DossierAction.RETURN_RESULT) {
            throw new ValidationException(Violation.of("action", "return.useReturnDialog"));
        }
        return record(dossierId, action, role, by, to, note, now, null, null, null);
    }

    /**
     * Marks the dossier done (status 9) with its digitised result: the scans of the decision or certificate it ended
     * with, and that document's number. The scans are kept like the dossier's others and go upstream with the action's
     * own event; the province counts a dossier done with one as digitised (the service-quality index gives 22 of its
     * 100 points to digitisation). Without scans and number this is {@link #take} with {@code MARK_DONE}; one without
     * the other is refused.
     */
    public HandoverRecord markDone(UUID dossierId, Role role, String by, String to, String note, LocalDateTime now,
            String resultNumber, List<ScanFile> resultScans) {
        String number = resultNumber == null ? "" : resultNumber.strip();
        if (resultScans.isEmpty() && number.isEmpty()) {
            return take(dossierId, DossierAction.MARK_DONE, role, by, to, note, now);
        }
        if (number.isEmpty()) {
            throw new ValidationException(Violation.of("resultNumber", "action.result.numberRequired"));
        }
        if (number.length() > MAX_RESULT_NUMBER) {
            throw new ValidationException(Violation.of("resultNumber", "action.result.numberTooLong", MAX_RESULT_NUMBER));
        }
        if (resultScans.isEmpty()) {
            throw new ValidationException(Violation.of("resultFiles", "action.result.fileRequired", number));
        }
        return record(dossierId, DossierAction.MARK_DONE, role, by, to, note, now, null, null,
                new DigitisedScans(number, List.copyOf(resultScans)));
    }

    /** The longest result number the wire carries. */
    static final int MAX_RESULT_NUMBER = 100;

    /** A digitised result as the officer gave it. */
    private record DigitisedScans(String number, List<ScanFile> scans) {
    }

    /**
     * Returns the result (status 10): the handover goes to whoever collected it, and how it was returned, with the
     * citizen's rating, is stored and sent upstream in the same transaction.
     */
    public HandoverRecord returnResult(UUID dossierId, ResultReturn how, Role role, String by, LocalDateTime now) {
        String to = store.dossier(dossierId).map(d -> how.recipient(d.applicant()))
                .orElseThrow(() -> new ValidationException(Violation.of("dossier", "action.unknownDossier", dossierId)));
        return record(dossierId, DossierAction.RETURN_RESULT, role, by, to, "", now, null, how, null);
    }

    private HandoverRecord record(UUID dossierId, DossierAction action, Role role, String by, String to, String note,
            LocalDateTime now, ProcessingTime extension, ResultReturn returned, DigitisedScans result) {
        String reason = note == null ? "" : note.strip();
        if (NEED_REASON.contains(action) && reason.isEmpty()) {
            throw new ValidationException(Violation.of("note", "action.reason.required", action));
        }
        if (reason.length() > 2000) {
            throw new ValidationException(Violation.of("note", "intake.text.tooLong", 2000));
        }
        LocalDateTime at = now.truncatedTo(ChronoUnit.SECONDS);
        return store.write(c -> {
            Current current = current(c, dossierId);
            DossierStatus next = lifecycle.next(current.status(), action, role);
            // judged by the index: against the receipt's date, supplement waiting not counted, a second request late
            Optional<IndexTimeliness.Judgement> judged = FINISHING.contains(action)
                    ? Optional.of(IndexTimeliness.judge(current.receiptDue(), at, HandoverTable.of(c, dossierId), deadlines))
                    : Optional.empty();
            Optional<Timeliness> timeliness = judged.map(IndexTimeliness.Judgement::timeliness);
            Optional<LocalDateTime> stepDeadline = judged.map(IndexTimeliness.Judgement::indexDue);
            if (extension != null) {   // the receipt's date is kept for the index before the apology moves due_at
                Sql.update(c, "UPDATE dossier SET original_due_at = COALESCE(original_due_at, due_at) WHERE id = ?",
                        dossierId);
            }
            boolean receptionAtCentre = action == DossierAction.RECEIVE && current.status() == DossierStatus.NEW;
            Optional<LocalDateTime> newDue = receptionAtCentre ? Optional.of(dueFromReception(c, current, at))
                    : Optional.ofNullable(extension).map(e -> deadlines.extend(current.dueAt(), e));
            int updated = receptionAtCentre
                    ? Sql.update(c, "UPDATE dossier SET status = ?, received_at = ?, due_at = ?, "
                            + "row_version = row_version + 1 WHERE id = ? AND row_version = ?",
                            next.code(), at, newDue.get(), dossierId, current.rowVersion())
                    : Sql.update(c, "UPDATE dossier SET status = ?, due_at = ?, row_version = row_version + 1"
                    + (FINISHING.contains(action) ? ", finished_at = ?" : "") + " WHERE id = ? AND row_version = ?",
                    FINISHING.contains(action)
                            ? new Object[] {next.code(), current.dueAt(), at, dossierId, current.rowVersion()}
                            : new Object[] {next.code(), newDue.orElse(current.dueAt()), dossierId, current.rowVersion()});
            if (updated != 1) {
                throw new ValidationException(Violation.of("dossier", "action.concurrent", current.code()));
            }
            HandoverRecord record = new HandoverRecord(dossierId, current.lastStep() + 1, action, next, by, to, at,
                    stepDeadline, timeliness, newDue, reason);
            HandoverTable.append(c, record);
            if (returned != null) {
                ResultReturnTable.insert(c, dossierId, returned, at, by);
            }
            Optional<DossierActionTaken.DigitisedResult> digitised = Optional.empty();
            if (result != null) {
                ScannedDocuments.link(c, dossierId, result.scans(), by, at, false);
                digitised = Optional.of(new DossierActionTaken.DigitisedResult(result.number(), distinct(result.scans())));
            }
            DossierActionTaken payload = EventPayloads.actionTaken(current.code(), record, Optional.ofNullable(returned),
                    digitised);
            store.appendEvent(c, EventPayloads.DOSSIER_ACTION, dossierId, now, CanonicalJson.write(payload.toJson()),
                    payload.resultBlobs());
            store.audit.append(c, now, by, action.name(), current.code(), "status=" + current.status().code() + "->" + next.code());
            return record;
        });
    }

    /** The scans as the wire lists them, once each. */
    private static List<AttachmentsAdded.Attachment> distinct(List<ScanFile> scans) {
        Map<String, AttachmentsAdded.Attachment> out = new LinkedHashMap<>();
        for (ScanFile s : scans) {
            out.putIfAbsent(s.sha256(), new AttachmentsAdded.Attachment(s.sha256(), s.kind().mediaType(), s.size(),
                    s.document(), s.fileName()));
        }
        return List.copyOf(out.values());
    }

    /**
     * A dossier collected in the field (NEW) is received by the centre only now: the legal processing time runs
     * from this reception, counted with the rules of the procedure version it was collected under.
     */
    private LocalDateTime dueFromReception(Connection c, Current current, LocalDateTime receivedAt) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT time_amount, time_unit, cut_off FROM procedure_version WHERE code = ? AND version = ?")) {
            Sql.bind(ps, current.procedureCode(), current.procedureVersion());
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ValidationException(Violation.of("procedure", "intake.procedure.unknown",
                            current.procedureCode()));
                }
                ProcessingTime time = new ProcessingTime(rs.getInt(1), ProcessingTime.Unit.valueOf(rs.getString(2)));
                Optional<LocalTime> cutOff = Optional.ofNullable(rs.getTime(3)).map(Time::toLocalTime);
                return deadlines.dueAt(receivedAt, time, cutOff);
            }
        }
    }

    private record Current(String code, DossierStatus status, LocalDateTime dueAt, int rowVersion, int lastStep,
            String procedureCode, int procedureVersion, LocalDateTime receiptDue) {
    }

    private static Current current(Connection c, UUID id) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT code, status, due_at, row_version, "
                + "(SELECT MAX(step) FROM handover h WHERE h.dossier_id = d.id), procedure_code, procedure_version, "
                + "COALESCE(original_due_at, due_at) FROM dossier d WHERE id = ?")) {
            Sql.bind(ps, id);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    throw new ValidationException(Violation.of("dossier", "action.unknownDossier", id.toString()));
                }
                return new Current(rs.getString(1), DossierStatus.fromCode(rs.getInt(2)),
                        rs.getTimestamp(3).toLocalDateTime(), rs.getInt(4), rs.getInt(5), rs.getString(6), rs.getInt(7),
                        rs.getTimestamp(8).toLocalDateTime());
            }
        }
    }
}
