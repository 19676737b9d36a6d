package org.motcua.server.ingest;

import java.sql.ResultSet;
import java.sql.SQLException;
import org.motcua.protocol.codec.Sha256;

/** One epoch of a device (§4.3) with its tail: the last seq and hash the server holds. */
public record EpochRow(String deviceId, String epochId, String status, long ackedSeq, String ackedHash,
        String tailCreatedAt, String lastBatchId) {

    public static final String OPEN = "open";
    public static final String CLOSED = "closed";

    static final String COLUMNS = "device_id, epoch_id, status, acked_seq, acked_hash, tail_created_at, last_batch_id";

    static EpochRow map(ResultSet rs) throws SQLException {
        return new EpochRow(rs.getString(1), rs.getString(2), rs.getString(3), rs.getLong(4), rs.getString(5), rs.getString(6),
                rs.getString(7));
    }

    /** The tail of an epoch the server has never seen. */
    static EpochRow unknown(String deviceId, String epochId) {
        return new EpochRow(deviceId, epochId, null, 0, Sha256.ZEROS, null, null);
    }

    public boolean open() {
        return OPEN.equals(status);
    }
}
