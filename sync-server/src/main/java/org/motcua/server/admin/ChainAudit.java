package org.motcua.server.admin;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.Sha256;
import org.motcua.server.persistence.ServerDatabase;

/**
 * Verifies every device chain the province holds, as stored: positions contiguous from seq 1, each {@code prevHash}
 * the hash before it, and, for every position that keeps its event, the link hash recomputed from the stored envelope
 * and payload hash (§4.1) — so an edited row in the database is found, not only a missing one. Also reports dossier
 * codes used by more than one dossier. Read-only; run it with the server stopped or against PostgreSQL.
 */
public final class ChainAudit {

    /** One stored position, as the audit lists it. */
    public record Position(String deviceId, String epochId, long seq, String eventId, String status) {
    }

    /** What the audit found. */
    public record Report(int chains, long positions, List<String> broken, List<String> codeCollisions) {
        public boolean clean() {
            return broken.isEmpty();
        }
    }

    private final ServerDatabase db;

    public ChainAudit(ServerDatabase db) {
        this.db = db;
    }

    /** Walks every chain in order; {@code each} sees every position. */
    public Report run(Consumer<Position> each) throws SQLException {
        List<String> broken = new ArrayList<>();
        int chains = 0;
        long positions = 0;
        try (Connection c = db.connection(); PreparedStatement ps = c.prepareStatement(
                "SELECT device_id, epoch_id, seq, event_id, hash, prev_hash, status, event_type, aggregate_id, created_at, "
                        + "blobs, payload_hash FROM chain_positions ORDER BY device_id, epoch_id, seq")) {
            ps.setFetchSize(1000);
            try (ResultSet rs = ps.executeQuery()) {
                String chain = null;
                long expected = 1;
                String previous = Sha256.ZEROS;
                while (rs.next()) {
                    String device = rs.getString(1);
                    String epoch = rs.getString(2);
                    if (!(device + "/" + epoch).equals(chain)) {
                        chain = device + "/" + epoch;
                        chains++;
                        expected = 1;
                        previous = Sha256.ZEROS;
                    }
                    long seq = rs.getLong(3);
                    String hash = rs.getString(5);
                    String problem = seq != expected ? "seq " + seq + " where " + expected + " was due"
                            : !previous.equals(rs.getString(6)) ? "prevHash does not link"
                            : linkProblem(rs, device, epoch, seq, hash);
                    if (problem != null) {
                        broken.add(chain + " seq " + seq + ": " + problem);
                        expected = seq;
                    }
                    each.accept(new Position(device, epoch, seq, rs.getString(4), rs.getString(7)));
                    previous = hash;
                    expected++;
                    positions++;
                }
            }
            return new Report(chains, positions, broken, collisions(c));
        }
    }

    /** The link hash recomputed from the stored envelope; duplicates keep only their link values (§4.2). */
    private static String linkProblem(ResultSet rs, String device, String epoch, long seq, String hash) throws SQLException {
        String type = rs.getString(8);
        if (type == null) {
            return null;
        }
        String blobs = rs.getString(11);
        List<String> blobList = blobs == null || blobs.isEmpty() ? List.of() : Arrays.asList(blobs.split(","));
        String recomputed = new LinkHash.Envelope(rs.getString(9), blobList, rs.getString(10), device, epoch, rs.getString(4),
                rs.getString(12), rs.getString(6), seq, type).hash();
        return recomputed.equals(hash) ? null : "the stored event does not hash to its link";
    }

    private static List<String> collisions(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT dossier_code, COUNT(*) FROM dossiers GROUP BY dossier_code HAVING COUNT(*) > 1 ORDER BY dossier_code");
                ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1) + " x" + rs.getLong(2));
            }
        }
        return out;
    }
}
