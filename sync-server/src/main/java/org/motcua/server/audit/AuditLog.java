package org.motcua.server.audit;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.regex.Pattern;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The audit log of admin actions. {@link #record} takes the connection of the action's own transaction, so an action
 * and its entry are committed together or not at all.
 */
public final class AuditLog {

    /** One entry as stored. */
    public record Entry(long id, Instant at, String actor, String channel, String address, String action, String target,
            String detail) {
    }

    /**
     * Twelve digits standing alone look like a citizen ID: never stored whole, whatever a caller passes by mistake. Digits
     * inside a longer token (a device id's last group, which may be twelve decimal digits, follows a dash) are not one,
     * nor is the last part of a dotted number (a desk release's version, whose qualifier is a 12-digit build time).
     */
    private static final Pattern CITIZEN_ID = Pattern.compile("(?<![\\p{Alnum}_-])(?<!\\d\\.)\\d{9}(\\d{3})(?![\\p{Alnum}_-])");

    private AuditLog() {
    }

    public static void record(Connection c, Actor actor, Instant at, String action, String target, String detail)
            throws SQLException {
        Sql.update(c, "INSERT INTO admin_audit (at, actor, channel, address, action, target, detail) VALUES (?, ?, ?, ?, ?, ?, ?)",
                at, clip(actor.name(), 100), actor.channel().code(), Sql.text(actor.address() == null ? null : clip(actor.address(), 64)),
                action, clip(masked(target), 200), clip(masked(detail), 1000));
    }

    /** The newest entries first; {@code beforeId} pages further back (null: from the newest). */
    public static List<Entry> recent(ServerDatabase db, int limit, Long beforeId) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT id, at, actor, channel, address, action, target, detail FROM admin_audit "
                + "WHERE id < ? ORDER BY id DESC FETCH FIRST " + Math.max(1, Math.min(limit, 500)) + " ROWS ONLY",
                rs -> new Entry(rs.getLong("id"), Sql.instant(rs, "at"), rs.getString("actor"), rs.getString("channel"),
                        rs.getString("address"), rs.getString("action"), rs.getString("target"), rs.getString("detail")),
                beforeId == null ? Long.MAX_VALUE : beforeId));
    }

    static String masked(String text) {
        return text == null ? "" : CITIZEN_ID.matcher(text).replaceAll("*********$1");
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
