package org.motcua.sync;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import org.apache.hc.core5.http.ClassicHttpRequest;
import org.apache.hc.core5.http.ClassicHttpResponse;
import org.apache.hc.core5.http.ContentType;
import org.apache.hc.core5.http.Header;
import org.apache.hc.core5.http.impl.bootstrap.HttpServer;
import org.apache.hc.core5.http.impl.bootstrap.ServerBootstrap;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.io.entity.ByteArrayEntity;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.io.CloseMode;
import org.apache.hc.core5.util.Timeout;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.protocol.doc.EnrolmentResponse;
import org.motcua.protocol.doc.Health;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.Session;
import org.motcua.protocol.doc.SessionRequest;
import org.motcua.protocol.doc.Updates;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.io.BoundedInflater;
import org.motcua.protocol.json.StrictJson;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;

/**
 * A fake province server for the client's tests: real HTTP (or HTTPS) on loopback with HttpCore 5's classic server,
 * real signatures with keys from {@link CertificateProfiles}, and just enough of the contract (§6, §7) to play the
 * other side. Hooks let a test make it misbehave in the ways §16's client cases name: a tampered receipt, a state with
 * another nonce, an answer lost after the commit, a response signer not from the pinned CA.
 */
final class FakeProvince implements AutoCloseable {

    static final String UNIT = "000.00.01.H99";
    static final String UNIT_NAME = "UBND xã Mẫu (tỉnh Mẫu)";
    private static final Pattern DEVICE = Pattern.compile(Protocol.BASE_PATH + "/devices/([0-9a-f-]{36})(/.*)?");

    final CertificateProfiles.Issued ca;
    volatile CertificateProfiles.Issued responseSigner;
    final CertificateProfiles.Issued tls;
    private final HttpServer server;
    private final boolean https;
    final FakeLedger ledger = new FakeLedger();
    final Map<String, byte[]> codes = new ConcurrentHashMap<>();           // codeId → macKey
    final Map<String, byte[][]> usedCodes = new ConcurrentHashMap<>();     // codeId → {request, response}
    volatile X509Certificate deviceCert;
    volatile String deviceId;
    volatile int deviceNumber = 3;
    volatile boolean revoked;
    final Map<String, String> tokens = new ConcurrentHashMap<>();          // token → deviceId
    final Set<String> blobs = ConcurrentHashMap.newKeySet();
    final Map<String, byte[]> partial = new ConcurrentHashMap<>();
    final Map<String, Integer> blobSizes = new ConcurrentHashMap<>();
    final List<String> requests = new CopyOnWriteArrayList<>();
    final List<Updates.Item> feed = new CopyOnWriteArrayList<>();
    /** Rekey (§6.2): committed renewals, superseded certificates, every request received, and its faults. */
    final FakeRekeys rekeys = new FakeRekeys(this);
    volatile String feedId = "8d1c7a0e-3b2f-4e6d-9a8c-1f0e2d3c4b5a";

    // --- faults ----------------------------------------------------------------------------------------------
    /** Changes a receipt before it is signed and sent (the stored one stays correct). */
    volatile UnaryOperator<Receipt> receiptOnTheWire;
    /** Signs what goes out with this instead of the response signer (a rogue certificate). */
    volatile CertificateProfiles.Issued wireSigner;
    /** The next N batch answers are delayed this long after the commit (the client times out first). */
    volatile Duration answerDelay = Duration.ZERO;
    volatile int delayedAnswers;
    /** The receipt's signature is damaged on the way (one byte of the DER flipped). */
    volatile boolean corruptReceiptSignature;
    /** Offsets of the PATCH requests received, in order. */
    final List<Long> patchOffsets = new CopyOnWriteArrayList<>();
    /** The state answers with this nonce instead of the one asked for. */
    volatile byte[] stateNonce;
    /** Overrides the state's acked tail (ackedSeq, ackedHash), e.g. to claim a fork. */
    volatile Object[] stateTail;
    /** The next batch answers with this problem instead of processing it. */
    volatile Problem nextBatchProblem;
    /** Every updates page is changed by this before signing. */
    volatile UnaryOperator<Updates> pageOnTheWire;

