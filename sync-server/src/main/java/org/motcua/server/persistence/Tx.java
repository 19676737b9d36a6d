package org.motcua.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;

/**
 * Runs work in one database transaction: commit when it returns, roll back when it throws. A {@link Rejection} thrown
 * by the work rolls everything back (a request rejected as a whole stores nothing, G4) and reaches the caller as it
 * is. Durable transactions are forced to disk before returning, because their result is about to be acknowledged.
 */
public final class Tx {

    /** Work done with one connection inside a transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException, Rejection;
    }

    private Tx() {
    }

    /** A transaction whose commit is acknowledged to someone: durable before this returns. */
    public static <T> T durable(ServerDatabase db, Work<T> work) throws Rejection {
        return run(db, true, work);
    }

    /** A read, or a write nobody is told about. */
    public static <T> T plain(ServerDatabase db, Work<T> work) throws Rejection {
        return run(db, false, work);
    }

    /**
     * Reads outside a transaction: each statement runs on its own (auto-commit), so a hot read costs one round trip
     * instead of three (BEGIN with it, then COMMIT). Under READ COMMITTED, the isolation both databases run, a read-only
     * transaction would give its statements no common view anyway. Never for writes.
     */
    public static <T> T read(ServerDatabase db, Work<T> work) throws Rejection {
        try (Connection c = connection(db)) {
            return work.run(c);
        } catch (SQLException e) {
            // A pooled connection whose database went away (restarted, a replica stopped) fails on its first use: for a
            // read, which stored nothing, that is the same "unavailable, try again" as a pool that cannot connect.
            if (connectionLost(e)) {
                throw unavailable();
            }
            throw new DatabaseFailure(e);
        }
    }

    private static Connection connection(ServerDatabase db) throws Rejection {
        try {
            return db.connection();
        } catch (SQLTransientConnectionException e) {
            throw unavailable();
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static Rejection unavailable() {
        return Rejection.of(ProblemType.UNAVAILABLE, "Database unavailable",
                "The server cannot reach its database now; nothing was stored.").retryAfter(30);
    }

    /** SQLSTATE class 08 (connection exception) or 57P01-57P03 (the server shutting down, or not accepting yet). */
    static boolean connectionLost(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && s.getSQLState() != null
                    && (s.getSQLState().startsWith("08") || s.getSQLState().matches("57P0[123]"))) {
                return true;
            }
        }
        return false;
    }

    private static <T> T run(ServerDatabase db, boolean durable, Work<T> work) throws Rejection {
        if (db.isReadOnly()) {
            throw new IllegalStateException("a transaction on the dashboard's read-only database: writes go to the primary");
        }
        Connection c = connection(db);
        try (c) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                if (durable) {
                    db.afterDurableCommit(c);
                }
                return result;
            } catch (SQLException | Rejection | RuntimeException e) {
                rollback(c);
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new DatabaseFailure(e);
        }
    }

    private static void rollback(Connection c) {
        try {
            c.rollback();
        } catch (SQLException ignored) {
            // the connection is broken; the pool drops it and the database discards the transaction
        }
    }

    /** An unexpected database error: answered as 500 {@code server-error}, the transaction rolled back. */
    public static final class DatabaseFailure extends RuntimeException {
        public DatabaseFailure(SQLException cause) {
            super(cause.getMessage(), cause);
        }

        public SQLException sqlException() {
            return (SQLException) getCause();
        }
    }
}
