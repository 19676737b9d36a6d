package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;

import org.motcua.store.ChainCheck;

/**
 * A table whose rows form a hash chain: each row stores its sequence, the previous row's hash and its
 * own hash = {@link AuditChain#link}(previous, sequence, payload hash). The audit log is such a table; the subclass
 * says how a row's payload bytes are made. (The outbox is chained by the wire contract's link hash instead.)
 */
public abstract class HashLinkedTable {

    /** The last sequence and hash, or (0, genesis) for an empty table. */
    public record Tail(long sequence, String hash) {
    }

    private final String table;
    private final String sequenceColumn;

    protected HashLinkedTable(String table, String sequenceColumn) {
        this.table = table;
        this.sequenceColumn = sequenceColumn;
    }

    /** The bytes whose SHA-256 is linked into the chain for the current row of {@code rs}. */
    protected abstract byte[] payloadOf(ResultSet rs) throws SQLException;

    public Tail tail(Connection c) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT " + sequenceColumn + ", hash FROM " + table + " ORDER BY " + sequenceColumn + " DESC LIMIT 1");
                ResultSet rs = ps.executeQuery()) {
            return rs.next() ? new Tail(rs.getLong(1), rs.getString(2)) : new Tail(0, AuditChain.GENESIS);
        }
    }

    /** Walks the whole table in order and reports the first row whose link or payload does not verify. */
    public ChainCheck verify(Connection c) throws SQLException {
        String previous = AuditChain.GENESIS;
        long expected = 1;
        long checked = 0;
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT * FROM " + table + " ORDER BY " + sequenceColumn)) {
            ps.setFetchSize(500);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    long sequence = rs.getLong(sequenceColumn);
                    String payloadHash = AuditChain.payloadHash(payloadOf(rs));
                    boolean ok = sequence == expected
                            && previous.equals(rs.getString("prev_hash"))
                            && rs.getString("hash").equals(AuditChain.link(previous, sequence, payloadHash));
                    if (!ok) {
                        return new ChainCheck(checked, OptionalLong.of(sequence));
                    }
                    previous = rs.getString("hash");
                    expected++;
                    checked++;
                }
            }
        }
        return new ChainCheck(checked, OptionalLong.empty());
    }
}
