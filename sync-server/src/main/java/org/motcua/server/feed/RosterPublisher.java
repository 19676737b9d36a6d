package org.motcua.server.feed;

import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.motcua.protocol.feed.RosterData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.Units;

/**
 * Publishes a commune's roster (§5.6 {@code roster}) from the server's officer accounts of that unit: user name as the
 * officer id, display name, role, active or not; never a password hash. An unchanged roster gets no new version.
 */
public final class RosterPublisher {

    /** What a publication did: the roster, and whether it was new or changed. */
    public record Outcome(RosterData roster, boolean published) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public RosterPublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /** @throws IllegalArgumentException the unit is not registered; nothing was stored */
    public Outcome publish(String unitCode) throws Rejection {
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            if (Units.name(c, unitCode).isEmpty()) {
                throw new IllegalArgumentException("unit " + unitCode + " is not registered");
            }
            List<RosterData.Officer> officers = Sql.list(c, "SELECT username, display_name, role, status FROM officer_accounts "
                    + "WHERE unit_code = ? ORDER BY username", rs -> new RosterData.Officer(rs.getString(1), rs.getString(2),
                    List.of(rs.getString(3)), "active".equals(rs.getString(4))), unitCode);
            RosterData roster = new RosterData(unitCode, officers);
            FeedScope scope = FeedScope.unit(unitCode);
            var before = Feed.current(c, RosterData.ITEM_TYPE, scope).get(unitCode);
            boolean changed = before == null || !Arrays.equals(CanonicalJson.write(before), CanonicalJson.write(roster.toJson()));
            if (changed) {
                Feed.publish(c, RosterData.ITEM_TYPE, unitCode, scope, roster.toJson(), now);
            }
            AuditLog.record(c, actor, now, "roster.publish", unitCode, "officers=" + officers.size() + (changed ? ", new version"
                    : ", unchanged"));
            return new Outcome(roster, changed);
        });
    }
}
