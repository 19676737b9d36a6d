package org.motcua.server;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;

/**
 * The server's database: an embedded H2 file by default, any JDBC URL (PostgreSQL in production) when
 * configured. The schema is created and upgraded by Flyway from {@code db/migration} at start-up.
 */
public final class ServerDatabase implements AutoCloseable {

    private final HikariDataSource pool;

    private ServerDatabase(HikariDataSource pool) {
        this.pool = pool;
    }

    /** The embedded default: {@code <dataDir>/motcua-server.mv.db}. */
    public static ServerDatabase embedded(Path dataDir) {
        return connect("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("motcua-server"), "motcua", "");
    }

    /** Opens a pool on {@code jdbcUrl} and brings the schema up to date. */
    public static ServerDatabase connect(String jdbcUrl, String user, String password) {
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(jdbcUrl);
        config.setUsername(user);
        config.setPassword(password);
        config.setMaximumPoolSize(8);
        config.setPoolName("motcua-server");
        HikariDataSource pool = new HikariDataSource(config);
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/migration").load().migrate();
        } catch (RuntimeException e) {
            pool.close();
            throw e;
        }
        return new ServerDatabase(pool);
    }

    public DataSource dataSource() {
        return pool;
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
