package org.motcua.server.persistence;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import org.postgresql.PGStatement;

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

    /** The dialect of an open connection (for code that is handed a connection, not the database). */
    public static Dialect of(Connection c) throws SQLException {
        return of(c.getMetaData().getURL());
    }

    /**
     * An INSERT of one row that does nothing when a row with the same {@code key} columns exists, without failing the
     * transaction: PostgreSQL's {@code ON CONFLICT DO NOTHING} (a plain INSERT that hit the key would abort the whole
     * transaction there), H2's standard {@code MERGE … WHEN NOT MATCHED} (H2 has no ON CONFLICT outside its PostgreSQL
     * mode). {@code types} are the columns' SQL types, which H2's MERGE source needs to type its parameters.
     */
    public String insertUnlessPresent(String table, List<String> columns, List<String> types,
            List<String> key) {
        String names = String.join(", ", columns);
        if (this == POSTGRESQL) {
            return "INSERT INTO " + table + " (" + names + ") VALUES (" + String.join(", ", Collections.nCopies(columns.size(), "?"))
                    + ") ON CONFLICT (" + String.join(", ", key) + ") DO NOTHING";
        }
        List<String> casts = new ArrayList<>();
        for (String t : types) {
            casts.add("CAST(? AS " + t + ")");
        }
        List<String> on = key.stream().map(k -> "t." + k + " = v." + k).toList();
        List<String> values = columns.stream().map(c -> "v." + c).toList();
        return "MERGE INTO " + table + " t USING (VALUES (" + String.join(", ", casts) + ")) AS v (" + names + ") ON "
                + String.join(" AND ", on) + " WHEN NOT MATCHED THEN INSERT (" + names + ") VALUES (" + String.join(", ", values) + ")";
    }

    /**
     * Per-connection settings. PostgreSQL: commits wait for the WAL flush (the contract's durable commit, even if the
     * cluster's default was lowered) and lock waits end after 5 s. H2 takes its lock timeout from the URL.
     *
     * <p>The plan cache keeps PostgreSQL's default ({@code auto}): a statement the driver has prepared is planned anew
     * for its first five runs, then runs a cached generic plan when that costs no more. Forcing custom plans for every
     * statement made each multi-row INSERT of the ingest (up to 64 rows × 20 parameters) be planned again on every
     * batch, a fifth of the database's CPU per batch; only look-ups by a list need a plan per run
     * ({@link #planForActualValues}).
     */
    Optional<String> connectionInitSql() {
        return this == POSTGRESQL
                ? Optional.of("SET synchronous_commit = on; SET lock_timeout = " + ServerDatabase.LOCK_TIMEOUT_MS)
                : Optional.empty();
    }

    /**
     * PostgreSQL: plan this statement for its actual parameters on every run (the driver sends it as an unnamed
     * statement, never a cached generic plan). For look-ups by a list ({@code col = ANY(?)}): a generic plan made while
     * a table was small, a sequential scan, would stay cached while the table grows; a plan for the actual list is an
     * index scan of as many keys, and planning it costs little. Statements without a list keep cached plans.
     */
    static void planForActualValues(PreparedStatement ps) throws SQLException {
        if (ps.isWrapperFor(PGStatement.class)) {
            ps.unwrap(PGStatement.class).setPrepareThreshold(0);
        }
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
