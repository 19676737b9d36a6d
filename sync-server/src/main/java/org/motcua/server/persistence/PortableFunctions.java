package org.motcua.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;

/**
 * Before migrating a PostgreSQL database, defines the one H2 function the first migration used
 * ({@code RANDOM_UUID()}), so that migration runs unchanged on both databases and keeps its checksum on the H2 files
 * that already exist.
 */
final class PortableFunctions implements Callback {

    /** An advisory lock key of our own ("MotCuaFn" in ASCII), distinct from Flyway's. */
    private static final long LOCK_KEY = 0x4D6F744375614676L;

    @Override
    public boolean supports(Event event, Context context) {
        return event == Event.BEFORE_MIGRATE;
    }

    @Override
    public boolean canHandleInTransaction(Event event, Context context) {
        return true;
    }

    @Override
    public void handle(Event event, Context context) {
        try {
            Connection c = context.getConnection();
            if (c.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")) {
                try (Statement st = c.createStatement()) {
                    // Two instances starting at once on an empty database both get here before Flyway's own lock:
                    // concurrent CREATE OR REPLACE FUNCTION collides in pg_proc, so take a lock for this transaction.
                    st.execute("SELECT pg_advisory_xact_lock(" + LOCK_KEY + ")");
                    st.execute("CREATE OR REPLACE FUNCTION random_uuid() RETURNS varchar LANGUAGE sql AS "
                            + "'SELECT gen_random_uuid()::varchar'");
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not prepare the database for its migrations", e);
        }
    }

    @Override
    public String getCallbackName() {
        return "motcua-portable-functions";
    }
}
