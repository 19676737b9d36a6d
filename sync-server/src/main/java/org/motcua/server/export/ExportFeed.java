package org.motcua.server.export;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.motcua.server.persistence.Sql;

/**
 * Derives the national portal's records from batches the ingest has committed ({@code export_batches}), after that
 * commit and in a transaction of its own: the ingest only notes which positions of the chain store a batch filled
 * ({@link #note}), so acknowledging a commune's batch never waits for the export's rows and index entries.
 *
 * <p>The records come from what the ingest stored, not from the payloads: a reception's record exists when the
 * dossier's row names the event as its origin (a second reception of the same dossier is not a new dossier), and a
 * step's records exist for every step the timeline holds. A record already in the outbox is skipped
 * ({@link ExportOutbox#add}), so a batch derived twice (two instances racing after a crash) changes nothing.
 */
public final class ExportFeed {

    /** A committed batch whose records are still to be derived: its positions in the chain store. */
    record Pending(String deviceId, String epochId, long fromSeq, long toSeq) {
    }

    private ExportFeed() {
    }

    /** In the ingest's transaction: the batch stored dossier events at these positions. */
    public static void note(Connection c, String deviceId, String epochId, long fromSeq, long toSeq, Instant now)
            throws SQLException {
        Sql.update(c, "INSERT INTO export_batches (device_id, epoch_id, from_seq, to_seq, committed_at) VALUES (?, ?, ?, ?, ?)",
                deviceId, epochId, fromSeq, toSeq, now);
    }

    /**
     * Derives the records of up to {@code limit} noted batches that no other transaction holds ({@code SKIP LOCKED}:
     * two instances share the backlog out), adds them to the outbox and forgets the batches, all in the caller's
     * transaction. Returns how many batches it derived.
     */
    static int derive(Connection c, int limit, Instant now) throws SQLException {
        List<Pending> batches = Sql.list(c, "SELECT device_id, epoch_id, from_seq, to_seq FROM export_batches "
                + "FETCH FIRST " + limit + " ROWS ONLY FOR UPDATE SKIP LOCKED",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)));
        for (Pending b : batches) {
            ExportOutbox.add(c, records(c, b), now);
            Sql.update(c, "DELETE FROM export_batches WHERE device_id = ? AND epoch_id = ? AND from_seq = ?",
                    b.deviceId(), b.epochId(), b.fromSeq());
        }
        return batches.size();
    }

    /** Records the noted batches will add once derived (the backlog's view: nothing is written). */
    static long underivedRecords(Connection c) throws SQLException {
        long n = 0;
        for (Pending b : Sql.list(c, "SELECT device_id, epoch_id, from_seq, to_seq FROM export_batches",
                rs -> new Pending(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getLong(4)))) {
            n += records(c, b).size();
        }
        return n;
    }

    /** The records of one batch's positions, read back by the chain store's key. */
    static List<ExportOutbox.Entry> records(Connection c, Pending b) throws SQLException {
        List<ExportOutbox.Entry> out = new ArrayList<>(Sql.list(c, "SELECT d.dossier_id, d.dossier_code, p.event_id "
                + "FROM chain_positions p JOIN dossiers d ON d.dossier_id = p.aggregate_id AND d.origin_event_id = p.event_id "
                + "WHERE p.device_id = ? AND p.epoch_id = ? AND p.seq BETWEEN ? AND ?",
                rs -> new ExportOutbox.Entry(rs.getString(1), rs.getString(2), ExportOutbox.RECEPTION_KEY, 0, rs.getString(3)),
                b.deviceId(), b.epochId(), b.fromSeq(), b.toSeq()));
        for (List<ExportOutbox.Entry> step : Sql.list(c, "SELECT s.dossier_id, s.dossier_code, s.step, s.action, s.event_id "
                + "FROM chain_positions p JOIN dossier_steps s ON s.event_id = p.event_id "
                + "WHERE p.device_id = ? AND p.epoch_id = ? AND p.seq BETWEEN ? AND ?",
                rs -> ExportOutbox.step(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getString(4), rs.getString(5)),
                b.deviceId(), b.epochId(), b.fromSeq(), b.toSeq())) {
            out.addAll(step);
        }
        return out;
    }
}
