package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.UUID;
import org.motcua.protocol.feed.NumberLeaseData;

/**
 * Number leases from the feed (§5.6 {@code numberLease}) as rows of {@code number_block}, which intake's allocator
 * reads beside the device's own range. A newer version of a lease replaces its block.
 */
public final class NumberLeaseTable {

    private NumberLeaseTable() {
    }

    public static void apply(Connection c, NumberLeaseData lease) throws SQLException {
        UUID id = UUID.fromString(lease.leaseId());
        Sql.update(c, "DELETE FROM number_block WHERE lease_id = ?", id);
        Sql.update(c, "INSERT INTO number_block (first_sequence, last_sequence, valid_from, valid_to, lease_id) "
                + "VALUES (?, ?, ?, ?, ?)", lease.firstNumber(), lease.lastNumber(), lease.validFrom(), lease.validTo(), id);
    }
}
