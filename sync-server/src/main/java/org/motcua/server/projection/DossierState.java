package org.motcua.server.projection;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Set;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.server.persistence.Sql;

/** One dossier of the projection, changed in memory while a batch is applied, then written once. */
final class DossierState {

    /** Actions after which the dossier has ended (the on-time index judges it at that time). */
    static final Set<String> ENDING = Set.of("MARK_DONE", "REFUSE", "STOP", "WITHDRAW");

    final String dossierId;
    final String dossierCode;
    final String unitCode;
    final String procedureCode;
    final int procedureVersion;
    final String procedureField;
    int status;
    Instant receivedAt;
    Instant dueAt;
    Instant originalDueAt;
    Instant doneAt;
    Instant returnedAt;
    int lastStep;
    /** EARLY, ON_TIME or LATE once ended: the ending step's judgement (the desk's, by the index's rule). */
    String timeliness;
    final String originDeviceId;
    final String originEventId;
    final boolean isNew;
    boolean changed;
    /** hex(SHA-256) of the citizen's lookup token, written with a new dossier only (null when read back). */
    String lookupTokenSha256;

    private DossierState(String dossierId, String dossierCode, String unitCode, String procedureCode, int procedureVersion,
            String procedureField, int status, Instant receivedAt, Instant dueAt, Instant originalDueAt, Instant doneAt,
            Instant returnedAt, int lastStep, String timeliness, String originDeviceId, String originEventId, boolean isNew) {
        this.dossierId = dossierId;
        this.dossierCode = dossierCode;
        this.unitCode = unitCode;
        this.procedureCode = procedureCode;
        this.procedureVersion = procedureVersion;
        this.procedureField = procedureField;
        this.status = status;
        this.receivedAt = receivedAt;
        this.dueAt = dueAt;
        this.originalDueAt = originalDueAt;
        this.doneAt = doneAt;
        this.returnedAt = returnedAt;
        this.lastStep = lastStep;
        this.timeliness = timeliness;
        this.originDeviceId = originDeviceId;
        this.originEventId = originEventId;
        this.isNew = isNew;
    }

    static final String COLUMNS = "dossier_id, dossier_code, unit_code, procedure_code, procedure_version, procedure_field, "
            + "status, received_at, due_at, original_due_at, done_at, returned_at, last_step, origin_device_id, origin_event_id, timeliness";

    static DossierState map(ResultSet rs) throws SQLException {
        return new DossierState(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5), rs.getString(6),
                rs.getInt(7), Sql.instant(rs, "received_at"), Sql.instant(rs, "due_at"), Sql.instant(rs, "original_due_at"),
                Sql.instant(rs, "done_at"), Sql.instant(rs, "returned_at"), rs.getInt(13), rs.getString(16), rs.getString(14),
                rs.getString(15), false);
    }

    /**
     * A dossier as received. At the desk (status 2) its deadline runs from {@code receivedAt}; collected in the field
     * (status 1) it has no reception or due time until the centre's {@code RECEIVE} step.
     */
    static DossierState received(DossierReceived d, String deviceId, String eventId) {
        boolean atDesk = d.status() == 2;
        Instant received = atDesk ? instant(d.receivedAt()) : null;
        Instant due = atDesk ? instant(d.dueAt()) : null;
        DossierState s = new DossierState(d.dossierId(), d.dossierCode(), d.unitCode(), d.procedure().code(),
                d.procedure().version(), d.procedure().field(), d.status(), received, due, due, null, null, 1, null, deviceId, eventId,
                true);
        s.lookupTokenSha256 = d.lookupTokenSha256();
        return s;
    }

    /** One handover step. Steps older than the last applied one only join the timeline. */
    void apply(DossierActionTaken a) {
        if (a.step() < lastStep) {
            return;
        }
        lastStep = a.step();
        status = a.status();
        Instant at = instant(a.at());
        Instant newDue = a.newDueAt().map(DossierState::instant).orElse(null);
        switch (a.action()) {
            case "RECEIVE" -> {
                receivedAt = at;
                if (newDue != null) {
                    dueAt = newDue;
                    originalDueAt = newDue;
                }
            }
            case "RETURN_RESULT" -> returnedAt = at;
            default -> {
                if (ENDING.contains(a.action())) {
                    doneAt = at;
                    timeliness = a.timeliness().orElseGet(() -> judgedByDueDate(at));
                }
                // EXTEND_DEADLINE (and any step that moves the deadline) keeps the original due time beside it.
                if (newDue != null) {
                    dueAt = newDue;
                    if (originalDueAt == null) {
                        originalDueAt = newDue;
                    }
                }
            }
        }
        changed = true;
    }

    /** A step that carries no judgement (an older desk): its end against the receipt's due date. */
    private String judgedByDueDate(Instant at) {
        Instant due = originalDueAt != null ? originalDueAt : dueAt;
        return due == null ? null : at.isAfter(due) ? "LATE" : "ON_TIME";
    }

    static Instant instant(String time) {
        return WireFormats.parseTime(time).toInstant();
    }
}
