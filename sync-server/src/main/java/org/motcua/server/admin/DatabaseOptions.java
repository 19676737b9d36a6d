package org.motcua.server.admin;

import java.nio.file.Path;
import org.motcua.server.ServerConfig;
import picocli.CommandLine.Option;

/** The options that say which database (and keystore passphrase file) a command works on: the same for all of them. */
public final class DatabaseOptions {

    @Option(names = "--data", defaultValue = "${user.home}/.motcua/server",
            description = "Directory of the embedded H2 database and of keystore.passphrase (default: ${DEFAULT-VALUE}).")
    public Path dataDir;

    @Option(names = "--jdbc-url", description = "Use this database instead of the embedded one, e.g. a PostgreSQL URL.")
    public String jdbcUrl;

    @Option(names = "--jdbc-user", defaultValue = "motcua", description = "Database user with --jdbc-url.")
    public String jdbcUser;

    @Option(names = "--jdbc-password-env", defaultValue = "MOTCUA_DB_PASSWORD",
            description = "Environment variable holding the database password (never on the command line).")
    public String jdbcPasswordEnv;

    public ServerConfig config() {
        ServerConfig config = ServerConfig.embedded(dataDir);
        if (jdbcUrl != null) {
            config.jdbc(jdbcUrl, jdbcUser, System.getenv().getOrDefault(jdbcPasswordEnv, ""));
        }
        return config;
    }
}
