package org.motcua.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.motcua.protocol.doc.FeedCursor;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.Sql;

/**
 * The down-sync feed's storage (§5.6, §6.8). Every publisher calls {@link #publish} in its own transaction: the item
 * gets the next seq under a lock on the feed's state row, so seqs commit in order and a device's cursor never passes
 * an item that commits later; its version is max(previous + 1, publication time in ms), so versions keep rising even
 * after the database is restored from a backup. A new item type needs nothing here but a publisher.
 */
public final class Feed {

    /** The feed's identity and its last seq. */
    public record State(String feedId, long lastSeq) {
    }

    private Feed() {
    }

    /** Creates the feed's state row once (every instance tries at start; the first wins). */
    public static void init(Connection c) throws SQLException {
        if (Sql.count(c, "SELECT COUNT(*) FROM feed_state WHERE id = 1") == 0) {
            try {
                Sql.update(c, "INSERT INTO feed_state (id, feed_id, last_seq) VALUES (1, ?, 0)", UUID.randomUUID().toString());
            } catch (SQLException e) {
                if (!Dialect.isUniqueViolation(e)) {
                    throw e;
                }
            }
        }
    }

    public static State state(Connection c) throws SQLException {
        return Sql.one(c, "SELECT feed_id, last_seq FROM feed_state WHERE id = 1", rs -> new State(rs.getString(1), rs.getLong(2)))
                .orElseThrow(() -> new SQLException("the feed was not initialised"));
    }

    /** Publishes one item; returns its seq. */
    public static long publish(Connection c, String itemType, String key, FeedScope scope, ObjectNode data, Instant now)
            throws SQLException {
        State s = Sql.one(c, "SELECT feed_id, last_seq FROM feed_state WHERE id = 1 FOR UPDATE",
                rs -> new State(rs.getString(1), rs.getLong(2))).orElseThrow(() -> new SQLException("no feed"));
        long seq = s.lastSeq() + 1;
        long previous = Sql.one(c, "SELECT MAX(version) FROM feed_items WHERE item_type = ? AND item_key = ?",
                rs -> rs.getLong(1), itemType, key).orElse(0L);
        long version = Math.max(previous + 1, now.toEpochMilli());
        Sql.update(c, "UPDATE feed_items SET is_current = FALSE WHERE item_type = ? AND item_key = ? AND scope = ? AND scope_id = ? "
                + "AND is_current = TRUE", itemType, key, scope.kind(), scope.id());
        Sql.update(c, "INSERT INTO feed_items (seq, item_type, item_key, scope, scope_id, version, data, is_current, published_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, TRUE, ?)", seq, itemType, key, scope.kind(), scope.id(), version,
                CanonicalJson.write(data), now);
        Sql.update(c, "UPDATE feed_state SET last_seq = ? WHERE id = 1", seq);
        return seq;
    }

    /** Current items after {@code after} for a device (its own, its unit's, the province's), at most {@code limit}. */
    public static List<Updates.Item> items(Connection c, String deviceId, String unitCode, long after, int limit)
            throws SQLException {
        return Sql.list(c, "SELECT data, item_type, item_key, seq, version FROM feed_items WHERE seq > ? AND is_current = TRUE "
                + "AND ((scope = 'device' AND scope_id = ?) OR (scope = 'unit' AND scope_id = ?) OR scope = 'province') "
                + "ORDER BY seq FETCH FIRST " + limit + " ROWS ONLY", rs -> new Updates.Item(data(rs.getBytes(1)),
                rs.getString(2), rs.getString(3), rs.getLong(4), rs.getLong(5)), after, deviceId, unitCode);
    }

    /**
     * The feed's head as a device sees it: the feed's id and the last seq among the current items for the device, its
     * unit and the province (0 if none) — what a receipt tells the device so it pulls only when there is news. Each
     * scope's newest item is its current one, so each lookup is one backward step on {@code feed_items_scope}. One
     * statement, not four: it runs inside every batch's ingest transaction.
     */
    public static FeedCursor headFor(Connection c, String deviceId, String unitCode) throws SQLException {
        String newest = "(SELECT seq FROM feed_items WHERE scope = ? AND scope_id = ? AND is_current = TRUE "
                + "ORDER BY seq DESC FETCH FIRST 1 ROWS ONLY)";
        FeedScope device = FeedScope.device(deviceId);
        FeedScope unit = FeedScope.unit(unitCode);
        FeedScope province = FeedScope.province();
        return Sql.one(c, "SELECT feed_id, " + newest + ", " + newest + ", " + newest + " FROM feed_state WHERE id = 1",
                rs -> new FeedCursor(rs.getString(1), Math.max(rs.getLong(2), Math.max(rs.getLong(3), rs.getLong(4)))),
                device.kind(), device.id(), unit.kind(), unit.id(), province.kind(), province.id())
                .orElseThrow(() -> new SQLException("the feed was not initialised"));
    }

    /** The current data of every item of {@code itemType} in {@code scope}, by key (what a publisher compares with). */
    public static Map<String, ObjectNode> current(Connection c, String itemType, FeedScope scope) throws SQLException {
        Map<String, ObjectNode> out = new TreeMap<>();
        for (Object[] row : Sql.list(c, "SELECT item_key, data FROM feed_items WHERE item_type = ? AND scope = ? AND scope_id = ? "
                + "AND is_current = TRUE", rs -> new Object[] {rs.getString(1), rs.getBytes(2)}, itemType, scope.kind(), scope.id())) {
            out.put((String) row[0], data((byte[]) row[1]));
        }
        return out;
    }

    private static ObjectNode data(byte[] canonical) throws SQLException {
        try {
            return (ObjectNode) StrictJson.parse(canonical);
        } catch (JsonRejected | ClassCastException e) {
            throw new SQLException("stored feed data is not a JSON object", e);
        }
    }

}
