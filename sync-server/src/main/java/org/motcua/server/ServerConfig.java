package org.motcua.server;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.motcua.protocol.doc.Limits;
import org.motcua.server.lookup.LookupThrottle;

/**
 * What one server instance (or one admin command) runs with: where the database is, how the keystore passphrase is
 * found, the limits it announces and enforces, and the clock. Mutable while it is being set up, then handed to
 * {@link ServerServices}.
 */
public final class ServerConfig {

    /** Requests per minute from one client address (all endpoints); per instance, in memory. */
    public static final int DEFAULT_REQUESTS_PER_MINUTE_PER_ADDRESS = 3000;

    public Path dataDir;
    public String jdbcUrl;
    public String jdbcUser = "motcua";
    public String jdbcPassword = "";
    public int poolSize = 16;
    /**
     * A read replica of {@link #jdbcUrl} (a PostgreSQL hot standby) that the dashboard's and the scores' pages read
     * ({@code --dashboard-jdbc-url}); null: they read the primary like everything else. Its user and password default
     * to the primary's (a streaming replica has the primary's roles).
     */
    public String dashboardJdbcUrl;
    public String dashboardJdbcUser;
    public String dashboardJdbcPassword;
    /** Overrides the environment and the passphrase file (tests, and instances started from code). */
    public char[] keystorePassphrase;
    public Map<String, String> environment = System.getenv();
    public List<String> tlsNames = new ArrayList<>();
    public Limits limits = Limits.DEFAULTS;
    public int requestsPerMinutePerAddress = DEFAULT_REQUESTS_PER_MINUTE_PER_ADDRESS;
    /**
     * Announced as {@code catalogueExpiresAt} (from the time of each page) only while no catalogue has been published;
     * afterwards the latest publication's expiry is announced ({@code publish-catalogue --valid-days}).
     */
    public Duration catalogueLifetime = Duration.ofDays(30);
    public Clock clock = Clock.systemUTC();
    /** Citizens' lookup attempts per address in {@link #lookupWindow}, counted in the database (all instances share it). */
    public int lookupsPerWindow = LookupThrottle.DEFAULT_LIMIT;
    public Duration lookupWindow = LookupThrottle.DEFAULT_WINDOW;
    /**
     * The address citizens reach this server at from the internet ({@code --public-url}), e.g.
     * {@code https://motcua.tinh.gov.vn}; null when the province has none. The server's start announces its lookup
     * page to the desks for the receipt's QR code.
     */
    public String publicBaseUrl;
    /** The keystore passphrase's file when {@code MOTCUA_KEYSTORE_PASSPHRASE} is not set; null: {@code <data>/keystore.passphrase}. */
    public Path passphraseFile;
    /** Where the national portal's records are POSTed; null: only the daily files under {@code <data>/national-export}. */
    public String exportEndpoint;
    /** The session token the export endpoint expects ("" for none); never logged. */
    public String exportSessionToken = "";

    public ServerConfig(Path dataDir) {
        this.dataDir = dataDir;
    }

    public static ServerConfig embedded(Path dataDir) {
        return new ServerConfig(dataDir);
    }

    public ServerConfig jdbc(String url, String user, String password) {
        this.jdbcUrl = url;
        this.jdbcUser = user;
        this.jdbcPassword = password;
        return this;
    }

    /** Sends the dashboard's reads to {@code url} with the primary's user and password. */
    public ServerConfig dashboardReplica(String url) {
        this.dashboardJdbcUrl = url;
        return this;
    }

    public ServerConfig passphrase(String passphrase) {
        this.keystorePassphrase = passphrase.toCharArray();
        return this;
    }

    public ServerConfig limits(Limits limits) {
        this.limits = limits;
        return this;
    }
}
