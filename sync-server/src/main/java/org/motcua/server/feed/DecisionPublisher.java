package org.motcua.server.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;

/**
 * Records a decision taken at the province on a dossier handed up (§5.6 {@code dossierDecision}): in one transaction
 * the server's projection takes it as a handover step (action {@value #ACTION}, device {@value #PROVINCE}, the next
 * step number, the new status), the decision is published to every desk of the dossier's unit, and the admin's audit
 * log names who recorded it. A dossier whose life has ended (refused, withdrawn, stopped, returned) takes no decision.
 */
public final class DecisionPublisher {

    /** The projection's action name for a step decided at the province. */
    public static final String ACTION = "UPSTREAM_DECISION";
    /** The projection's device id for a step taken at the province. */
    public static final String PROVINCE = "province";

    private static final Set<Integer> ENDED = Set.of(3, 7, 8, 10);

    private record Target(String dossierId, String unitCode, int status, int lastStep) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public DecisionPublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * @param status a national status code ({@code 9}) or its English name ({@code DONE}), one of
     *        {@link DossierDecisionData#DECIDED}
     * @throws DecisionRefused an unknown status or dossier, an ambiguous code, an ended dossier, a bad name or note;
     *         nothing was stored
     */
    public DossierDecisionData decide(String dossierCode, String status, String decidedBy, Optional<String> note)
            throws DecisionRefused, Rejection {
        String code = statusCode(status);
        String by = decidedBy == null ? "" : decidedBy.strip();
        if (by.isEmpty() || by.length() > 64) {
            throw new DecisionRefused("--by names who decided, 1 to 64 characters");
        }
        Optional<String> text = note.map(String::strip).filter(n -> !n.isEmpty());
        if (text.isPresent() && text.get().length() > 2000) {
            throw new DecisionRefused("--note is longer than 2000 characters");
        }
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            List<Target> found = Sql.list(c, "SELECT dossier_id, unit_code, status, last_step FROM dossiers WHERE dossier_code = ? "
                    + "FOR UPDATE", rs -> new Target(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getInt(4)), dossierCode);
            if (found.isEmpty()) {
                throw new DecisionRefused("no dossier " + dossierCode + " has reached the province");
            }
            if (found.size() > 1) {
                throw new DecisionRefused("dossier code " + dossierCode + " is used by " + found.size()
                        + " dossiers (a collision the admin was alerted to); resolve it first");
            }
            Target t = found.get(0);
            if (ENDED.contains(t.status())) {
                throw new DecisionRefused("dossier " + dossierCode + " has ended (status " + t.status() + "); it takes no decision");
            }
            DossierDecisionData d = new DossierDecisionData(t.dossierId(), dossierCode, UUID.randomUUID().toString(), code,
                    WireFormats.serverTime(now), by, text);
            int step = t.lastStep() + 1;
            int newStatus = d.statusCode();
            Sql.update(c, "UPDATE dossiers SET status = ?, last_step = ?, done_at = " + (newStatus == 8 || newStatus == 9
                    ? "COALESCE(done_at, ?)" : "?") + ", updated_at = ? WHERE dossier_id = ?", newStatus, step,
                    newStatus == 8 || newStatus == 9 ? now : Sql.NULL_TIME, now, t.dossierId());
            Sql.update(c, "INSERT INTO dossier_steps (event_id, dossier_id, dossier_code, step, action, status, from_officer, "
                    + "to_officer, acted_at, step_deadline, timeliness, new_due_at, note, device_id, received_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?, '', ?, ?, ?, ?, ?, ?, ?)", d.decisionId(), t.dossierId(), dossierCode, step, ACTION,
                    newStatus, by, now, Sql.NULL_TIME, Sql.NULL_TEXT, Sql.NULL_TIME, text.orElse(""), PROVINCE, now);
            Feed.publish(c, DossierDecisionData.ITEM_TYPE, t.dossierId(), FeedScope.unit(t.unitCode()), d.toJson(), now);
            AuditLog.record(c, actor, now, "dossier.decide", dossierCode, "decision=" + d.decisionId() + ", status=" + t.status()
                    + "->" + code + ", by=" + by);
            return d;
        });
    }

    private static String statusCode(String status) {
        String s = status == null ? "" : status.strip();
        if (DossierDecisionData.DECIDED.containsKey(s)) {
            return s;
        }
        for (Map.Entry<String, String> e : DossierDecisionData.DECIDED.entrySet()) {
            if (e.getValue().equalsIgnoreCase(s)) {
                return e.getKey();
            }
        }
        throw new DecisionRefused("a decision sets one of the statuses " + new java.util.TreeMap<>(DossierDecisionData.DECIDED)
                + " (code or name), not " + status);
    }
}
