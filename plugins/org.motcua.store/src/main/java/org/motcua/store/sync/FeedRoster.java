package org.motcua.store.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.Optional;
import org.motcua.protocol.feed.RosterData;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.Store;
import org.motcua.store.internal.Sql;

/**
 * The commune's roster as the province last published it (§5.6 {@code roster}), read from the feed item the desk
 * stored with its cursor: shown read-only in the settings. It grants nothing: the desk's own officer accounts decide who
 * may log in and act.
 */
public final class FeedRoster {

    /** The roster and when it arrived. */
    public record Received(RosterData roster, long version, LocalDateTime arrivedAt) {
    }

    private static final System.Logger LOG = System.getLogger(FeedRoster.class.getName());

    private final Store store;

    public FeedRoster(Store store) {
        this.store = store;
    }

    /** The roster of this desk's unit; empty before the province published one. */
    public Optional<Received> current() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT data, version, applied_at FROM sync_feed_item WHERE item_type = ? AND item_key = ?")) {
                Sql.bind(ps, RosterData.ITEM_TYPE, store.device().unitCode());
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        return Optional.of(new Received(RosterData.read(StrictJson.parse(rs.getBytes(1))), rs.getLong(2),
                                rs.getTimestamp(3).toLocalDateTime()));
                    } catch (SchemaInvalid | JsonRejected e) {
                        LOG.log(System.Logger.Level.WARNING, "the stored roster cannot be read by this desk: " + e.getMessage());
                        return Optional.empty();
                    }
                }
            }
        });
    }
}
