package org.motcua.sync.internal;

import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.ScannedDocuments;
import org.motcua.store.Store;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.store.sync.DeviceRekeys;
import org.motcua.store.sync.FeedStore;
import org.motcua.store.sync.SyncLedger;
import org.motcua.store.sync.SyncOutbox;
import org.motcua.sync.SyncProblem;

/**
 * What the parts of one device's sync engine share: its store (through the sync facades), clock, keys, HTTP client,
 * the server's limits, the session and the progress board. One per device, so several devices can run in one JVM.
 * Used from the engine's single thread only.
 */
public final class SyncContext implements AutoCloseable {

    private static final System.Logger LOG = System.getLogger(SyncContext.class.getName());

    public final Store store;
    public final SyncOutbox outbox;
    public final SyncLedger ledger;
    public final DeviceEnrolments enrolments;
    public final DeviceRekeys rekeys;
    public final FeedStore feed;
    public final Clock clock;
    /** The desk's scans (in the encrypted store), read by hash to upload or export. */
    public final ScannedDocuments scans;
    public final HttpTransport.Timeouts timeouts;
    public final Progress progress;
    private DeviceKeyring keyring;
    private volatile HttpTransport transport;
    private Limits limits;
    private final Sessions sessions = new Sessions(this);

    /** The upload in progress, for the status's progress bar. */
    public interface Progress {
        void uploading(org.motcua.sync.SyncStatus.Attempt.Kind kind, long sent, long total);

        void done();
    }

    public SyncContext(Store store, Clock clock, HttpTransport.Timeouts timeouts, Progress progress) {
        this.store = store;
        this.outbox = new SyncOutbox(store);
        this.ledger = new SyncLedger(store);
        this.enrolments = new DeviceEnrolments(store);
        this.rekeys = new DeviceRekeys(store);
        this.feed = new FeedStore(store);
        this.clock = clock;
        this.scans = new ScannedDocuments(store);
        this.timeouts = timeouts;
        this.progress = progress;
        this.limits = storedLimits().orElse(Limits.DEFAULTS);
        reloadEnrolment();
    }

    /** Loads the enrolment from the database (after enrolment or re-enrolment) and makes a new pinned client. */
    public void reloadEnrolment() {
        close();
        keyring = enrolments.current().map(e -> DeviceKeyring.of(store.device().deviceId(), e)).orElse(null);
        transport = keyring == null ? null : HttpTransport.pinned(keyring.base(), keyring.ca(), timeouts);
        sessions.invalidate();
    }

    public boolean enrolled() {
        return keyring != null;
    }

    public DeviceKeyring keyring() throws CycleFailure {
        if (keyring == null) {
            throw new CycleFailure(SyncProblem.NOT_ENROLLED, "not enrolled", Optional.empty(), false);
        }
        return keyring;
    }

    public Http http() throws CycleFailure {
        keyring();
        return transport.http();
    }

    public Sessions sessions() {
        return sessions;
    }

    public Limits limits() {
        return limits;
    }

    public void limits(Limits l, byte[] canonical) {
        limits = l;
        ledger.put(SyncLedger.Key.LIMITS, new String(canonical, java.nio.charset.StandardCharsets.UTF_8));
        ledger.put(SyncLedger.Key.LIMITS_READ_AT, now().toString());
    }

    private Optional<Limits> storedLimits() {
        try {
            Optional<String> text = ledger.get(SyncLedger.Key.LIMITS);
            return text.isEmpty() ? Optional.empty()
                    : Optional.of(Limits.read(StrictJson.parse(text.get().getBytes(java.nio.charset.StandardCharsets.UTF_8))));
        } catch (Exception e) {
            LOG.log(System.Logger.Level.WARNING, "stored limits unreadable, using the contract's defaults: " + e.getMessage());
            return Optional.empty();
        }
    }

    public Instant now() {
        return clock.instant();
    }

    /** The desk's local time (for the store, which keeps local times). */
    public LocalDateTime deskNow() {
        return LocalDateTime.ofInstant(now(), org.motcua.store.internal.DeskTime.ZONE);
    }

