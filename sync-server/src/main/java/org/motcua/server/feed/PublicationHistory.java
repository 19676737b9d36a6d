package org.motcua.server.feed;

import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * What the province has published, as the admin's pages list it: catalogue publications, the current calendar of each
 * year and the number leases. Who published is read from the audit entry the publisher wrote in the same transaction
 * (same action, same instant), so no table repeats it.
 */
public final class PublicationHistory {

    /** One {@code publish-catalogue} run; {@code publishedBy} is null if its audit entry cannot be found. */
    public record CataloguePublication(long id, Instant publishedAt, String publishedBy, int procedures, int published,
            int withdrawn, Instant expiresAt) {
    }

    /** The current calendar item of one year. */
    public record CalendarYear(int year, long version, Instant publishedAt, String publishedBy, int holidays, int swappedDays) {
    }

    /** One number lease. */
    public record Lease(String leaseId, String deviceId, String unitCode, LocalDate from, LocalDate to, int first, int last) {
    }

    private static final String BY = "(SELECT MIN(a.actor) FROM admin_audit a WHERE a.action = ? AND a.at = %s)";

    private PublicationHistory() {
    }

    /** The latest {@code limit} catalogue publications, newest first. */
    public static List<CataloguePublication> catalogues(ServerDatabase db, int limit) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT p.id, p.published_at, p.expires_at, p.procedures, p.published, p.withdrawn, "
                + BY.formatted("p.published_at") + " AS by_whom FROM catalogue_publications p ORDER BY p.id DESC FETCH FIRST "
                + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
                rs -> new CataloguePublication(rs.getLong("id"), Sql.instant(rs, "published_at"), rs.getString("by_whom"),
                        rs.getInt("procedures"), rs.getInt("published"), rs.getInt("withdrawn"), Sql.instant(rs, "expires_at")),
                "catalogue.publish"));
    }

    /** The current calendar of every published year, latest year first. */
    public static List<CalendarYear> calendarYears(ServerDatabase db) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT f.item_key, f.version, f.published_at, f.data, " + BY.formatted("f.published_at")
                + " AS by_whom FROM feed_items f WHERE f.item_type = ? AND f.scope = ? AND f.is_current = TRUE",
                rs -> {
                    CalendarData data = calendar(rs.getBytes("data"));
                    return new CalendarYear(data.year(), rs.getLong("version"), Sql.instant(rs, "published_at"),
                            rs.getString("by_whom"), data.holidays().size(), data.swappedDays().size());
                }, "calendar.publish", CalendarData.ITEM_TYPE, FeedScope.province().kind()))
                .stream().sorted(Comparator.comparingInt(CalendarYear::year).reversed()).toList();
    }

    private static CalendarData calendar(byte[] canonical) throws SQLException {
        try {
            return CalendarData.read(StrictJson.parse(canonical));
        } catch (JsonRejected | SchemaInvalid e) {
            throw new SQLException("a stored calendar item does not read", e);
        }
    }

    /** Every number lease, by device and then latest dates first. */
    public static List<Lease> leases(ServerDatabase db) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT lease_id, device_id, unit_code, valid_from, valid_to, first_number, last_number "
                + "FROM number_leases ORDER BY unit_code, device_id, valid_from DESC, first_number",
                rs -> new Lease(rs.getString(1), rs.getString(2), rs.getString(3), rs.getObject(4, LocalDate.class),
                        rs.getObject(5, LocalDate.class), rs.getInt(6), rs.getInt(7))));
    }
}
