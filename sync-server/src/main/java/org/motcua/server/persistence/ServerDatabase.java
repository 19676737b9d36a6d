package org.motcua.server.persistence;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's database: an embedded H2 file by default, PostgreSQL in production. One set of Flyway migrations
 * ({@code db/migration}) serves both; the few statements that differ between them live in {@link Dialect}.
 *
 * <p>Durability: PostgreSQL sessions run with {@code synchronous_commit = on}, so a commit has reached the WAL on disk
 * before it returns. H2 makes no such promise by default (it writes commits in the background and flushes later), so
 * every commit the server acknowledges is followed by {@code CHECKPOINT SYNC} ({@link #afterDurableCommit}), which
 * writes and forces the file: an acknowledged batch survives a killed process and a power cut.
 */
public final class ServerDatabase implements AutoCloseable {

    /** Lock waits longer than this fail; the per-device lock of §7 step 11 answers them with 409. */
    public static final int LOCK_TIMEOUT_MS = 5000;

    /** The main pool's name, and its {@code application_name} in PostgreSQL's {@code pg_stat_activity}. */
    public static final String POOL_NAME = "motcua-server";
    /** The same for the dashboard's read-only pool ({@link #readOnly}). */
    public static final String DASHBOARD_POOL_NAME = "motcua-dashboard";

    private final HikariDataSource pool;
    private final Dialect dialect;
    private final boolean readOnly;
    private final Object syncLock = new Object();
    private final java.util.concurrent.atomic.AtomicLong commitsToSync = new java.util.concurrent.atomic.AtomicLong();
    private long syncedUpTo;

    private ServerDatabase(HikariDataSource pool, Dialect dialect, boolean readOnly) {
        this.pool = pool;
        this.dialect = dialect;
        this.readOnly = readOnly;
    }

    /** The embedded default: {@code <dataDir>/motcua-server.mv.db}. */
    public static ServerDatabase embedded(Path dataDir) {
        // RETENTION_TIME: every acknowledged commit is forced with CHECKPOINT SYNC, so H2 need not keep old chunks
        // for 45 s in case the OS had not flushed them (keeping them makes the file balloon under load).
        return connect("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("motcua-server")
                + ";LOCK_TIMEOUT=" + LOCK_TIMEOUT_MS + ";RETENTION_TIME=1000", "motcua", "");
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static ServerDatabase connect(String jdbcUrl, String user, String password) {
        return connect(jdbcUrl, user, password, 16);
    }

    public static ServerDatabase connect(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = poolConfig(jdbcUrl, user, password, poolSize, POOL_NAME);
        if (Dialect.of(jdbcUrl) == Dialect.POSTGRESQL) {
            // One multi-row INSERT per JDBC batch instead of one statement per row: the ingest writes rows in batches.
            config.addDataSourceProperty("reWriteBatchedInserts", "true");
        }
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration")
                    .callbacks(new PortableFunctions()).load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ServerDatabase(pool, Dialect.of(jdbcUrl), false);
    }

    /**
     * A read-only pool on a copy of the database, for the dashboard's reads: in production a PostgreSQL hot standby fed
     * by streaming replication from the primary. Nothing is migrated (a standby cannot be written, and its schema is
     * the primary's); every connection is read-only, so a write sent here by mistake fails instead of going astray.
     */
    public static ServerDatabase readOnly(String jdbcUrl, String user, String password, int poolSize) {
        HikariConfig config = poolConfig(jdbcUrl, user, password, poolSize, DASHBOARD_POOL_NAME);
        config.setReadOnly(true);
        // The replica being down must not stop the server's start (syncing needs only the primary): the pool connects
        // when asked, and the dashboard's pages answer 503 until the replica is back.
        config.setInitializationFailTimeout(-1);
        return new ServerDatabase(new HikariDataSource(config), Dialect.of(jdbcUrl), true);
    }

    private static HikariConfig poolConfig(String jdbcUrl, String user, String password, int poolSize, String name) {
        Dialect dialect = Dialect.of(jdbcUrl);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(poolSize);
        config.setPoolName(name);
        config.setConnectionTimeout(10_000);
        dialect.connectionInitSql().ifPresent(config::setConnectionInitSql);
        if (dialect == Dialect.POSTGRESQL) {
            // Names the pool in pg_stat_activity, so an operator (and the replica's test) sees which pool reads where.
            config.addDataSourceProperty("ApplicationName", name);
        }
        return config;
    }

    /** True for the dashboard's pool on a replica ({@link #readOnly}): {@link Tx} refuses to run writes on it. */
    public boolean isReadOnly() {
        return readOnly;
    }

    public DataSource dataSource() {
        return pool;
    }

    public Dialect dialect() {
        return dialect;
    }

    public Connection connection() throws SQLException {
        return pool.getConnection();
    }

    /**
     * Called after a commit the server is about to acknowledge: on H2, forces the file to disk. Concurrent callers
     * share one {@code CHECKPOINT SYNC} (group commit): a caller whose commit was counted before a checkpoint started
     * is covered by it and returns without forcing again.
     */
    public void afterDurableCommit(Connection c) throws SQLException {
        if (dialect != Dialect.H2) {
            return;
        }
        long mine = commitsToSync.incrementAndGet();
        synchronized (syncLock) {
            if (syncedUpTo >= mine) {
                return;
            }
            long upTo = commitsToSync.get();
            dialect.forceToDisk(c);
            syncedUpTo = upTo;
        }
    }

    /** True when a connection can be had and answers a trivial query. */
    public boolean isUp() {
        try (Connection c = pool.getConnection(); Statement st = c.createStatement()) {
            return st.execute("SELECT 1");
        } catch (SQLException e) {
            return false;
        }
    }

    @Override
    public void close() {
        pool.close();
    }
}
