package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.identity.CitizenId;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.Sql;

/**
 * What the desk already knows that speeds up the next intake: the details a returning citizen gave last
 * time (offered, never filled in silently), and the procedures this unit receives most, listed first.
 * Both are indexed reads that take well under a millisecond, so the intake form asks them as the officer types.
 */
public final class IntakeHints {

    private final Store store;

    public IntakeHints(Store store) {
        this.store = store;
    }

    /** The applicant as written on this citizen's most recent dossier at this desk. */
    public Optional<Applicant> lastApplicant(CitizenId id) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT * FROM dossier WHERE citizen_id = ? ORDER BY received_at DESC LIMIT 1")) {
                Sql.bind(ps, id.digits());
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(DossierTable.read(c, rs).applicant()) : Optional.empty();
                }
            }
        });
    }

    /** Procedure codes received since {@code since}, the most received first (ties by code), at most {@code limit}. */
    public List<String> mostUsedProcedures(LocalDate since, int limit) {
        return store.read(c -> {
            List<String> codes = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT procedure_code, COUNT(*) AS n FROM dossier "
                    + "WHERE received_at >= ? GROUP BY procedure_code ORDER BY n DESC, procedure_code LIMIT ?")) {
                Sql.bind(ps, since.atStartOfDay(), limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        codes.add(rs.getString(1));
                    }
                }
            }
            return codes;
        });
    }
}
