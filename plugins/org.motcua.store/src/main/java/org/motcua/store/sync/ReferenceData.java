package org.motcua.store.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.core.calendar.CalendarEntry;
import org.motcua.store.Store;
import org.motcua.store.internal.FeedReferenceTables;
import org.motcua.store.internal.Sql;

/**
 * The catalogue and working calendar this desk uses, as the feed brought them (§5.6, §10): the versions in use, when
 * they arrived, the province's calendar days by year, and whether the catalogue is past its {@code catalogueExpiresAt}.
 * A desk that never synced uses the compiled-in sample: then nothing here comes from the feed.
 */
public final class ReferenceData {

    /** The catalogue in use: the highest feed version applied and when the last procedure item arrived; empty: the sample. */
    public record Catalogue(Optional<Long> feedVersion, Optional<LocalDateTime> arrivedAt) {
        public boolean fromFeed() {
            return feedVersion.isPresent();
        }
    }

    /** A year of the working calendar the province sent. */
    public record CalendarYear(int year, long feedVersion, LocalDateTime arrivedAt) {
    }

    private final Store store;

    public ReferenceData(Store store) {
        this.store = store;
    }

    public Catalogue catalogue() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(v), MAX(a) FROM (SELECT feed_version v, arrived_at a "
                    + "FROM procedure_version WHERE feed_version IS NOT NULL UNION ALL SELECT feed_version, arrived_at FROM procedure_withdrawn) t");
                    ResultSet rs = ps.executeQuery()) {
                rs.next();
                long v = rs.getLong(1);
                return rs.wasNull() ? new Catalogue(Optional.empty(), Optional.empty())
                        : new Catalogue(Optional.of(v), Optional.ofNullable(rs.getTimestamp(2)).map(java.sql.Timestamp::toLocalDateTime));
            }
        });
    }

    public List<CalendarYear> calendarYears() {
        return store.read(c -> {
            List<CalendarYear> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT year_number, feed_version, arrived_at FROM calendar_year ORDER BY year_number");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new CalendarYear(rs.getInt(1), rs.getLong(2), Sql.dateTime(rs, "arrived_at").orElseThrow()));
                }
            }
            return out;
        });
    }

    /** The province's days of each year it sent; each replaces the sample's days of that year. */
    public Map<Integer, List<CalendarEntry>> calendarEntries() {
        return store.read(FeedReferenceTables::calendarYears);
    }

    /** The largest {@code catalogueExpiresAt} the feed announced (§10), if the desk has synced. */
    public Optional<OffsetDateTime> catalogueExpiresAt() {
        return new FeedStore(store).cursor().flatMap(FeedStore.Cursor::catalogueExpiresAt).map(OffsetDateTime::parse);
    }

    /** True once {@code now} is past the announced expiry: the desk warns, and keeps receiving dossiers. */
    public boolean catalogueExpired(Instant now) {
        return catalogueExpiresAt().map(e -> now.isAfter(e.toInstant())).orElse(false);
    }
}
