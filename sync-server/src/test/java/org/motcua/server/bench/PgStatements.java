package org.motcua.server.bench;

import java.sql.ResultSet;
import java.sql.Statement;
import java.util.Locale;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;

/**
 * Optional diagnostic of {@link SyncBenchmark} on PostgreSQL: where the database spent its time during the timed part,
 * statement by statement, from the {@code pg_stat_statements} extension. Off unless {@code -Dmotcua.bench.pgstat=true};
 * the extension must then be preloaded by the test cluster, which takes its extra server options from
 * {@code -Dmotcua.pg.options}:
 *
 * <pre>./motcua bench sync   # or, for the server part alone:
 * mvn clean verify -pl sync-server -am -Dtest=SyncBenchmark -Dsurefire.failIfNoSpecifiedTests=false \
 *     -Dmotcua.bench.pgstat=true \
 *     -Dmotcua.pg.options="-c shared_preload_libraries=pg_stat_statements -c pg_stat_statements.track_planning=on"</pre>
 *
 * Each statement is printed as one {@code PGSTAT} line, the costliest (execution plus planning time) first; planning
 * time and plan counts stay 0 without {@code track_planning=on}, which is off by default.
 */
final class PgStatements {

    static final boolean ENABLED = Boolean.getBoolean("motcua.bench.pgstat");

    private static final int TOP = 30;

    private PgStatements() {
    }

    /** Forgets what was counted so far (schema migration, warm-up), so the listing covers only what follows. */
    static void reset(ServerDatabase db) throws Rejection {
        Tx.plain(db, c -> {
            try (Statement st = c.createStatement()) {
                st.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
                st.execute("SELECT pg_stat_statements_reset()");
            }
            return null;
        });
    }

    /** The costliest statements since {@link #reset}. */
    static void print(ServerDatabase db) throws Rejection {
        Tx.plain(db, c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT calls, total_exec_time, "
                    + "total_plan_time, plans, rows, wal_bytes, regexp_replace(query, '\\s+', ' ', 'g') FROM pg_stat_statements "
                    + "ORDER BY total_exec_time + total_plan_time DESC LIMIT " + TOP)) {
                while (rs.next()) {
                    System.out.printf(Locale.ROOT, "PGSTAT calls=%d exec_ms=%.1f plan_ms=%.1f plans=%d rows=%d wal_bytes=%d %s%n",
                            rs.getLong(1), rs.getDouble(2), rs.getDouble(3), rs.getLong(4), rs.getLong(5), rs.getLong(6),
                            abbreviated(rs.getString(7)));
                }
            }
            return null;
        });
    }

    private static String abbreviated(String query) {
        return query.length() <= 160 ? query : query.substring(0, 157) + "...";
    }
}
