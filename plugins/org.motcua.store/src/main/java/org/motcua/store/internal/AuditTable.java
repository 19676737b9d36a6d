package org.motcua.store.internal;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;


/**
 * The audit log: who did what, to what, when. Each row's hash covers all its columns and the row before,
 * so a changed, removed or inserted row is found by {@link #verify}. Details must never hold a full
 * citizen ID: callers pass masked values.
 */
public final class AuditTable extends HashLinkedTable {

    public AuditTable() {
        super("audit_log", "seq");
    }

    public void append(Connection c, LocalDateTime at, String actor, String action, String subject, String detail)
            throws SQLException {
        // The column keeps microseconds at most; hash exactly what will be read back.
        at = at.truncatedTo(ChronoUnit.MILLIS);
        Tail tail = tail(c);
        long sequence = tail.sequence() + 1;
        byte[] payload = canonical(at.toString(), actor, action, subject, detail);
        Sql.update(c, "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?)", sequence, at, actor, action, subject, detail, tail.hash(),
                AuditChain.link(tail.hash(), sequence, AuditChain.payloadHash(payload)));
    }

    @Override
    protected byte[] payloadOf(ResultSet rs) throws SQLException {
        return canonical(rs.getTimestamp("at").toLocalDateTime().toString(), rs.getString("actor"),
                rs.getString("action"), rs.getString("subject"), rs.getString("detail"));
    }

    /** Fields joined with a separator that cannot occur in them (unit separator, U+001F). */
    private static byte[] canonical(String... fields) {
        return String.join("\u001f", fields).getBytes(StandardCharsets.UTF_8);
    }
}