    FakeProvince(boolean https) throws Exception {
        this(https, false);
    }

    /** @param foreignTls serve TLS with a certificate from another CA than the one enrolment hands out (interception) */
    FakeProvince(boolean https, boolean foreignTls) throws Exception {
        this(https, foreignTls, List.of("127.0.0.1", "localhost"));
    }

    /** @param tlsNames the names the TLS certificate lists (SAN) */
    FakeProvince(boolean https, boolean foreignTls, List<String> tlsNames) throws Exception {
        Instant now = Instant.now();
        this.ca = CertificateProfiles.newCa("MotCua test province", now);
        this.responseSigner = CertificateProfiles.responseSigner(ca, now, 365);
        CertificateProfiles.Issued tlsIssuer = foreignTls ? CertificateProfiles.newCa("Someone in the middle", now) : ca;
        this.tls = CertificateProfiles.tlsServer(tlsIssuer, tlsNames, now, 365);
        this.https = https;
        ServerBootstrap b = ServerBootstrap.bootstrap().setLocalAddress(InetAddress.getLoopbackAddress()).setListenerPort(0)
                .setCanonicalHostName("127.0.0.1")
                .setSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.ofSeconds(30)).build())
                .register("*", (req, resp, ctx) -> handle(req, resp));
        if (https) {
            b.setSslContext(serverTls(tls, tlsIssuer));
        }
        server = b.create();
        server.start();
    }

    /** A TLS context serving {@code cert} (issued by {@code issuer}). */
    static SSLContext serverTls(CertificateProfiles.Issued cert, CertificateProfiles.Issued issuer) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("tls", cert.key(), "x".toCharArray(), new X509Certificate[] {cert.certificate(), issuer.certificate()});
        KeyManagerFactory kmf = KeyManagerFactory.getInstance("PKIX");
        kmf.init(ks, "x".toCharArray());
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(kmf.getKeyManagers(), null, null);
        return ctx;
    }

    URI baseUrl() {
        return URI.create((https ? "https" : "http") + "://127.0.0.1:" + server.getLocalPort());
    }

    /** A new enrolment code for this province's unit; the test types it into the desk. */
    String newCode() {
        EnrolmentCode code = EnrolmentCode.generate();
        codes.put(code.codeId(), code.macKey());
        return code.grouped();
    }

    long batchPosts(String batchId) {
        return ledger.postsPerBatch.getOrDefault(batchId, 0);
    }

    long requestsTo(String pathPart) {
        return requests.stream().filter(r -> r.contains(pathPart)).count();
    }

    // --- routing ----------------------------------------------------------------------------------------------

    private void handle(ClassicHttpRequest req, ClassicHttpResponse resp) throws IOException {
        String path = req.getPath();
        String query = "";
        int q = path.indexOf('?');
        if (q >= 0) {
            query = path.substring(q + 1);
            path = path.substring(0, q);
        }
        requests.add(req.getMethod() + " " + path);
        byte[] body = req.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(req.getEntity());
        resp.setHeader("Cache-Control", "no-store");
        try {
            if (path.equals(Protocol.BASE_PATH + "/health")) {
                json(resp, 200, Health.of("ok", now()).canonical());
            } else if (path.equals(Protocol.BASE_PATH + "/limits")) {
                json(resp, 200, Limits.DEFAULTS.canonical());
            } else if (path.equals(Protocol.BASE_PATH + "/enrolments") && req.getMethod().equals("POST")) {
                enrol(req, resp, body);
            } else {
                Matcher m = DEVICE.matcher(path);
                if (!m.matches()) {
                    problem(resp, ProblemType.NOT_FOUND, Map.of());
                } else if (deviceId == null || !deviceId.equals(m.group(1))) {
                    problem(resp, ProblemType.UNKNOWN_DEVICE, Map.of());
                } else if (revoked) {
                    problem(resp, ProblemType.DEVICE_REVOKED, Map.of());
                } else {
                    device(req, resp, m.group(2) == null ? "" : m.group(2), query, body);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            problem(resp, ProblemType.SERVER_ERROR, Map.of());
        }
    }

    private void device(ClassicHttpRequest req, ClassicHttpResponse resp, String sub, String query, byte[] body)
            throws Exception {
        String method = req.getMethod();
        if (sub.equals("/sessions") && method.equals("POST")) {
            session(req, resp, body);
            return;
        }
        if (sub.equals("/batches") && method.equals("POST")) {
            batch(req, resp, body);
            return;
        }
        if (sub.equals("/rekey") && method.equals("POST")) {
            rekey(req, resp, body);
            return;
        }
        String auth = header(req, "Authorization");
        if (auth == null || !auth.startsWith("Bearer ") || !deviceId.equals(tokens.get(auth.substring(7)))) {
            resp.setHeader("WWW-Authenticate", "Bearer realm=\"motcua-sync\", error=\"invalid_token\"");
            problem(resp, ProblemType.TOKEN_INVALID, Map.of());
            return;
        }
        if (sub.equals("/state") && method.equals("GET")) {
            state(resp, param(query, "nonce"), Optional.ofNullable(param(query, "epoch")));
        } else if (sub.startsWith("/receipts/") && method.equals("GET")) {
            FakeLedger.Committed c;
            synchronized (ledger) {
                c = ledger.receipts.get(sub.substring("/receipts/".length()));
            }
            if (c == null) {
                problem(resp, ProblemType.RECEIPT_NOT_FOUND, Map.of());
            } else {
                signed(resp, 200, c.receipt().canonical());
            }
        } else if (sub.equals("/blobs/missing") && method.equals("POST")) {
            ObjectNode out = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode();
            var missing = out.putArray("missing");
            StrictJson.parse(body).path("hashes").forEach(h -> {
                if (!blobs.contains(h.asText())) {
                    missing.add(h.asText());
                }
            });
            json(resp, 200, Docs.canonical(out));
        } else if (sub.startsWith("/blobs/")) {
            blob(req, resp, sub.substring("/blobs/".length()), body);
        } else if (sub.equals("/updates") && method.equals("GET")) {
            updates(resp, query);
        } else {
            problem(resp, ProblemType.NOT_FOUND, Map.of());
        }
    }

    // --- endpoints --------------------------------------------------------------------------------------------

    private void enrol(ClassicHttpRequest req, ClassicHttpResponse resp, byte[] body) throws Exception {
        Object answer = enrolment(body, B64u.decode(header(req, Protocol.ENROLMENT_MAC_HEADER)));
        if (answer instanceof ProblemType p) {
            problem(resp, p, Map.of());
            return;
        }
        byte[][] a = (byte[][]) answer;
        resp.setHeader(Protocol.ENROLMENT_MAC_HEADER, B64u.encode(a[1]));
        json(resp, 201, a[0]);
    }

    /** §6.1 at the server: {response bytes, response MAC}, or the problem type. Idempotent for the same bytes. */
    private synchronized Object enrolment(byte[] body, byte[] mac) throws Exception {
        EnrolmentRequest r = Docs.parse(body, EnrolmentRequest::read);
        byte[] macKey = codes.get(r.codeId());
        if (macKey == null || !Macs.equal(Macs.hmacSha256(macKey, body), mac)) {
            return ProblemType.ENROLMENT_CODE_INVALID;
        }
        byte[][] used = usedCodes.get(r.codeId());
        if (used != null) {
            return java.util.Arrays.equals(used[0], body) ? new byte[][] {used[1], Macs.hmacSha256(macKey, used[1])}
                    : ProblemType.ENROLMENT_CODE_USED;
        }
        X509Certificate cert = CertificateProfiles.device(ca, Csrs.verifiedKey(r.csr()), r.deviceId(), UNIT, Instant.now());
        deviceCert = cert;
        deviceId = r.deviceId();
        revoked = false;
        byte[] response = new EnrolmentResponse(ca.certificate().getEncoded(), r.codeId(), cert.getEncoded(), r.deviceId(),
                deviceNumber, Sha256.hex(body), responseSigner.certificate().getEncoded(), now(), UNIT, UNIT_NAME).canonical();
        usedCodes.put(r.codeId(), new byte[][] {body, response});
        return new byte[][] {response, Macs.hmacSha256(macKey, response)};
    }

    /** The admin CLI's offline enrolment: reads the desk's request file, writes the answer file. */
    Path answerEnrolmentFile(Path requestFile, Path answerFile) throws Exception {
        org.motcua.protocol.doc.EnrolmentFile f = Docs.parse(java.nio.file.Files.readAllBytes(requestFile),
                org.motcua.protocol.doc.EnrolmentFile::read);
        Object answer = enrolment(f.message(), f.mac());
        if (answer instanceof ProblemType p) {
            throw new IllegalStateException("enrolment refused: " + p);
        }
        byte[][] a = (byte[][]) answer;
        return java.nio.file.Files.write(answerFile, new org.motcua.protocol.doc.EnrolmentFile(a[1], a[0]).canonical());
    }

    private void session(ClassicHttpRequest req, ClassicHttpResponse resp, byte[] body) throws Exception {
        try {
            CmsVerifier.verifyDevice(B64u.decode(header(req, Protocol.SIGNATURE_HEADER)), body, deviceCert);
        } catch (Exception e) {
            problem(resp, ProblemType.SIGNATURE_INVALID, Map.of());
            return;
        }
        SessionRequest r = Docs.parse(body, SessionRequest::read);
        byte[] token = new byte[32];
        new java.security.SecureRandom().nextBytes(token);
        tokens.put(B64u.encode(token), r.deviceId());
        signed(resp, 201, new Session(r.deviceId(), WireFormats.serverTime(Instant.now().plusSeconds(3600)), Sha256.hex(body),
                now(), token).canonical());
    }

    /** §6.2; a delayed answer ({@link #delayedAnswers}) comes after the commit, when the desk has given up waiting. */
    private void rekey(ClassicHttpRequest req, ClassicHttpResponse resp, byte[] body) throws Exception {
        FakeRekeys.Answer a = rekeys.rekey(header(req, Protocol.SIGNATURE_HEADER), body);
        if (a.problem().isPresent()) {
            problem(resp, a.problem().get(), Map.of());
            return;
        }
        if (delayedAnswers > 0) {
            delayedAnswers--;
            Thread.sleep(answerDelay.toMillis());
        }
        resp.setHeader(Protocol.SIGNATURE_HEADER, B64u.encode(a.signature()));
        json(resp, 200, a.body());
    }

    private void batch(ClassicHttpRequest req, ClassicHttpResponse resp, byte[] gzip) throws Exception {
        String key = header(req, Protocol.IDEMPOTENCY_KEY_HEADER);
        if (key == null) {
            problem(resp, ProblemType.IDEMPOTENCY_KEY_MISSING, Map.of());
            return;
        }
        key = key.replace("\"", "");
        byte[] body = "gzip".equals(header(req, "Content-Encoding"))
                ? BoundedInflater.gunzip(gzip, Limits.DEFAULTS.maxBatchBytes(), "maxBatchBytes", 100) : gzip;
        try {
            CmsVerifier.verifyDevice(B64u.decode(header(req, Protocol.SIGNATURE_HEADER)), body, deviceCert);
        } catch (Exception e) {
            problem(resp, ProblemType.SIGNATURE_INVALID, Map.of());
            return;
        }
        Problem scripted = nextBatchProblem;
        if (scripted != null) {
            nextBatchProblem = null;
            ledger.postsPerBatch.merge(key, 1, Integer::sum);
            if (scripted.status() == 429 || scripted.status() == 503 || scripted.name().equals("request-in-progress")) {
                resp.setHeader("Retry-After", "1");
            }
            json(resp, scripted.status(), scripted.bytes(), Protocol.PROBLEM_MEDIA_TYPE);
            return;
        }
        Object outcome = ledger.accept(body, key, blobs, now());
        if (outcome instanceof FakeLedger.Refusal r) {
            ProblemType type = ProblemType.of(r.problem()).orElseThrow();
            problem(resp, type, r.members());
            return;
        }
        Receipt receipt = ((FakeLedger.Committed) outcome).receipt();
        if (delayedAnswers > 0) {
            delayedAnswers--;
            Thread.sleep(answerDelay.toMillis());  // committed; the client gave up waiting
        }
        UnaryOperator<Receipt> tamper = receiptOnTheWire;
        byte[] bytes = (tamper == null ? receipt : tamper.apply(receipt)).canonical();
        byte[] signature = sign(bytes);
        if (corruptReceiptSignature) {
            signature[signature.length - 3] ^= 0x01;
        }
        resp.setHeader(Protocol.SIGNATURE_HEADER, B64u.encode(signature));
        json(resp, 200, bytes);
    }

    private void state(ClassicHttpResponse resp, String nonce, Optional<String> epoch) throws Exception {
        FakeLedger.Chain described;
        List<CodeCounter> counters = new ArrayList<>();
        Optional<String> current;
        synchronized (ledger) {
            current = ledger.open().map(c -> c.epoch);
            described = epoch.map(ledger.epochs::get).orElse(ledger.open().orElse(null));
            ledger.codeCounters.forEach((d, n) -> counters.add(new CodeCounter(d, n)));
        }
        long ackedSeq = described == null ? 0 : described.ackedSeq();
        String ackedHash = described == null ? Sha256.ZEROS : described.ackedHash();
        Object[] tail = stateTail;
        if (tail != null) {
            ackedSeq = (Long) tail[0];
            ackedHash = (String) tail[1];
        }
        String status = described == null ? DeviceState.UNKNOWN : described.open ? DeviceState.OPEN : DeviceState.CLOSED;
        byte[] n = stateNonce != null ? stateNonce : B64u.decode(nonce);
        signed(resp, 200, new DeviceState(ackedHash, ackedSeq, counters, current, deviceId, deviceNumber,
                described == null ? epoch : Optional.of(described.epoch), status,
                Optional.ofNullable(described == null ? null : described.lastBatchId), n, now(), UNIT).canonical());
    }

    private void blob(ClassicHttpRequest req, ClassicHttpResponse resp, String sha, byte[] body) {
        byte[] stored = partial.getOrDefault(sha, new byte[0]);
        if (req.getMethod().equals("HEAD")) {
            resp.setCode(200);
            resp.setHeader("Upload-Offset", Integer.toString(blobs.contains(sha) ? blobSizes.get(sha) : stored.length));
            resp.setHeader("Upload-Complete", blobs.contains(sha) ? "?1" : "?0");
            return;
        }
        long offset = Long.parseLong(header(req, "Upload-Offset"));
        patchOffsets.add(offset);
        long length = Long.parseLong(header(req, "Upload-Length"));
        if (offset != stored.length) {
            resp.setHeader("Upload-Offset", Integer.toString(stored.length));
            problem(resp, ProblemType.UPLOAD_OFFSET_MISMATCH, Map.of("expectedOffset", (long) stored.length, "providedOffset", offset));
            return;
        }
        if (!java.util.Arrays.equals(ContentDigest.sha256(header(req, ContentDigest.HEADER)).orElse(new byte[0]),
                Sha256.digest(body))) {
            problem(resp, ProblemType.CHUNK_DIGEST_MISMATCH, Map.of());
            return;
        }
        byte[] joined = java.util.Arrays.copyOf(stored, stored.length + body.length);
        System.arraycopy(body, 0, joined, stored.length, body.length);
        if (joined.length == length) {
            partial.remove(sha);
            if (!Sha256.hex(joined).equals(sha)) {
                problem(resp, ProblemType.BLOB_HASH_MISMATCH, Map.of());
                return;
            }
            blobs.add(sha);
            blobSizes.put(sha, joined.length);
            resp.setCode(200);
            resp.setHeader("Upload-Complete", "?1");
        } else {
            partial.put(sha, joined);
            resp.setCode(204);
            resp.setHeader("Upload-Complete", "?0");
        }
        resp.setHeader("Upload-Offset", Integer.toString(joined.length));
    }

    private void updates(ClassicHttpResponse resp, String query) throws Exception {
        String askedFeed = param(query, "feedId");
        long after = param(query, "after") == null ? 0 : Long.parseLong(param(query, "after"));
        boolean reset = askedFeed != null && !askedFeed.equals(feedId);
        long from = reset ? 0 : after;
        List<Updates.Item> items = feed.stream().filter(i -> i.seq() > from).limit(50).toList();
        long lastSeq = items.isEmpty() ? from : items.get(items.size() - 1).seq();
        Updates page = new Updates(from, WireFormats.serverTime(Instant.now().plus(Duration.ofDays(30))), deviceId, feedId,
                feed.stream().anyMatch(i -> i.seq() > lastSeq), items, lastSeq, B64u.decode(param(query, "nonce")), reset, now());
        UnaryOperator<Updates> tamper = pageOnTheWire;
        signed(resp, 200, (tamper == null ? page : tamper.apply(page)).canonical());
    }

    // --- helpers ----------------------------------------------------------------------------------------------

    static String now() {
        return WireFormats.serverTime(Instant.now());
    }

    /** Signs {@code bytes} the way the server signs every document: CMS with exactly the response certificate. */
    byte[] sign(byte[] bytes) {
        CertificateProfiles.Issued s = wireSigner != null ? wireSigner : responseSigner;
        return CmsSigner.signServer(bytes, s.key(), s.certificate());
    }

    private void signed(ClassicHttpResponse resp, int status, byte[] bytes) {
        resp.setHeader(Protocol.SIGNATURE_HEADER, B64u.encode(sign(bytes)));
        json(resp, status, bytes);
    }

    private static void json(ClassicHttpResponse resp, int status, byte[] bytes) {
        json(resp, status, bytes, "application/json");
    }

    private static void json(ClassicHttpResponse resp, int status, byte[] bytes, String type) {
        resp.setCode(status);
        resp.setEntity(new ByteArrayEntity(bytes, ContentType.parse(type)));
    }

    private static void problem(ClassicHttpResponse resp, ProblemType type, Map<String, Object> members) {
        Problem p = Problem.of(type, type.problemName(), type.problemName());
        for (Map.Entry<String, Object> m : members.entrySet()) {
            p = p.with(m.getKey(), m.getValue() instanceof List<?> l ? strings(l) : m.getValue());
        }
        if (type.status() == 429 || type.status() == 503 || type == ProblemType.REQUEST_IN_PROGRESS) {
            resp.setHeader("Retry-After", "1");
        }
        json(resp, type.status(), p.bytes(), Protocol.PROBLEM_MEDIA_TYPE);
    }

    private static com.fasterxml.jackson.databind.node.ArrayNode strings(List<?> values) {
        var a = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        values.forEach(v -> a.add(String.valueOf(v)));
        return a;
    }

    private static String header(ClassicHttpRequest req, String name) {
        Header h = req.getFirstHeader(name);
        return h == null ? null : h.getValue();
    }

    private static String param(String query, String name) {
        for (String part : query.split("&")) {
            if (part.startsWith(name + "=")) {
                return part.substring(name.length() + 1);
            }
        }
        return null;
    }

    @Override
    public void close() {
        server.close(CloseMode.IMMEDIATE);
        try {
            server.awaitTermination(org.apache.hc.core5.util.TimeValue.of(5, TimeUnit.SECONDS));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
