package org.motcua.server.export;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.Sql;

/**
 * The national-portal export's outbox ({@code export_outbox}): rows derived from committed batches by {@link ExportFeed},
 * claimed and marked by {@link ExportWorker}. Adding a row never fails the ingest on a key already present (a dossier code held by two
 * dossiers is an admin alert, not a reason to refuse a batch): {@link Dialect#insertUnlessPresent}.
 */
public final class ExportOutbox {

    /** The dossier record of a reception. */
    public static final String RECEPTION_KEY = "hoso";

    /**
     * Steps after which the dossier record itself changes (status, dates, supplements, how the result was returned):
     * they are followed by a DongBoHoSoMC with {@code isUpdating}. Hand-overs only move the dossier between officers
     * (a progress record says so), so the dossier record stays as it was.
     */
    static final Set<String> UPDATES_DOSSIER = Set.of("RECEIVE", "REFUSE", "REQUEST_SUPPLEMENT", "SUPPLEMENT_RECEIVED",
            "EXTEND_DEADLINE", "REQUIRE_FINANCIAL_OBLIGATION", "FINANCIAL_OBLIGATION_MET", "WITHDRAW", "STOP", "MARK_DONE",
            "RETURN_RESULT");

    private static final List<String> COLUMNS = List.of("dossier_id", "dossier_code", "record_key", "ordinal", "event_id",
            "created_at", "attempts", "next_attempt_at");
    private static final List<String> TYPES = List.of("VARCHAR(36)", "VARCHAR(40)", "VARCHAR(24)", "INTEGER", "VARCHAR(36)",
            "TIMESTAMP WITH TIME ZONE", "INTEGER", "TIMESTAMP WITH TIME ZONE");

    /** One record to add: which dossier, its key and place in the dossier's order, and the event it comes from. */
    public record Entry(String dossierId, String dossierCode, String recordKey, int ordinal, String eventId) {
    }

    private ExportOutbox() {
    }

    public static String progressKey(int step) {
        return "tiendo-" + step;
    }

    public static String updateKey(int step) {
        return "hoso-" + step;
    }

    /** The records of one step: its progress, and the dossier's update when the step changes the dossier. */
    static List<Entry> step(String dossierId, String dossierCode, int step, String action, String eventId) {
        Entry progress = new Entry(dossierId, dossierCode, progressKey(step), 2 * step, eventId);
        return UPDATES_DOSSIER.contains(action)
                ? List.of(progress, new Entry(dossierId, dossierCode, updateKey(step), 2 * step + 1, eventId))
                : List.of(progress);
    }

    /** Writes {@code entries} in the caller's transaction, skipping any key already present. */
    static void add(Connection c, List<Entry> entries, Instant now) throws SQLException {
        if (entries.isEmpty()) {
            return;
        }
        String sql = Dialect.of(c).insertUnlessPresent("export_outbox", COLUMNS, TYPES, List.of("dossier_code", "record_key"));
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (Entry e : entries) {
                Sql.bind(ps, e.dossierId(), e.dossierCode(), e.recordKey(), e.ordinal(), e.eventId(), now, 0, now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }
}
