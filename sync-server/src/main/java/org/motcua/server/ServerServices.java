package org.motcua.server;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Optional;
import org.motcua.protocol.doc.Limits;
import org.motcua.server.accounts.Accounts;
import org.motcua.server.accounts.OfficerLogin;
import org.motcua.server.accounts.OfficerSessions;
import org.motcua.server.api.RateLimiter;
import org.motcua.server.blobs.BlobUploads;
import org.motcua.server.enrol.EnrolmentService;
import org.motcua.server.feed.Feed;
import org.motcua.server.feed.FeedService;
import org.motcua.server.feed.LookupPagePublisher;
import org.motcua.server.restore.DossierHistoryService;
import org.motcua.server.ingest.BatchPipeline;
import org.motcua.server.keys.KeystorePassphrase;
import org.motcua.server.keys.ServerKeyStore;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.lookup.CitizenRatings;
import org.motcua.server.lookup.LookupThrottle;
import org.motcua.server.lookup.ProgressLookup;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.score.ScoreJob;
import org.motcua.server.sessions.RekeyService;
import org.motcua.server.sessions.SessionService;
import org.motcua.server.state.DeviceStateService;
import org.motcua.server.usb.UsbImportService;

/**
 * Everything one server instance (or one admin command) works with, built once from a {@link ServerConfig}: the
 * database (schema migrated), the keys (made on first start), and the plain service classes the HTTP routes and the
 * CLI call.
 */
public final class ServerServices implements AutoCloseable {

    public final ServerConfig config;
    /** The primary: every write, and every read that is not the dashboard's. */
    public final ServerDatabase db;
    /**
     * What the dashboard's and the scores' pages read: a read-only pool on the replica of
     * {@link ServerConfig#dashboardJdbcUrl}, or {@link #db} itself when none is set. A replica lags the primary by the
     * replay delay (normally under a second), which a leader's overview can afford; nothing that writes or must see
     * its own writes (ingest, login, lookup, admin) reads it.
     */
    public final ServerDatabase dashboardDb;
    public final ServerKeys keys;
    public final Limits limits;
    public final EnrolmentService enrolment;
    public final SessionService sessions;
    public final RekeyService rekeys;
    public final BatchPipeline batches;
    public final BlobUploads blobs;
    public final DeviceStateService states;
    public final FeedService feed;
    public final DossierHistoryService history;
    public final UsbImportService usb;
    public final RateLimiter deviceRequests;
    public final RateLimiter deviceBatches;
    public final RateLimiter addressRequests;
    public final RateLimiter addressEnrolments;
    public final Accounts accounts;
    public final OfficerSessions officerSessions;
    public final OfficerLogin officerLogin;
    public final ProgressLookup progressLookup;
    public final CitizenRatings citizenRatings;
    public final LookupThrottle lookupThrottle;
    public final ScoreJob scores;

    private ServerServices(ServerConfig config, ServerDatabase db, ServerDatabase dashboardDb, ServerKeys keys) {
        this.config = config;
        this.db = db;
        this.dashboardDb = dashboardDb;
        this.keys = keys;
        this.limits = config.limits;
        this.enrolment = new EnrolmentService(db, keys, config.clock, limits.maxRequestBytes());
        this.sessions = new SessionService(db, keys, config.clock, limits);
        this.rekeys = new RekeyService(db, keys, config.clock, limits);
        this.batches = new BatchPipeline(db, keys, limits, config.clock);
        this.blobs = new BlobUploads(db, limits, config.clock);
        this.states = new DeviceStateService(db, keys, config.clock);
        this.feed = new FeedService(db, keys, config.clock, limits, config.catalogueLifetime);
        this.history = new DossierHistoryService(db, keys, config.clock);
        this.usb = new UsbImportService(this);
        Limits.RateLimits rates = limits.rateLimits();
        this.deviceRequests = new RateLimiter("requests of one device", rates.requestsPerMinute(), Duration.ofMinutes(1), config.clock);
        this.deviceBatches = new RateLimiter("batches of one device", rates.batchesPerMinute(), Duration.ofMinutes(1), config.clock);
        this.addressRequests = new RateLimiter("requests from one address", config.requestsPerMinutePerAddress,
                Duration.ofMinutes(1), config.clock);
        this.addressEnrolments = new RateLimiter("enrolment attempts from one address",
                rates.enrolmentAttemptsPerHourPerAddress(), Duration.ofHours(1), config.clock);
        this.accounts = new Accounts(db, config.clock);
        this.officerSessions = new OfficerSessions(db, config.clock);
        this.officerLogin = new OfficerLogin(db, config.clock);
        this.progressLookup = new ProgressLookup(db, config.clock);
        this.citizenRatings = new CitizenRatings(db, progressLookup, config.clock);
        this.lookupThrottle = new LookupThrottle(db, config.clock, config.lookupsPerWindow, config.lookupWindow);
        this.scores = new ScoreJob(db, config.clock);
    }

