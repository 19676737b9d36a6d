package org.motcua.store.internal.migration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.motcua.protocol.chain.LinkHash;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.internal.DeskTime;
import org.motcua.store.internal.LookupTokens;

/**
 * Brings the desk's existing data into the shape of sync part 1, once, between V6 (new columns) and V8
 * (constraints):
 * <ul>
 * <li>every dossier gets the lookup token its printed receipt already shows (the old derivation from its UUID);</li>
 * <li>the outbox, written before the wire contract, is re-chained: a new random epoch, seq 1..n in the old order,
 * payloads rewritten into the contract's schema-1 records, {@code createdAt} as RFC 3339 text with the desk's
 * offset, link hashes per §4.1. Nothing had ever been acknowledged, so nothing is lost (§17 note 1).</li>
 * </ul>
 * Self-contained on purpose: it reads and writes the columns as they are at this version, not through the store's
 * classes, which follow the newest schema.
 */
public class V7__Rechain_outbox extends BaseJavaMigration {

    @Override
    public void migrate(Context context) throws Exception {
        Connection c = context.getConnection();
        assignLookupTokens(c);
        rechainOutbox(c);
    }

    private static void assignLookupTokens(Connection c) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT id FROM dossier")) {
            while (rs.next()) {
                ids.add(rs.getObject(1, UUID.class));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("UPDATE dossier SET lookup_token = ? WHERE id = ?")) {
            for (UUID id : ids) {
                ps.setString(1, LookupTokens.derivedFromId(id));
                ps.setObject(2, id);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** One old outbox row. */
    private record OldEvent(long localSeq, UUID eventId, String type, UUID aggregateId, LocalDateTime createdAt,
            byte[] payload) {
    }

    private static void rechainOutbox(Connection c) throws Exception {
        List<OldEvent> events = new ArrayList<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT local_seq, event_id, event_type, aggregate_id, created_at, payload FROM outbox ORDER BY local_seq")) {
            while (rs.next()) {
                events.add(new OldEvent(rs.getLong(1), rs.getObject(2, UUID.class), rs.getString(3),
                        rs.getObject(4, UUID.class), rs.getTimestamp(5).toLocalDateTime(), rs.getBytes(6)));
            }
        }
        if (events.isEmpty()) {
            return;
        }
        UUID deviceId;
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT device_id FROM device")) {
            if (!rs.next()) {
                throw new SQLException("outbox rows but no device identity: cannot re-chain");
            }
            deviceId = rs.getObject(1, UUID.class);
        }
        UUID epoch = UUID.randomUUID();
        try (PreparedStatement ps = c.prepareStatement(
                "INSERT INTO sync_epoch (epoch, opened_at, is_current, reason) VALUES (?, ?, TRUE, 'migration')")) {
            ps.setObject(1, epoch);
            ps.setObject(2, LocalDateTime.now());
            ps.executeUpdate();
        }
        OldPayloads old = new OldPayloads();
        String previous = Sha256.ZEROS;
        long seq = 0;
        try (PreparedStatement ps = c.prepareStatement("UPDATE outbox SET epoch = ?, seq = ?, created_text = ?, blobs = '', "
                + "payload = ?, payload_hash = ?, prev_hash = ?, hash = ?, state = 'PENDING' WHERE local_seq = ?")) {
            for (OldEvent e : events) {
                seq++;
                byte[] payload = CanonicalJson.write(old.convert(e.type(), e.payload()));
                String createdAt = DeskTime.wire(e.createdAt());
                String payloadHash = LinkHash.payloadHash(payload);
                String hash = new LinkHash.Envelope(e.aggregateId().toString(), List.of(), createdAt, deviceId.toString(),
                        epoch.toString(), e.eventId().toString(), payloadHash, previous, seq, e.type()).hash();
                ps.setObject(1, epoch);
                ps.setLong(2, seq);
                ps.setString(3, createdAt);
                ps.setBytes(4, payload);
                ps.setString(5, payloadHash);
                ps.setString(6, previous);
                ps.setString(7, hash);
                ps.setLong(8, e.localSeq());
                ps.addBatch();
                previous = hash;
            }
            ps.executeBatch();
        }
    }
}
