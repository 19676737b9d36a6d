package org.motcua.server;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.stream.Collectors;

/**
 * The server's settings from four places, the first that has a value winning: the command line, the environment
 * ({@code MOTCUA_*}), a properties file ({@code --config FILE}), the defaults. A province keeps its settings in the
 * file (under configuration management), overrides one per host or container with the environment, and one per run on
 * the command line. Secrets (database password, export session token) never come from the command line, where every
 * user of the machine can read them in the process list.
 */
public final class ServerSettings {

    /** Every setting: its key in the file, its environment variable, whether the command line may give it. */
    public enum Key {
        DATA_DIR("data.dir", "MOTCUA_DATA_DIR", true),
        JDBC_URL("jdbc.url", "MOTCUA_JDBC_URL", true),
        JDBC_USER("jdbc.user", "MOTCUA_JDBC_USER", true),
        /** The environment variable's name can be changed with {@code --jdbc-password-env}. */
        JDBC_PASSWORD("jdbc.password", "MOTCUA_DB_PASSWORD", false),
        JDBC_POOL_SIZE("jdbc.pool-size", "MOTCUA_JDBC_POOL_SIZE", false),
        /** A read replica (hot standby) of jdbc.url for the dashboard's reads; user and password default to jdbc.*. */
        DASHBOARD_JDBC_URL("dashboard.jdbc-url", "MOTCUA_DASHBOARD_JDBC_URL", true),
        DASHBOARD_JDBC_USER("dashboard.jdbc-user", "MOTCUA_DASHBOARD_JDBC_USER", true),
        DASHBOARD_JDBC_PASSWORD("dashboard.jdbc-password", "MOTCUA_DASHBOARD_DB_PASSWORD", false),
        HTTP_HOST("http.host", "MOTCUA_HOST", true),
        HTTP_PORT("http.port", "MOTCUA_PORT", true),
        TLS_HOST("tls.host", "MOTCUA_TLS_HOST", true),
        TLS_PORT("tls.port", "MOTCUA_TLS_PORT", true),
        /** Comma-separated in the file and the environment; {@code --tls-name} repeated on the command line. */
        TLS_NAMES("tls.names", "MOTCUA_TLS_NAMES", true),
        KEYSTORE_PASSPHRASE_FILE("keystore.passphrase-file", "MOTCUA_KEYSTORE_PASSPHRASE_FILE", true),
        LIMITS_FILE("limits.file", "MOTCUA_LIMITS_FILE", true),
        PUBLIC_URL("public.url", "MOTCUA_PUBLIC_URL", true),
        EXPORT_ENDPOINT("export.endpoint", "MOTCUA_EXPORT_ENDPOINT", true),
        /** A file holding the token (file setting) or the token itself (environment). */
        EXPORT_SESSION_TOKEN_FILE("export.session-token-file", null, false),
        EXPORT_SESSION_TOKEN(null, "MOTCUA_EXPORT_SESSION_TOKEN", false);

        public final String property;
        public final String env;
        public final boolean onCommandLine;

        Key(String property, String env, boolean onCommandLine) {
            this.property = property;
            this.env = env;
            this.onCommandLine = onCommandLine;
        }

        static Optional<Key> ofProperty(String name) {
            return Arrays.stream(values()).filter(k -> name.equals(k.property)).findFirst();
        }
    }

    /** Where a value came from. */
    public enum Source {
        COMMAND_LINE, ENVIRONMENT, FILE, DEFAULT
    }

    private final Map<Key, String> commandLine;
    private final Map<Key, String> environment = new EnumMap<>(Key.class);
    private final Map<Key, String> file;

    private ServerSettings(Map<Key, String> commandLine, Map<String, String> env, String passwordEnv, Map<Key, String> file) {
        this.commandLine = new EnumMap<>(Key.class);
        commandLine.forEach((k, v) -> {
            if (v != null) {
                this.commandLine.put(k, v);
            }
        });
        for (Key k : Key.values()) {
            String name = k == Key.JDBC_PASSWORD && passwordEnv != null ? passwordEnv : k.env;
            String v = name == null ? null : env.get(name);
            if (v != null && !v.isBlank()) {
                environment.put(k, v.strip());
            }
        }
        this.file = file;
    }

    /**
     * @param commandLine  the options given on the command line (absent or null: not given)
     * @param env          the process environment
     * @param passwordEnv  the variable holding the database password (null: {@code MOTCUA_DB_PASSWORD})
     * @param configFile   the properties file, or null
     */
    public static ServerSettings load(Map<Key, String> commandLine, Map<String, String> env, String passwordEnv, Path configFile) {
        for (Key k : commandLine.keySet()) {
            if (!k.onCommandLine && commandLine.get(k) != null) {
                throw new IllegalArgumentException(k + " cannot be given on the command line");
            }
        }
        return new ServerSettings(commandLine, env, passwordEnv, configFile == null ? Map.of() : readFile(configFile));
    }

    /** Reads a properties file (UTF-8); an unknown key is refused, so a misspelt setting never goes unnoticed. */
    static Map<Key, String> readFile(Path path) {
        Properties p = new Properties();
        try (InputStream in = Files.newInputStream(path)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new IllegalArgumentException("cannot read the configuration file " + path + ": " + e.getMessage());
        }
        Map<Key, String> out = new EnumMap<>(Key.class);
        for (String name : p.stringPropertyNames()) {
            Key k = Key.ofProperty(name).orElseThrow(() -> new IllegalArgumentException("unknown setting '" + name + "' in " + path
                    + "; known: " + Arrays.stream(Key.values()).map(x -> x.property).filter(x -> x != null)
                            .collect(Collectors.joining(", "))));
            String v = p.getProperty(name).strip();
            if (!v.isEmpty()) {
                out.put(k, v);
            }
        }
        return out;
    }

    public Optional<String> get(Key k) {
        return Optional.ofNullable(commandLine.get(k)).or(() -> Optional.ofNullable(environment.get(k)))
                .or(() -> Optional.ofNullable(file.get(k)));
    }

    public String get(Key k, String defaultValue) {
        return get(k).orElse(defaultValue);
    }

    public int integer(Key k, int defaultValue) {
        String v = get(k).orElse(null);
        if (v == null) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(k.property + " must be a whole number, not '" + v + "' (from " + source(k) + ")");
        }
    }

    public Source source(Key k) {
        return commandLine.containsKey(k) ? Source.COMMAND_LINE : environment.containsKey(k) ? Source.ENVIRONMENT
                : file.containsKey(k) ? Source.FILE : Source.DEFAULT;
    }
}
