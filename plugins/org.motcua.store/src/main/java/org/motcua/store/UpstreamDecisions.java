package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierLifecycle;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.Sql;

/**
 * Decisions taken at the province on dossiers handed up (§5.6 {@code dossierDecision}). The feed applies each with its
 * cursor ({@link #apply}); the officer is then shown those not yet seen ({@link #unseen}, {@link #markSeen}).
 *
 * <p>A decision changes the dossier only through the lifecycle: when some action leads from the dossier's status to
 * the decided one, the dossier takes it, with a handover entry by the decider (the step the province recorded) and an
 * audit entry, but no outbox event (the province has it already). Otherwise (the desk has moved on, say) it is kept as a
 * {@link Outcome#CONFLICT} and shown, never dropped; a decision for a dossier this desk does not hold is kept as
 * {@link Outcome#UNKNOWN}.
 */
public final class UpstreamDecisions {

    /** What a decision did on this desk. */
    public enum Outcome {
        APPLIED, CONFLICT, UNKNOWN
    }

    /** A decision as the officer is told of it; {@code handoverStep} is its timeline entry when applied. */
    public record Decision(UUID decisionId, UUID dossierId, String dossierCode, DossierStatus status, LocalDateTime decidedAt,
            String decidedBy, String note, Outcome outcome, Optional<Integer> handoverStep) {
    }

    private static final ZoneId VIETNAM = ZoneId.of("Asia/Ho_Chi_Minh");
    private static final DossierLifecycle LIFECYCLE = DossierLifecycle.standard();

    private final Store store;

    public UpstreamDecisions(Store store) {
        this.store = store;
    }

    /** Decisions the officer has not been shown yet, in the order they arrived. */
    public List<Decision> unseen() {
        return store.read(c -> list(c, "WHERE seen_at IS NULL ORDER BY arrival"));
    }

    /** Every decision on one dossier, in the order they arrived (the timeline steps decided upstream). */
    public List<Decision> of(UUID dossierId) {
        return store.read(c -> list(c, "WHERE dossier_id = ? ORDER BY arrival", dossierId));
    }

    /** The officer was shown these. */
    public void markSeen(List<UUID> decisionIds, LocalDateTime now) {
        store.write(c -> {
            for (UUID id : decisionIds) {
                Sql.update(c, "UPDATE upstream_decision SET seen_at = ? WHERE decision_id = ? AND seen_at IS NULL", now, id);
            }
            return null;
        });
    }

    /**
     * Applies one decision inside the feed's transaction ({@code c}); a decision already stored (a feed read again after
     * a reset) is left as it is.
     */
    public static Outcome apply(Store store, Connection c, DossierDecisionData d, LocalDateTime now) throws SQLException {
        UUID decisionId = UUID.fromString(d.decisionId());
        UUID dossierId = UUID.fromString(d.aggregateId());
        Optional<String> stored = first(c, "SELECT outcome FROM upstream_decision WHERE decision_id = ?", decisionId);
        if (stored.isPresent()) {
            return Outcome.valueOf(stored.get());
        }
        DossierStatus decided = DossierStatus.fromCode(d.statusCode());
        LocalDateTime at = WireFormats.parseTime(d.decidedAt()).atZoneSameInstant(VIETNAM).toLocalDateTime().withNano(0);
        Optional<DossierStatus> current = first(c, "SELECT status FROM dossier WHERE id = ? FOR UPDATE", dossierId)
                .map(code -> DossierStatus.fromCode(Integer.parseInt(code)));
        Optional<DossierAction> action = current.flatMap(from -> actionTo(from, decided));
        Outcome outcome = current.isEmpty() ? Outcome.UNKNOWN : action.isEmpty() ? Outcome.CONFLICT : Outcome.APPLIED;
        Integer step = null;
        if (outcome == Outcome.APPLIED) {
            step = first(c, "SELECT COALESCE(MAX(step), 0) FROM handover WHERE dossier_id = ?", dossierId).map(Integer::parseInt)
                    .orElse(0) + 1;
            boolean finishing = decided == DossierStatus.DONE || decided == DossierStatus.STOPPED;
            Sql.update(c, "UPDATE dossier SET status = ?, row_version = row_version + 1"
                    + (finishing ? ", finished_at = COALESCE(finished_at, ?)" : "") + " WHERE id = ?",
                    finishing ? new Object[] {decided.code(), at, dossierId} : new Object[] {decided.code(), dossierId});
            HandoverTable.append(c, new HandoverRecord(dossierId, step, action.get(), decided, d.decidedBy(), "", at,
                    Optional.empty(), Optional.empty(), Optional.empty(), d.note().orElse("")));
            store.audit.append(c, now, d.decidedBy(), "UPSTREAM_DECISION", d.dossierCode(), "status=" + current.get().code()
                    + "->" + decided.code() + " action=" + action.get() + " decision=" + decisionId);
        }
        Sql.update(c, "INSERT INTO upstream_decision (decision_id, dossier_id, dossier_code, status, decided_at, decided_by, note, "
                + "outcome, handover_step, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", decisionId, dossierId, d.dossierCode(),
                decided.code(), at, d.decidedBy(), d.note().orElse(""), outcome.name(), step, now);
        return outcome;
    }

    /** The action that leads from {@code from} to {@code to}; an extension (same status) is never a decision's step. */
    static Optional<DossierAction> actionTo(DossierStatus from, DossierStatus to) {
        for (DossierAction a : DossierAction.values()) {
            if (a != DossierAction.EXTEND_DEADLINE && LIFECYCLE.target(from, a).filter(to::equals).isPresent()) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** The first column of the first row, as text. */
    private static Optional<String> first(Connection c, String sql, Object... values) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, values);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static List<Decision> list(Connection c, String where, Object... values) throws SQLException {
        List<Decision> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT decision_id, dossier_id, dossier_code, status, decided_at, decided_by, "
                + "note, outcome, handover_step FROM upstream_decision " + where)) {
            Sql.bind(ps, values);
            ResultSet rs = ps.executeQuery();
            while (rs.next()) {
                int step = rs.getInt(9);
                out.add(new Decision(rs.getObject(1, UUID.class), rs.getObject(2, UUID.class), rs.getString(3),
                        DossierStatus.fromCode(rs.getInt(4)), rs.getTimestamp(5).toLocalDateTime(), rs.getString(6), rs.getString(7),
                        Outcome.valueOf(rs.getString(8)), rs.wasNull() ? Optional.empty() : Optional.of(step)));
            }
        }
        return out;
    }
}
