package org.motcua.server.lookup;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * The citizen's rating of the service, given on the lookup page once the result was returned. One per dossier: the
 * table's primary key refuses a second one on any instance, not a check in memory. The dashboard reads the counts per
 * commune ({@link #perUnit}).
 */
public final class CitizenRatings {

    /** The three answers of the national satisfaction question. */
    public enum Rating {
        SATISFIED, ACCEPTABLE, NOT_SATISFIED
    }

    public enum Outcome {
        STORED, NOT_FOUND, NOT_RETURNED, ALREADY_RATED
    }

    /** Counts of one commune's ratings over a period. */
    public record UnitRatings(String unitCode, long satisfied, long acceptable, long notSatisfied) {
        public long total() {
            return satisfied + acceptable + notSatisfied;
        }
    }

    public static final int MAX_COMMENT = 500;

    private final ServerDatabase db;
    private final ProgressLookup lookup;
    private final Clock clock;

    public CitizenRatings(ServerDatabase db, ProgressLookup lookup, Clock clock) {
        this.db = db;
        this.lookup = lookup;
        this.clock = clock;
    }

    /** Rates the dossier {@code request} names; the token is checked exactly as the lookup checks it. */
    public Outcome rate(LookupRequest request, Rating rating, String comment) throws Rejection {
        String text = comment == null ? "" : comment.strip();
        if (text.length() > MAX_COMMENT) {
            throw new IllegalArgumentException("a comment of at most " + MAX_COMMENT + " characters");
        }
        Optional<Progress> found = lookup.find(request);
        if (found.isEmpty()) {
            return Outcome.NOT_FOUND;
        }
        Progress p = found.get();
        if (p.status() != Progress.RETURNED) {
            return Outcome.NOT_RETURNED;
        }
        try {
            return Tx.durable(db, c -> {
                Sql.update(c, "INSERT INTO citizen_ratings (dossier_id, unit_code, rating, comment, rated_at) VALUES (?, ?, ?, ?, ?)",
                        p.dossierId(), p.unitCode(), rating.name(), text, clock.instant());
                return Outcome.STORED;
            });
        } catch (Tx.DatabaseFailure e) {
            if (Dialect.isUniqueViolation(e.sqlException())) {
                return Outcome.ALREADY_RATED;
            }
            throw e;
        }
    }

    /** Ratings given in [{@code from}, {@code to}), counted per commune, communes in code order. */
    public List<UnitRatings> perUnit(Instant from, Instant to) throws Rejection {
        return Tx.read(db, c -> Sql.list(c, "SELECT unit_code, "
                + "SUM(CASE WHEN rating = 'SATISFIED' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rating = 'ACCEPTABLE' THEN 1 ELSE 0 END), "
                + "SUM(CASE WHEN rating = 'NOT_SATISFIED' THEN 1 ELSE 0 END) "
                + "FROM citizen_ratings WHERE rated_at >= ? AND rated_at < ? GROUP BY unit_code ORDER BY unit_code",
                rs -> new UnitRatings(rs.getString(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)), from, to));
    }
}
