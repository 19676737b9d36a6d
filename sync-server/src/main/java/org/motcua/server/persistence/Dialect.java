package org.motcua.server.persistence;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Optional;

/** The few things H2 and PostgreSQL do differently; every other statement is the same standard SQL on both. */
public enum Dialect {
    H2, POSTGRESQL;

    public static Dialect of(String jdbcUrl) {
        if (jdbcUrl.startsWith("jdbc:h2:")) {
            return H2;
        }
        if (jdbcUrl.startsWith("jdbc:postgresql:")) {
            return POSTGRESQL;
        }
        throw new IllegalArgumentException("only H2 and PostgreSQL databases are supported, not " + jdbcUrl.split(":")[1]);
    }

    /**
     * Per-connection settings. PostgreSQL: commits wait for the WAL flush (the contract's durable commit, even if the
     * cluster's default was lowered) and lock waits end after 5 s. H2 takes its lock timeout from the URL.
     */
    Optional<String> connectionInitSql() {
        return this == POSTGRESQL
                ? Optional.of("SET synchronous_commit = on; SET lock_timeout = " + ServerDatabase.LOCK_TIMEOUT_MS
                        + "; SET plan_cache_mode = force_custom_plan")
                : Optional.empty();
    }

    void forceToDisk(Connection c) throws SQLException {
        if (this == H2) {
            try (Statement st = c.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        }
    }

    /** A lock wait that ran out (PostgreSQL {@code lock_not_available}, H2 {@code LOCK_TIMEOUT_1}). */
    public static boolean isLockTimeout(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && ("55P03".equals(s.getSQLState()) || s.getErrorCode() == 50200
                    || "HYT00".equals(s.getSQLState()) || "40001".equals(s.getSQLState()) || "40P01".equals(s.getSQLState()))) {
                return true;
            }
        }
        return false;
    }

    /** A unique or primary key constraint refused a row (SQLSTATE 23505 on both). */
    public static boolean isUniqueViolation(SQLException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException s && "23505".equals(s.getSQLState())) {
                return true;
            }
        }
        return false;
    }
}
