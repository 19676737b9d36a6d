package org.motcua.server.testing;

import java.security.KeyPair;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.protocol.doc.EnrolmentResponse;
import org.motcua.protocol.doc.Session;
import org.motcua.protocol.doc.SessionRequest;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.io.Gzip;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;

/**
 * A device for the tests, made from the protocol module's classes alone, as an independent client would be: it
 * enrols with a real code, opens sessions, signs and freezes batches like §15 and uploads blobs, over real HTTP.
 */
public final class TestDevice {

    private static final AtomicInteger UNITS = new AtomicInteger(new SecureRandom().nextInt(90_000));
    public static final String CREATED_AT = "2025-05-31T08:15:30.123+07:00";

    public final TestServer server;
    public final String deviceId;
    public final String unitCode;
    public KeyPair keys;
    public X509Certificate certificate;
    public int deviceNumber;
    public EnrolmentResponse enrolment;
    private String token;

    private TestDevice(TestServer server, String deviceId, String unitCode) {
        this.server = server;
        this.deviceId = deviceId;
        this.unitCode = unitCode;
    }

    /** A device enrolled by other means (an offline enrolment file): no server to talk to, only keys and certificate. */
    public static TestDevice offline(String deviceId, String unitCode, KeyPair keys, X509Certificate certificate, int number) {
        TestDevice d = new TestDevice(null, deviceId, unitCode);
        d.keys = keys;
        d.certificate = certificate;
        d.deviceNumber = number;
        return d;
    }

    /** A fresh unit code (each test gets its own unit, so nine device numbers never run out). */
    public static String newUnit() {
        int n = UNITS.incrementAndGet();
        return String.format("%03d.%02d.%02d.H%02d", n / 100_000 % 1000, n / 1000 % 100, n / 10 % 100, n % 10 * 7 % 100);
    }

    /** A device enrolled in a new unit. */
    public static TestDevice enrol(TestServer server) {
        return enrol(server, newUnit());
    }

    public static TestDevice enrol(TestServer server, String unitCode) {
        TestDevice d = new TestDevice(server, UUID.randomUUID().toString(), unitCode);
        EnrolmentCode code = d.newCode(null);
        Http.Answer a = d.sendEnrolment(d.enrolmentRequest(code, d.keys = DeviceKeys.generate(), Optional.empty()), code);
        if (a.status() != 201) {
            throw new AssertionError("enrolment failed: " + a.status() + " " + a.text());
        }
        d.accept(a, code);
        return d;
    }

    public EnrolmentCode newCode(String reenrolDeviceId) {
        try {
            return server.admin().newCode(unitCode, "Xã Hòa Bình " + unitCode, reenrolDeviceId, Duration.ofHours(24)).code();
        } catch (Exception e) {
            throw new AssertionError(e);
        }
    }

    public byte[] enrolmentRequest(EnrolmentCode code, KeyPair keyPair, Optional<Integer> provisional) {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        return new EnrolmentRequest(code.codeId(), Csrs.create(keyPair, deviceId), new EnrolmentRequest.DeviceFacts("0.1.0",
                "pc-01.xa-hoa-binh", CREATED_AT, "Windows", "10", provisional), deviceId, nonce, CREATED_AT).canonical();
    }

    public Http.Answer sendEnrolment(byte[] request, EnrolmentCode code) {
        return Http.send("POST", server.url("/api/v1/enrolments"), Map.of("Content-Type", "application/json",
                Protocol.ENROLMENT_MAC_HEADER, B64u.encode(Macs.hmacSha256(code.macKey(), request))), request);
    }