    /**
     * Announces the lookup page of {@link ServerConfig#publicBaseUrl} (or its absence) to the desks when it changed. Only
     * the server's start calls this, not the admin commands, which open the same database without that setting.
     */
    public boolean publishLookupPage() throws Rejection {
        Optional<String> url = Optional.ofNullable(config.publicBaseUrl).map(LookupPagePublisher::lookupUrl);
        return Tx.durable(db, c -> LookupPagePublisher.publish(c, url, config.clock.instant()));
    }

    /** Opens the database (migrating it), then loads or makes the keys and the feed. */
    public static ServerServices open(ServerConfig config) {
        ServerDatabase db = openDatabase(config);
        ServerDatabase dashboardDb = db;
        try {
            dashboardDb = openDashboardDatabase(config, db);
            char[] passphrase = config.keystorePassphrase != null ? config.keystorePassphrase
                    : KeystorePassphrase.resolve(config.environment, config.passphraseFile != null ? config.passphraseFile
                            : config.dataDir.resolve(KeystorePassphrase.FILE_NAME));
            ServerKeys keys = new ServerKeyStore(db, passphrase, config.clock).load(config.tlsNames);
            Tx.durable(db, c -> {
                Feed.init(c);
                return null;
            });
            return new ServerServices(config, db, dashboardDb, keys);
        } catch (RuntimeException | Rejection e) {
            if (dashboardDb != db) {
                dashboardDb.close();
            }
            db.close();
            throw e instanceof RuntimeException r ? r : new IllegalStateException(e.getMessage(), e);
        }
    }

    private static ServerDatabase openDatabase(ServerConfig config) {
        if (config.jdbcUrl != null) {
            return ServerDatabase.connect(config.jdbcUrl, config.jdbcUser, config.jdbcPassword, config.poolSize);
        }
        try {
            Files.createDirectories(config.dataDir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the data directory " + config.dataDir, e);
        }
        return ServerDatabase.embedded(config.dataDir);
    }

    private static ServerDatabase openDashboardDatabase(ServerConfig config, ServerDatabase primary) {
        if (config.dashboardJdbcUrl == null) {
            return primary;
        }
        if (config.jdbcUrl == null) {
            throw new IllegalArgumentException("dashboard.jdbc-url is a replica of the PostgreSQL database of jdbc.url, "
                    + "which is not set (the embedded database has no replica)");
        }
        // The dashboard's pages are few and read-only: a quarter of the main pool, at least 2.
        return ServerDatabase.readOnly(config.dashboardJdbcUrl,
                config.dashboardJdbcUser != null ? config.dashboardJdbcUser : config.jdbcUser,
                config.dashboardJdbcPassword != null ? config.dashboardJdbcPassword : config.jdbcPassword,
                Math.max(2, config.poolSize / 4));
    }

    @Override
    public void close() {
        scores.close();
        if (dashboardDb != db) {
            dashboardDb.close();
        }
        db.close();
    }
}
