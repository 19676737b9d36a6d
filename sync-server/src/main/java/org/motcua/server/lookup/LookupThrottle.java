package org.motcua.server.lookup;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Lookup attempts per client address: at most {@code limit} in a fixed window. The count lives in the database (one
 * row per address, locked while it is counted), so two instances behind a balancer share it instead of each granting
 * the limit; the price is one small write per attempt, far below what a lookup itself costs. The limit is generous
 * because many phones share one carrier address; guessing a 40-bit token within it is hopeless anyway.
 */
public final class LookupThrottle {

    public static final int DEFAULT_LIMIT = 30;
    public static final Duration DEFAULT_WINDOW = Duration.ofMinutes(10);

    private final ServerDatabase db;
    private final Clock clock;
    private final int limit;
    private final Duration window;

    public LookupThrottle(ServerDatabase db, Clock clock, int limit, Duration window) {
        this.db = db;
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** Counts one attempt from {@code address}; false when the address has used up its window. */
    public boolean allow(String address) throws Rejection {
        String key = address.length() > 80 ? address.substring(0, 80) : address;
        for (int attempt = 0; ; attempt++) {
            try {
                return Tx.plain(db, c -> {
                    Instant now = clock.instant();
                    record Count(Instant start, int hits) {
                    }
                    Optional<Count> row = Sql.one(c, "SELECT window_start, hits FROM lookup_throttle WHERE address_key = ? FOR UPDATE",
                            rs -> new Count(Sql.instant(rs, "window_start"), rs.getInt(2)), key);
                    if (row.isEmpty()) {
                        Sql.update(c, "INSERT INTO lookup_throttle (address_key, window_start, hits) VALUES (?, ?, 1)", key, now);
                        return true;
                    }
                    if (!row.get().start().isAfter(now.minus(window))) {
                        Sql.update(c, "UPDATE lookup_throttle SET window_start = ?, hits = 1 WHERE address_key = ?", now, key);
                        return true;
                    }
                    if (row.get().hits() >= limit) {
                        return false;
                    }
                    Sql.update(c, "UPDATE lookup_throttle SET hits = hits + 1 WHERE address_key = ?", key);
                    return true;
                });
            } catch (Tx.DatabaseFailure e) {
                // Two instances inserted the address's first row at once: the loser counts again on the winner's row.
                if (attempt >= 2 || !Dialect.isUniqueViolation(e.sqlException())) {
                    throw e;
                }
            }
        }
    }

    /** The seconds a refused address waits at most: the window's length. */
    public long retryAfterSeconds() {
        return window.toSeconds();
    }

    /** Drops rows whose window is over (housekeeping). */
    public int purge() throws Rejection {
        return Tx.plain(db, c -> Sql.update(c, "DELETE FROM lookup_throttle WHERE window_start < ?", clock.instant().minus(window)));
    }
}
