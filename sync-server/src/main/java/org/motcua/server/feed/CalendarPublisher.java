package org.motcua.server.feed;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;

/**
 * Publishes the working calendar of one or more years ({@link CalendarFile}) as {@code calendar} items (§5.6), one
 * per year, keyed by the year, in one transaction. A year whose days are the same as its current item's gets no new
 * version; a changed year replaces the whole year on the desks (the item is the year's complete list).
 */
public final class CalendarPublisher {

    /** What a publication did: the years in the file, and those that got a new version. */
    public record Outcome(List<Integer> years, List<Integer> published) {
    }

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    /** {@code actor} publishes: the admin's audit log names them beside the publication. */
    public CalendarPublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * @throws FileRefused the file is not a publishable calendar; nothing was stored
     */
    public Outcome publish(byte[] file) throws FileRefused, Rejection {
        List<CalendarData> years = CalendarFile.read(file);
        Instant now = clock.instant();
        return Tx.durable(db, c -> {
            Map<String, ObjectNode> current = Feed.current(c, CalendarData.ITEM_TYPE, FeedScope.province());
            List<Integer> published = new java.util.ArrayList<>();
            for (CalendarData y : years) {
                String key = Integer.toString(y.year());
                ObjectNode before = current.get(key);
                if (before == null || !Arrays.equals(CanonicalJson.write(before), CanonicalJson.write(y.toJson()))) {
                    Feed.publish(c, CalendarData.ITEM_TYPE, key, FeedScope.province(), y.toJson(), now);
                    published.add(y.year());
                }
            }
            List<Integer> inFile = years.stream().map(CalendarData::year).toList();
            AuditLog.record(c, actor, now, "calendar.publish", "years " + inFile, "new versions for " + published);
            return new Outcome(inFile, published);
        });
    }
}
