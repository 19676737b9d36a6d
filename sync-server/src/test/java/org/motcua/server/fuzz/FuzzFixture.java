package org.motcua.server.fuzz;

import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.server.SyncServer;
import org.motcua.server.accounts.Role;
import org.motcua.server.audit.Actor;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.LookupDossiers;
import org.motcua.server.testing.MutableClock;
import org.motcua.server.testing.ReleaseFolder;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;
import org.motcua.server.testing.WebClient;
import org.motcua.server.updates.ReleasePublisher;

/**
 * The world the fuzzer attacks: a real server on loopback (an H2 file or PostgreSQL) with rate limits out of the way (a
 * 429 would hide the code behind it), an enrolled device with a stored batch, a blob and a live token, tokens that are
 * expired or belong to another unit, officers signed in (admin, commune officer) and signed-in sessions to spend on
 * {@code /logout}, and a dossier the citizen's lookup finds. Every generated request starts from these real values.
 */
public final class FuzzFixture implements AutoCloseable {

    public static final String PASSWORD = "mật-khẩu-đủ-dài-1";
    /** The account the login form's cases aim at; it may get locked, nobody else needs it. */
    static final String LOGIN_TARGET = "fuzz-login";
    /** The account and device the admin forms' cases may change (disable, new password, revoke), nobody else needs them. */
    static final String VICTIM_ACCOUNT = "fuzz-victim";

    /** A signed-in officer: the session cookie and the session's CSRF token. */
    record Officer(String cookie, String csrf) {
    }

    public final TestServer server;
    public final MutableClock clock;
    final TestDevice device;
    final TestDevice otherUnit;
    final String victimDeviceId;
    final String token;
    final String expiredToken;
    final String otherUnitToken;
    final byte[] batchCanonical;
    final String batchId;
    final byte[] blob = "%PDF-1.7 fuzz scan\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
    final String blobSha;
    /** A file of a published desk release, which the product files route serves (by range, too). */
    final String productSha;
    final byte[] enrolmentBody;
    final String enrolmentMac;
    final EnrolmentCode enrolmentCode;
    final Officer admin;
    final Officer communeOfficer;
    final Officer expiredOfficer;
    final List<Officer> spareSessions = new ArrayList<>();
    private final java.util.concurrent.atomic.AtomicInteger spareTurn = new java.util.concurrent.atomic.AtomicInteger();
    final String loginFormToken;
    final String lookupCode;
    final String lookupDossierId;
    final String lookupToken;
    final String lookupFormToken;

    private FuzzFixture(Backend backend, Path dir) {
        clock = new MutableClock(Instant.now());
        server = TestServer.start(backend, dir, c -> {
            c.clock = clock;
            c.limits = unthrottled();
            c.requestsPerMinutePerAddress = 10_000_000;
            c.lookupsPerWindow = 10_000_000;
        });
        try {
            var accounts = server.services.accounts;
            device = TestDevice.enrol(server);
            otherUnit = TestDevice.enrol(server);
            victimDeviceId = TestDevice.enrol(server).deviceId;
            accounts.create(Actor.cli(), "fuzz-admin", "Nguyễn Văn Quản", Role.PROVINCE_ADMIN, null, PASSWORD.toCharArray());
            accounts.create(Actor.cli(), "fuzz-officer", "Lê Văn Xã", Role.COMMUNE_OFFICER, device.unitCode, PASSWORD.toCharArray());
            accounts.create(Actor.cli(), LOGIN_TARGET, "Trần Thị Đích", Role.PROVINCE_LEADER, null, PASSWORD.toCharArray());
            accounts.create(Actor.cli(), VICTIM_ACCOUNT, "Phạm Văn Thử", Role.COMMUNE_OFFICER, device.unitCode, PASSWORD.toCharArray());

            // Yesterday's token and web session: expired once the clock moves past the session lifetime.
            expiredToken = device.newToken(clock.instant());
            expiredOfficer = login("fuzz-admin");
            clock.advance(Duration.ofDays(2));
            token = device.newToken(clock.instant());
            otherUnitToken = otherUnit.newToken(clock.instant());
            admin = login("fuzz-admin");
            communeOfficer = login("fuzz-officer");
            for (int i = 0; i < 4; i++) {
                spareSessions.add(login("fuzz-admin"));
            }
            WebClient anonymous = new WebClient(server.baseUrl);
            anonymous.get("/login");
            loginFormToken = anonymous.cookies.get("motcua_login");

            // A stored batch (its replay answers the stored receipt) and a stored blob.
            Chain chain = new Chain(device.deviceId);
            device.upload(blob, blob.length);
            blobSha = Sha256.hex(blob);
            Batch batch = device.batch(chain, device.receptionWithAction(chain, blobSha, 1));
            batchCanonical = batch.canonical();
            batchId = batch.batchId();
            Http.Answer sent = device.send(batch);
            if (sent.status() != 200) {
                throw new AssertionError("fixture batch refused: " + sent.status() + " " + sent.text());
            }

            // A desk release, so the product files route has a real file to serve.
            ReleaseFolder release = new ReleaseFolder(dir.resolve("product-repository")).file("org.motcua.core_0.2.0.jar", 5000, 1);
            release.release("0.2.0.202612010900", ReleaseFolder.LINUX, List.of("plugins/org.motcua.core_0.2.0.jar"));
            new ReleasePublisher(server.services.db, clock, Actor.cli()).publish(release.dir, false);
            productSha = Sha256.hex(release.bytes("plugins/org.motcua.core_0.2.0.jar"));

            // An enrolment request with a good MAC, under a code that stays unused unless a case gets it right.
            enrolmentCode = device.newCode(null);
            enrolmentBody = device.enrolmentRequest(enrolmentCode, DeviceKeys.generate(), Optional.empty());
            enrolmentMac = B64u.encode(Macs.hmacSha256(enrolmentCode.macKey(), enrolmentBody));

            lookupToken = "FUZZ1234";
            LookupDossiers.Made made = new LookupDossiers(server).dossier(lookupToken, true);
            lookupCode = made.code();
            lookupDossierId = made.dossierId();
            WebClient citizen = new WebClient(server.baseUrl);
            citizen.get("/tra-cuu?code=" + lookupCode + "&token=" + lookupToken);
            lookupFormToken = citizen.cookies.get("motcua_lookup");
        } catch (RuntimeException | Error e) {
            server.close();
            throw e;
        } catch (Exception e) {
            server.close();
            throw new IllegalStateException(e);
        }
    }

