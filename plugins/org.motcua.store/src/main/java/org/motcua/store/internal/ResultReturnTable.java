package org.motcua.store.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.store.ReturnedResult;

/** How each result was returned; one row per returned dossier, written with its return handover, never changed. */
public final class ResultReturnTable {

    private ResultReturnTable() {
    }

    public static void insert(Connection c, UUID dossierId, ResultReturn r, LocalDateTime at, String by) throws SQLException {
        Sql.update(c, "INSERT INTO result_return (dossier_id, collected_by, collector_name, collector_id, tracking_number, "
                + "rating, rating_comment, returned_at, returned_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", dossierId,
                r.collectedBy().name(), r.collectorName(), r.collectorId().map(CitizenId::digits), r.trackingNumber(),
                r.rating().map(Satisfaction::name), r.comment(), at, by);
    }

    public static Optional<ReturnedResult> find(Connection c, UUID dossierId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM result_return WHERE dossier_id = ?")) {
            ps.setObject(1, dossierId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        }
    }

    /** Reads the current row of a query over {@code result_return}. */
    public static ReturnedResult row(ResultSet rs) throws SQLException {
        return new ReturnedResult(rs.getObject("dossier_id", UUID.class), details(rs).orElseThrow(),
                rs.getTimestamp("returned_at").toLocalDateTime(), rs.getString("returned_by"));
    }

    /** The details columns of the current row (of this table, or outer-joined to it: empty when there is none). */
    public static Optional<ResultReturn> details(ResultSet rs) throws SQLException {
        String by = rs.getString("collected_by");
        if (by == null) {
            return Optional.empty();
        }
        String id = rs.getString("collector_id");
        String rating = rs.getString("rating");
        // the row was checked when it was written: read back without the checks a typed entry goes through
        return Optional.of(new ResultReturn(CollectedBy.valueOf(by), rs.getString("collector_name"),
                Optional.ofNullable(id).map(v -> CitizenId.parse(v, null)), rs.getString("tracking_number"),
                Optional.ofNullable(rating).map(Satisfaction::valueOf), rs.getString("rating_comment")));
    }
}
