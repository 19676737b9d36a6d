package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.ResultReturnTable;
import org.motcua.store.internal.Sql;

/**
 * Whole dossiers received in a date range, in reception order, one page at a time: what the register book
 * (form 07) prints. The list's {@link DossierSearch} returns summaries only; the register needs every column and
 * when the result was handed back, read here in one query per page over the reception index.
 */
public final class ReceivedDossiers {

    /**
     * A dossier with the instant its result was handed over (its RETURN_RESULT handover) and how, if it was. A dossier
     * returned before the desk recorded how has {@code returnedAt} without {@code howReturned}.
     */
    public record Received(Dossier dossier, Optional<LocalDateTime> returnedAt, Optional<ResultReturn> howReturned) {

        public Received {
            Objects.requireNonNull(dossier, "dossier");
            Objects.requireNonNull(returnedAt, "returnedAt");
            Objects.requireNonNull(howReturned, "howReturned");
        }
    }

    private final Store store;

    public ReceivedDossiers(Store store) {
        this.store = store;
    }

    /**
     * Dossiers received from {@code from} to {@code to} inclusive, ordered by reception time then code.
     *
     * @param limit at most {@link DossierQuery#MAX_LIMIT}
     */
    public Page<Received> between(LocalDate from, LocalDate to, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > DossierQuery.MAX_LIMIT) {
            throw new IllegalArgumentException("page must have offset >= 0 and 1 <= limit <= " + DossierQuery.MAX_LIMIT);
        }
        String sql = "SELECT d.*, (SELECT MAX(h.at) FROM handover h WHERE h.dossier_id = d.id AND h.action = ?) AS returned_at, "
                + "r.collected_by, r.collector_name, r.collector_id, r.tracking_number, r.rating, r.rating_comment "
                + "FROM dossier d LEFT JOIN result_return r ON r.dossier_id = d.id "
                + "WHERE d.received_at >= ? AND d.received_at < ? "
                + "ORDER BY d.received_at, d.code LIMIT ? OFFSET ?";
        return store.read(c -> {
            List<Received> rows = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                Sql.bind(ps, DossierAction.RETURN_RESULT.name(), from.atStartOfDay(), to.plusDays(1).atStartOfDay(),
                        limit + 1, offset);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        rows.add(new Received(DossierTable.read(c, rs), Sql.dateTime(rs, "returned_at"),
                                ResultReturnTable.details(rs)));
                    }
                }
            }
            boolean more = rows.size() > limit;
            return new Page<>(more ? rows.subList(0, limit) : rows, offset, more);
        });
    }
}