    /** Checks the response as §6.1 asks a device to, then takes its certificate. */
    public void accept(Http.Answer a, EnrolmentCode code) {
        byte[] mac = B64u.decode(a.header(Protocol.ENROLMENT_MAC_HEADER));
        if (!Macs.equal(mac, Macs.hmacSha256(code.macKey(), a.body()))) {
            throw new AssertionError("the enrolment response MAC does not verify");
        }
        try {
            enrolment = Docs.parse(a.body(), EnrolmentResponse::read);
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        certificate = Certificates.parse(enrolment.deviceCertificate());
        deviceNumber = enrolment.deviceNumber();
        token = null;
    }

    public byte[] sign(byte[] message) {
        return CmsSigner.signDevice(message, keys.getPrivate(), certificate);
    }

    /** A bearer token from a fresh session (§6.3). */
    public String token() {
        if (token == null) {
            byte[] nonce = new byte[16];
            new SecureRandom().nextBytes(nonce);
            byte[] body = new SessionRequest(deviceId, nonce, org.motcua.protocol.codec.WireFormats.serverTime(java.time.Instant.now()))
                    .canonical();
            Http.Answer a = Http.send("POST", devicePath("/sessions"), Map.of("Content-Type", "application/json",
                    Protocol.SIGNATURE_HEADER, B64u.encode(sign(body))), body);
            if (a.status() != 201) {
                throw new AssertionError("session failed: " + a.status() + " " + a.text());
            }
            try {
                token = B64u.encode(Docs.parse(a.body(), Session::read).token());
            } catch (Exception e) {
                throw new AssertionError(e);
            }
        }
        return token;
    }

    /** A signed session request (§6.3) made at {@code at}: its canonical body and the detached signature over it. */
    public byte[][] sessionRequest(java.time.Instant at) {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        byte[] body = new SessionRequest(deviceId, nonce, org.motcua.protocol.codec.WireFormats.serverTime(at)).canonical();
        return new byte[][] {body, sign(body)};
    }

    /** A new bearer token from a session opened at the server clock's {@code at} (tests with a moved clock). */
    public String newToken(java.time.Instant at) {
        byte[][] request = sessionRequest(at);
        Http.Answer a = Http.send("POST", devicePath("/sessions"), Map.of("Content-Type", "application/json",
                Protocol.SIGNATURE_HEADER, B64u.encode(request[1])), request[0]);
        if (a.status() != 201) {
            throw new AssertionError("session failed: " + a.status() + " " + a.text());
        }
        try {
            token = B64u.encode(Docs.parse(a.body(), Session::read).token());
        } catch (Exception e) {
            throw new AssertionError(e);
        }
        return token;
    }

    public Map<String, String> bearer() {
        return Map.of("Authorization", "Bearer " + token());
    }

    public String devicePath(String rest) {
        return server.url("/api/v1/devices/" + deviceId + rest);
    }

    // --- events and batches -----------------------------------------------------------------------------------

    /** The §15-shaped pair: a reception with one attachment, then an action on it. */
    public List<WireEvent> receptionWithAction(Chain chain, String blob, int number) {
        String dossierId = UUID.randomUUID().toString();
        String code = Payloads.code(unitCode, "250531", (deviceNumber - 1) * 1000 + number);
        List<WireEvent> events = new ArrayList<>();
        events.add(chain.next("DossierReceived", dossierId, Payloads.received(dossierId, code, blob == null ? List.of() : List.of(blob), 2),
                blob == null ? List.of() : List.of(blob), CREATED_AT));
        events.add(chain.next("DossierActionTaken", dossierId, Payloads.action(dossierId, code, 2, "REQUEST_SUPPLEMENT", 5,
                "2025-05-31T08:21:04.910+07:00", null), List.of(), "2025-05-31T08:21:04.910+07:00"));
        return events;
    }

    public Batch batch(Chain chain, List<WireEvent> events) {
        return Batch.of(UUID.randomUUID().toString(), deviceId, chain.epoch, events);
    }

    /** Sends the batch as a device does: gzip, Idempotency-Key, signature over the canonical bytes. */
    public Http.Answer send(Batch batch) {
        byte[] bytes = batch.canonical();
        return sendBytes(batch.batchId(), bytes, sign(bytes));
    }

    public Http.Answer sendBytes(String key, byte[] canonical, byte[] signature) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Content-Encoding", "gzip");
        h.put(Protocol.IDEMPOTENCY_KEY_HEADER, "\"" + key + "\"");
        h.put(Protocol.SIGNATURE_HEADER, B64u.encode(signature));
        return Http.send("POST", devicePath("/batches"), h, Gzip.compress(canonical));
    }

    public Http.Answer sendRaw(Map<String, String> headers, byte[] wire) {
        return Http.send("POST", devicePath("/batches"), headers, wire);
    }

    /** Standard headers of a batch, for tests that change one of them. */
    public Map<String, String> headers(String key, byte[] signature) {
        Map<String, String> h = new LinkedHashMap<>();
        h.put("Content-Type", "application/json");
        h.put("Content-Encoding", "gzip");
        h.put(Protocol.IDEMPOTENCY_KEY_HEADER, "\"" + key + "\"");
        h.put(Protocol.SIGNATURE_HEADER, B64u.encode(signature));
        return h;
    }

    // --- blobs --------------------------------------------------------------------------------------------------

    /** Uploads {@code bytes} in chunks of {@code chunk} bytes; returns the last answer. */
    public Http.Answer upload(byte[] bytes, int chunk) {
        String sha = Sha256.hex(bytes);
        Http.Answer last = null;
        for (int off = 0; off < bytes.length; off += chunk) {
            byte[] part = java.util.Arrays.copyOfRange(bytes, off, Math.min(bytes.length, off + chunk));
            last = patch(sha, off, bytes.length, part, ContentDigest.of(part));
        }
        return last;
    }

    public Http.Answer patch(String sha, long offset, long length, byte[] chunk, String digest) {
        Map<String, String> h = new LinkedHashMap<>(bearer());
        h.put("Content-Type", "application/offset+octet-stream");
        h.put("Upload-Offset", Long.toString(offset));
        h.put("Upload-Length", Long.toString(length));
        if (digest != null) {
            h.put("Content-Digest", digest);
        }
        return Http.send("PATCH", devicePath("/blobs/" + sha), h, chunk);
    }

    public Http.Answer head(String sha) {
        return Http.send("HEAD", devicePath("/blobs/" + sha), bearer(), null);
    }

    public Http.Answer state() {
        byte[] nonce = new byte[16];
        new SecureRandom().nextBytes(nonce);
        return Http.get(devicePath("/state?nonce=" + B64u.encode(nonce)), bearer());
    }
}
