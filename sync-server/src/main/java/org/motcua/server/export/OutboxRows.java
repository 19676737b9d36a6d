package org.motcua.server.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import org.motcua.server.persistence.Sql;

/** The worker's side of {@code export_outbox}: claim what is due, then mark each claimed row sent or failed. */
final class OutboxRows {

    /** A claimed row. */
    record Row(String dossierId, String dossierCode, String recordKey, int ordinal, String eventId, int attempts) {

        /** The idempotency key the portal receives: the dossier code and the record within it. */
        String key() {
            return dossierCode + "/" + recordKey;
        }
    }

    private OutboxRows() {
    }

    /**
     * Locks up to {@code limit} due rows that no other transaction holds ({@code SKIP LOCKED}: two instances never
     * claim the same row, and neither waits for the other), oldest due first in the order of the due index, so a backlog
     * after an outage is read a few rows past each claim instead of sorted whole (ties need no order: the check below
     * keeps each dossier's records in order). A row is due only when every earlier record of its
     * dossier has been sent (so at most one row per dossier per claim, and the portal gets them in order) and, for a
     * step, once its dossier's reception is in the outbox (a step synced before its reception waits for it; the
     * reception's own row passes that check by itself). Sent rows have no next attempt and stay out of the range.
     */
    static List<Row> claim(Connection c, Instant now, int limit) throws SQLException {
        return Sql.list(c, CLAIM.replace("FETCH FIRST ? ROWS", "FETCH FIRST " + limit + " ROWS"),
                rs -> new Row(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5), rs.getInt(6)), now);
    }

    static final String CLAIM = "SELECT o.dossier_id, o.dossier_code, o.record_key, o.ordinal, o.event_id, o.attempts "
            + "FROM export_outbox o WHERE o.next_attempt_at <= ? "
            + "AND EXISTS (SELECT 1 FROM export_outbox r WHERE r.dossier_id = o.dossier_id AND r.ordinal = 0) "
            + "AND NOT EXISTS (SELECT 1 FROM export_outbox p WHERE p.dossier_id = o.dossier_id AND p.ordinal < o.ordinal "
            + "AND p.sent_at IS NULL) ORDER BY o.next_attempt_at FETCH FIRST ? ROWS ONLY FOR UPDATE SKIP LOCKED";

    static void sent(Connection c, Row row, Instant now) throws SQLException {
        Sql.update(c, "UPDATE export_outbox SET sent_at = ?, next_attempt_at = NULL, attempts = attempts + 1, last_error = NULL "
                + "WHERE dossier_code = ? AND record_key = ?",
                now, row.dossierCode(), row.recordKey());
    }

    static void failed(Connection c, Row row, Instant retryAt, String error) throws SQLException {
        String text = error == null ? "" : error.length() > 300 ? error.substring(0, 300) : error;
        Sql.update(c, "UPDATE export_outbox SET attempts = attempts + 1, next_attempt_at = ?, last_error = ? "
                + "WHERE dossier_code = ? AND record_key = ?", retryAt, text, row.dossierCode(), row.recordKey());
    }

    /** Rows not sent yet (the admin's and the tests' view of the backlog). */
    static long pending(Connection c) throws SQLException {
        return Sql.count(c, "SELECT COUNT(*) FROM export_outbox WHERE next_attempt_at IS NOT NULL");
    }
}