    /** The desk's time as the wire writes client times (RFC 3339 with +07:00). */
    public String deskNowWire() {
        return WireFormats.time(now().atZone(org.motcua.store.internal.DeskTime.ZONE).toOffsetDateTime());
    }

    /**
     * §12: compare the desk's clock with every verified {@code serverTime}; remember the skew (never rewrite any
     * {@code createdAt}) and the largest server time seen.
     */
    public void sawServerTime(Instant serverTime) {
        Duration skew = Duration.between(serverTime, now());
        ledger.put(SyncLedger.Key.CLOCK_SKEW_MILLIS, Long.toString(skew.toMillis()));
        ledger.raiseServerTime(WireFormats.serverTime(serverTime));
    }

    /** A JSON request body as canonical bytes. */
    public static byte[] canonical(com.fasterxml.jackson.databind.node.ObjectNode doc) {
        return CanonicalJson.write(doc);
    }

    /**
     * A GET with the session's bearer token; a {@code token-invalid} answer gets a new session and one retry.
     *
     * @throws IOException when there is no answer
     */
    public Http.Response bearerGet(String path) throws IOException, CycleFailure {
        return bearer("GET", path, null, null);
    }

    public Http.Response bearer(String method, String path, byte[] body, String contentType) throws IOException, CycleFailure {
        return bearer(method, path, Map.of(), body, contentType);
    }

    public Http.Response bearer(String method, String path, Map<String, String> headers, byte[] body, String contentType)
            throws IOException, CycleFailure {
        return bearer(method, path, headers, body, contentType, Http.MAX_BODY);
    }

    /** A bearer GET whose answer may be up to {@code maxBody} bytes (a blob downloaded by a replacement PC). */
    public Http.Response bearerGet(String path, int maxBody) throws IOException, CycleFailure {
        return bearer("GET", path, Map.of(), null, null, maxBody);
    }

    /**
     * A bearer GET whose 200 or 206 body streams into {@code sink} as it arrives ({@link Http#download}): a product
     * update's file, kept up to the byte where a cut stopped it.
     */
    public Http.Response bearerDownload(String path, Map<String, String> headers, Http.Sink sink)
            throws IOException, CycleFailure {
        for (int attempt = 0; ; attempt++) {
            Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put("Authorization", "Bearer " + sessions.token());
            Http.Response r = http().download(path, h, sink);
            if (r.status() == 401 && attempt == 0 && isTokenInvalid(r)) {
                sessions.invalidate();
                continue;
            }
            return r;
        }
    }

    private Http.Response bearer(String method, String path, Map<String, String> headers, byte[] body, String contentType,
            int maxBody) throws IOException, CycleFailure {
        for (int attempt = 0; ; attempt++) {
            java.util.Map<String, String> h = new java.util.LinkedHashMap<>(headers);
            h.put("Authorization", "Bearer " + sessions.token());
            Http.Response r = http().exchange(method, path, h, body, contentType, null, maxBody);
            if (r.status() == 401 && attempt == 0 && isTokenInvalid(r)) {
                sessions.invalidate();
                continue;
            }
            return r;
        }
    }

    private static boolean isTokenInvalid(Http.Response r) {
        if (r.body().length == 0) {
            String auth = r.header("WWW-Authenticate");
            return auth != null && auth.startsWith("Bearer");  // HEAD answers carry no body
        }
        return ServerProblem.of(r).name().equals("token-invalid");
    }

    /** The device's path prefix, {@code /api/v1/devices/<deviceId>}. */
    public String devicePath() throws CycleFailure {
        return org.motcua.protocol.Protocol.BASE_PATH + "/devices/" + keyring().id();
    }

    /**
     * Cuts the request in flight, if any, from another thread (closing the engine): it fails with an I/O error, like a
     * dropped link, and any later request fails at once. The engine's thread is not interrupted.
     */
    public void abortTransfers() {
        HttpTransport t = transport;
        if (t != null) {
            t.abort();
        }
    }

    @Override
    public void close() {
        if (transport != null) {
            transport.close();
            transport = null;
        }
    }
}
