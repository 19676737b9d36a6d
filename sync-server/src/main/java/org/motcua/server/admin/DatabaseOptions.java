package org.motcua.server.admin;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.Map;
import org.motcua.server.ServerConfig;
import org.motcua.server.ServerSettings;
import org.motcua.server.ServerSettings.Key;
import org.motcua.server.keys.KeystorePassphrase;
import picocli.CommandLine.Option;

/**
 * The options every command shares: the configuration file and what says which database (and keystore passphrase) a
 * command works on. Each may also come from the environment or the file ({@link ServerSettings}: command line, then
 * environment, then file, then the default).
 */
public final class DatabaseOptions {

    public static final String DEFAULT_DATA_DIR = System.getProperty("user.home") + "/.motcua/server";

    private final Map<String, String> environment;

    public DatabaseOptions() {
        this(System.getenv());
    }

    /** Options reading {@code environment} instead of the process's (tests, and {@code SyncServerMain.commandLine(env)}). */
    public DatabaseOptions(Map<String, String> environment) {
        this.environment = environment;
    }

    @Option(names = "--config", paramLabel = "FILE",
            description = "A properties file of settings (README lists them); the environment (MOTCUA_*) and the command line override it.")
    public Path configFile;

    @Option(names = "--data", paramLabel = "DIR",
            description = "Directory of the embedded H2 database, keystore.passphrase and the national-export files "
                    + "(env MOTCUA_DATA_DIR, file data.dir; default: ~/.motcua/server).")
    public Path dataDir;

    @Option(names = "--jdbc-url", description = "Use this database instead of the embedded one, e.g. a PostgreSQL URL "
            + "(env MOTCUA_JDBC_URL, file jdbc.url).")
    public String jdbcUrl;

    @Option(names = "--jdbc-user", description = "Database user with --jdbc-url (env MOTCUA_JDBC_USER, file jdbc.user; default: motcua).")
    public String jdbcUser;

    @Option(names = "--jdbc-password-env", defaultValue = "MOTCUA_DB_PASSWORD",
            description = "Environment variable holding the database password (never on the command line; file jdbc.password; "
                    + "default: ${DEFAULT-VALUE}).")
    public String jdbcPasswordEnv;

    @Option(names = "--keystore-passphrase-file", paramLabel = "FILE",
            description = "File holding the passphrase of the server's keystore (env MOTCUA_KEYSTORE_PASSPHRASE_FILE, file "
                    + "keystore.passphrase-file; default: keystore.passphrase in the data directory). MOTCUA_KEYSTORE_PASSPHRASE, "
                    + "the passphrase itself, goes before any file.")
    public Path passphraseFile;

    /** The settings with this command's options and {@code more} (the server's own options) on the command line. */
    public ServerSettings settings(Map<Key, String> more) {
        Map<Key, String> cli = new EnumMap<>(Key.class);
        put(cli, Key.DATA_DIR, dataDir);
        put(cli, Key.JDBC_URL, jdbcUrl);
        put(cli, Key.JDBC_USER, jdbcUser);
        put(cli, Key.KEYSTORE_PASSPHRASE_FILE, passphraseFile);
        more.forEach((k, v) -> put(cli, k, v));
        return ServerSettings.load(cli, environment, jdbcPasswordEnv, configFile);
    }

    public ServerConfig config() {
        return config(settings(Map.of()));
    }

    /** The configuration of one instance or admin command from {@code s}. */
    public ServerConfig config(ServerSettings s) {
        ServerConfig config = ServerConfig.embedded(Path.of(s.get(Key.DATA_DIR, DEFAULT_DATA_DIR)));
        config.environment = environment;
        s.get(Key.JDBC_URL).ifPresent(url -> config.jdbc(url, s.get(Key.JDBC_USER, "motcua"), s.get(Key.JDBC_PASSWORD, "")));
        config.poolSize = s.integer(Key.JDBC_POOL_SIZE, config.poolSize);
        if (config.poolSize < 2 || config.poolSize > 500) {
            throw new IllegalArgumentException("jdbc.pool-size must be between 2 and 500, not " + config.poolSize);
        }
        config.passphraseFile = Path.of(s.get(Key.KEYSTORE_PASSPHRASE_FILE,
                config.dataDir.resolve(KeystorePassphrase.FILE_NAME).toString()));
        config.publicBaseUrl = s.get(Key.PUBLIC_URL).orElse(null);
        config.exportEndpoint = s.get(Key.EXPORT_ENDPOINT).orElse(null);
        config.exportSessionToken = s.get(Key.EXPORT_SESSION_TOKEN)
                .or(() -> s.get(Key.EXPORT_SESSION_TOKEN_FILE).map(DatabaseOptions::secretFrom)).orElse("");
        return config;
    }

    private static String secretFrom(String file) {
        try {
            return Files.readString(Path.of(file)).strip();
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the export session token file " + file);
        }
    }

    private static void put(Map<Key, String> cli, Key k, Object v) {
        if (v != null) {
            cli.put(k, v.toString());
        }
    }
}