    public static FuzzFixture start(Backend backend, Path dir) {
        return new FuzzFixture(backend, dir);
    }

    /** The contract's limits with every rate raised out of the way. */
    private static Limits unthrottled() {
        Limits l = Limits.DEFAULTS;
        return new Limits(l.maxBatchWireBytes(), l.maxBatchBytes(), l.maxBatchEvents(), l.maxEventPayloadBytes(), l.maxInflateRatio(),
                l.maxSignatureHeaderBytes(), l.maxRequestBytes(), l.maxBlobBytes(), l.maxChunkBytes(), l.recommendedChunkBytes(),
                l.recommendedBatchWireBytes(), l.maxMissingQueryHashes(), l.maxUpdatesPageItems(), l.maxUsbFileBytes(),
                l.sessionTtlSeconds(), l.partialUploadTtlDays(), l.clockSkewToleranceSeconds(), l.maxEpochOpensPer30Days(),
                new Limits.RateLimits(1_000_000, 1_000_000, 1_000_000));
    }

    private Officer login(String username) {
        WebClient web = new WebClient(server.baseUrl);
        WebClient.Page p = web.login(username, PASSWORD);
        if (p.status() != 303) {
            throw new AssertionError("fixture login failed: " + p.status());
        }
        String cookie = web.cookies.get("motcua_session");
        String csrf = web.get("/").csrf();
        return new Officer(cookie, csrf);
    }

    /** Spare sessions are spent on {@code /logout} in turn; once all are ended they stand for ended sessions. */
    int nextSpare() {
        return spareTurn.getAndIncrement() % spareSessions.size();
    }

    /** Every route of the running server, from Javalin's registry. */
    public List<SyncServer.Route> routes() {
        return server.server.routes();
    }

    /** A real value for a path parameter: the fixture's own, or, on admin forms, the ones the fuzzer may change. */
    String pathValue(String template, String param) {
        boolean admin = template.startsWith("/admin/");
        return switch (param) {
            case "deviceId" -> admin ? victimDeviceId : device.deviceId;
            case "batchId" -> batchId;
            case "sha256" -> template.startsWith("/api/v1/product/") ? productSha : blobSha;
            case "unit" -> device.unitCode;
            case "username" -> VICTIM_ACCOUNT;
            case "dossierId" -> lookupDossierId;
            case "name" -> "app.css";
            default -> "x";
        };
    }

    /** 16 random bytes in b64u, as the signed reads want. */
    static String nonce() {
        byte[] n = new byte[16];
        new SecureRandom().nextBytes(n);
        return B64u.encode(n);
    }

    /** What must never appear in a log: passwords, bearer and session tokens, CSRF tokens, codes and their MACs. */
    public List<String> secrets() {
        List<String> s = new ArrayList<>(List.of(PASSWORD, token, expiredToken, otherUnitToken, loginFormToken, lookupToken,
                lookupFormToken, enrolmentMac, enrolmentCode.grouped(), enrolmentCode.grouped().replace("-", "").substring(8)));
        for (Officer o : List.of(admin, communeOfficer, expiredOfficer)) {
            s.add(o.cookie());
            s.add(o.csrf());
        }
        spareSessions.forEach(o -> s.add(o.cookie()));
        return s;
    }

    @Override
    public void close() {
        server.close();
    }
}
