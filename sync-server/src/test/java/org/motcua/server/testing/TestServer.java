package org.motcua.server.testing;

import java.nio.file.Path;
import java.util.function.Consumer;
import org.motcua.server.ServerConfig;
import org.motcua.server.ServerServices;
import org.motcua.server.SyncServer;
import org.motcua.server.audit.Actor;
import org.motcua.server.registry.DeviceAdmin;

/** A real server on an ephemeral loopback port, on an H2 file in a temporary directory or a fresh PostgreSQL database. */
public final class TestServer implements AutoCloseable {

    public static final String PASSPHRASE = "test-keystore-passphrase";

    public final ServerConfig config;
    public final ServerServices services;
    public final SyncServer server;
    public final String baseUrl;
    public final Backend backend;

    private TestServer(Backend backend, ServerConfig config) {
        this.backend = backend;
        this.config = config;
        this.services = ServerServices.open(config);
        try {
            this.server = new SyncServer(services).start("127.0.0.1", 0);
        } catch (RuntimeException e) {
            services.close();
            throw e;
        }
        this.baseUrl = "http://127.0.0.1:" + server.port();
    }

    public static TestServer start(Backend backend, Path dataDir) {
        return start(backend, dataDir, c -> {
        });
    }

    public static TestServer start(Backend backend, Path dataDir, Consumer<ServerConfig> tweak) {
        ServerConfig config = ServerConfig.embedded(dataDir).passphrase(PASSPHRASE);
        if (backend == Backend.POSTGRESQL) {
            config.jdbc(PostgresCluster.get().newDatabase("motcua"), PostgresCluster.USER, "");
            config.poolSize = 8;
        }
        tweak.accept(config);
        return new TestServer(backend, config);
    }

    /** A server on an existing PostgreSQL database (a benchmark's cached one), migrated on start as any other. */
    public static TestServer onPostgres(String jdbcUrl, Path dataDir, Consumer<ServerConfig> tweak) {
        ServerConfig config = ServerConfig.embedded(dataDir).passphrase(PASSPHRASE).jdbc(jdbcUrl, PostgresCluster.USER, "");
        config.poolSize = 8;
        tweak.accept(config);
        return new TestServer(Backend.POSTGRESQL, config);
    }

    /** A second instance on this one's database (PostgreSQL only: an H2 file has one owner). */
    public TestServer sibling() {
        ServerConfig c = ServerConfig.embedded(config.dataDir).passphrase(PASSPHRASE).jdbc(config.jdbcUrl, config.jdbcUser,
                config.jdbcPassword);
        c.poolSize = config.poolSize;
        c.limits = config.limits;
        return new TestServer(backend, c);
    }

    public DeviceAdmin admin() {
        return new DeviceAdmin(services.db, config.clock, Actor.cli());
    }

    public String url(String path) {
        return baseUrl + path;
    }

    @Override
    public void close() {
        server.close();
        services.close();
    }
}
