package org.motcua.sync.internal;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.cms.ServerCertificateCheck;
import org.motcua.protocol.cms.SignatureInvalid;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.EnrolmentFile;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.protocol.doc.EnrolmentResponse;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.json.StrictJson;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.sync.EnrolmentOffer;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.SyncFailure.Reason;

/**
 * Enrolment (§6.1) and offline enrolment by file (§11). The device key is made here with Bouncy Castle and goes only
 * into the encrypted database; the request bytes are stored before the first send and sent again identically after a
 * lost answer (enrolment is idempotent at the server). An answer counts only after its MAC, its binding to the request,
 * its certificates and — online over https — the TLS chain of the very connection that carried it (recorded, since no
 * anchor exists yet) have been checked against the CA it names. Nothing is committed until the administrator confirms
 * the CA fingerprint ({@link #confirm}).
 */
public final class Enroller {

    private static final SecureRandom RANDOM = new SecureRandom();

    /** A verified answer, held in memory until it is confirmed or cancelled. */
    public record Offer(EnrolmentOffer view, DeviceEnrolments.Pending pending, EnrolmentResponse response) {
    }

    private final SyncContext ctx;
    private final String clientVersion;
    private final String hostname;

    public Enroller(SyncContext ctx, String clientVersion, String hostname) {
        this.ctx = ctx;
        this.clientVersion = clientVersion;
        this.hostname = hostname;
    }

    /** Sends the enrolment request (or the one already stored for this code) and verifies the answer. */
    public Offer begin(URI base, String typedCode) throws SyncFailure {
        EnrolmentCode code = parse(typedCode);
        DeviceEnrolments.Pending pending = pendingFor(base, code);
        byte[] mac = Macs.hmacSha256(pending.macKey(), pending.request());
        Http.Response r;
        List<X509Certificate[]> chains;
        try (HttpTransport bootstrap = HttpTransport.bootstrap(base, ctx.timeouts)) {
            r = bootstrap.http().exchange("POST", Protocol.BASE_PATH + "/enrolments",
                    Map.of(Protocol.ENROLMENT_MAC_HEADER, B64u.encode(mac)), pending.request(), "application/json", null);
            chains = bootstrap.recordedChains();
        } catch (IOException e) {
            throw new SyncFailure(Reason.OFFLINE, "no answer from " + base + " (the request is kept and sent again): " + e, e);
        }
        if (r.status() != 201 && r.status() != 200) {
            throw refused(ServerProblem.of(r));
        }
        byte[] answerMac = decodeMac(r.header(Protocol.ENROLMENT_MAC_HEADER));
        Offer offer = verify(pending, r.body(), answerMac);
        if ("https".equalsIgnoreCase(base.getScheme())) {
            requireTlsChainOf(base, chains, Certificates.parse(offer.response().caCertificate()), pending);
        }
        return offer;
    }

    /** Offline enrolment: writes {@code motcua-enrol-<codeId>.json} for the administrator's CLI. */
    public Path writeRequestFile(URI base, String typedCode, Path directory) throws SyncFailure {
        EnrolmentCode code = parse(typedCode);
        DeviceEnrolments.Pending pending = pendingFor(base, code);
        byte[] file = new EnrolmentFile(Macs.hmacSha256(pending.macKey(), pending.request()), pending.request()).canonical();
        Path target = directory.resolve("motcua-enrol-" + code.codeId() + ".json");
        try {
            Files.write(target, file);
        } catch (IOException e) {
            throw new SyncFailure(Reason.IO, "cannot write " + target + ": " + e.getMessage(), e);
        }
        return target;
    }

    /** Offline enrolment: reads the administrator's answer file; the same checks as online, without the TLS one. */
    public Offer readResponseFile(Path file) throws SyncFailure {
        DeviceEnrolments.Pending pending = ctx.enrolments.pending()
                .orElseThrow(() -> new SyncFailure(Reason.RESPONSE_INVALID, "no enrolment request is waiting for an answer"));
        EnrolmentFile f;
        try {
            byte[] bytes = Files.readAllBytes(file);
            if (bytes.length > ctx.limits().maxRequestBytes() * 4) {
                throw new SyncFailure(Reason.FILE_INVALID, file + " is too large to be an enrolment answer");
            }
            f = Docs.parse(bytes, EnrolmentFile::read);
        } catch (IOException e) {
            throw new SyncFailure(Reason.IO, "cannot read " + file + ": " + e.getMessage(), e);
        } catch (Exception e) {
            throw new SyncFailure(Reason.FILE_INVALID, file + " is not an enrolment file: " + e.getMessage(), e);
        }
        return verify(pending, f.message(), f.mac());
    }

    /** Commits a confirmed enrolment in one local transaction and switches the engine to the pinned CA. */
    public void confirm(Offer offer) {
        EnrolmentResponse e = offer.response();
        ctx.enrolments.commit(new DeviceEnrolments.Enrolment(offer.pending().baseUrl(), offer.pending().privateKey(),
                e.deviceCertificate(), e.caCertificate(), e.responseCertificate(), e.serverTime()), e.unitCode(), e.unitName(),
                e.deviceNumber());
        ctx.reloadEnrolment();
        ctx.sawServerTime(OffsetDateTime.parse(e.serverTime()).toInstant());
    }

    /** The administrator refused the fingerprint: the request is forgotten (a new code is needed). */
    public void cancel() {
        ctx.enrolments.discardPending();
    }

    private static EnrolmentCode parse(String typed) throws SyncFailure {
        try {
            return EnrolmentCode.parse(typed == null ? "" : typed);
        } catch (IllegalArgumentException e) {
            throw new SyncFailure(Reason.CODE_MALFORMED, e.getMessage());
        }
    }

    /** The request stored for this code and server, or a new one (new key, CSR, nonce) stored before it is sent. */
    private DeviceEnrolments.Pending pendingFor(URI base, EnrolmentCode code) throws SyncFailure {
        try {
            HttpTransport.requireAllowedScheme(base);
        } catch (IllegalArgumentException e) {
            throw new SyncFailure(Reason.ADDRESS_REFUSED, e.getMessage());
        }
        Optional<DeviceEnrolments.Pending> stored = ctx.enrolments.pending();
        if (stored.isPresent() && stored.get().codeId().equals(code.codeId()) && stored.get().baseUrl().equals(base.toString())) {
            return stored.get();
        }
        String deviceId = ctx.store.device().deviceId().toString();
        KeyPair keys = DeviceKeys.generate();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        EnrolmentRequest request = new EnrolmentRequest(code.codeId(), Csrs.create(keys, deviceId),
                new EnrolmentRequest.DeviceFacts(clientVersion, hostname, ctx.deskNowWire(), System.getProperty("os.name", "?"),
                        System.getProperty("os.version", "?"), Optional.of(ctx.store.device().deviceNumber())),
                deviceId, nonce, ctx.deskNowWire());
        DeviceEnrolments.Pending p = new DeviceEnrolments.Pending(code.codeId(), base.toString(), request.canonical(),
                code.macKey(), keys.getPrivate().getEncoded());
        ctx.enrolments.savePending(p);
        return p;
    }

    /** §6.1 device checks, in order: MAC, canonical response, binding to the request, certificates. */
    private Offer verify(DeviceEnrolments.Pending pending, byte[] body, byte[] mac) throws SyncFailure {
        if (!Macs.equal(Macs.hmacSha256(pending.macKey(), body), mac)) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the answer's MAC does not prove knowledge of the code");
        }
        EnrolmentResponse e;
        EnrolmentRequest request;
        try {
            e = Docs.parse(body, EnrolmentResponse::read);
            request = EnrolmentRequest.read(StrictJson.parseCanonical(pending.request()));
        } catch (Exception ex) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the answer is not a canonical enrolmentResponse: " + ex.getMessage());
        }
        require(e.requestSha256().equals(Sha256.hex(pending.request())), "the answer is for another request");
        require(e.deviceId().equals(request.deviceId()) && e.codeId().equals(request.codeId()), "the answer names another device");
        X509Certificate ca;
        X509Certificate device;
        X509Certificate response;
        try {
            ca = Certificates.parse(e.caCertificate());
            device = Certificates.parse(e.deviceCertificate());
            response = Certificates.parse(e.responseCertificate());
        } catch (IllegalArgumentException ex) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "a certificate of the answer does not parse");
        }
        requireCa(ca);
        PublicKey mine = Csrs.verifiedKey(request.csr());
        Optional<String> wrong = DeviceCertificateCheck.problem(device, ca, mine, request.deviceId());
        if (wrong.isPresent()) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, wrong.get());
        }
        try {
            ServerCertificateCheck.check(response, ca, OffsetDateTime.parse(e.serverTime()).toInstant());
        } catch (SignatureInvalid ex) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the response-signing certificate is refused: " + ex.getMessage());
        }
        boolean reenrolment = ctx.enrolments.current().isPresent();
        EnrolmentOffer view = new EnrolmentOffer(e.codeId(), e.unitCode(), e.unitName(), e.deviceNumber(),
                Certificates.fingerprint(ca), reenrolment);
        return new Offer(view, pending, e);
    }

    private static void requireCa(X509Certificate ca) throws SyncFailure {
        boolean[] usage = ca.getKeyUsage();
        require(ca.getBasicConstraints() >= 0 && usage != null && usage.length > 5 && usage[5]
                && DeviceCertificateCheck.issuedBy(ca, ca),
                "the CA certificate is not a self-signed CA");
    }

    /**
     * The TLS bootstrap check of §6.1: the chain recorded on the enrolment connection must lead to the CA just
     * received and name the host. Otherwise the answer is discarded and interception reported.
     */
    private void requireTlsChainOf(URI base, List<X509Certificate[]> chains, X509Certificate ca,
            DeviceEnrolments.Pending pending) throws SyncFailure {
        try {
            if (chains.isEmpty()) {
                throw new IllegalStateException("no TLS chain was recorded");
            }
            for (X509Certificate[] chain : chains) {
                TlsChains.requireLeadsTo(chain, ca, base.getHost());
            }
        } catch (Exception e) {
            ctx.enrolments.discardPending();
            throw new SyncFailure(Reason.INTERCEPTION_SUSPECTED, "the TLS certificate of " + base.getHost()
                    + " does not lead to the CA the server sent: " + e.getMessage());
        }
    }

    private SyncFailure refused(ServerProblem p) {
        Reason reason = switch (p.name()) {
            case "enrolment-code-invalid" -> Reason.CODE_INVALID;
            case "enrolment-code-used" -> Reason.CODE_USED;
            case "enrolment-code-expired" -> Reason.CODE_EXPIRED;
            case "enrolment-code-mismatch" -> Reason.CODE_MISMATCH;
            case "unit-full" -> Reason.UNIT_FULL;
            case "device-id-taken" -> Reason.DEVICE_ID_TAKEN;
            default -> p.status() >= 500 || p.status() == 429 ? Reason.OFFLINE : Reason.SERVER_REFUSED;
        };
        if (reason != Reason.OFFLINE) {
            ctx.enrolments.discardPending();  // a refused code is dead: the next attempt makes a new request
        }
        return new SyncFailure(reason, "the server refused the enrolment: " + p);
    }

    private static byte[] decodeMac(String header) throws SyncFailure {
        try {
            return B64u.decode(header == null ? "" : header.trim());
        } catch (IllegalArgumentException e) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the answer carries no valid MotCua-Enrolment-Mac");
        }
    }

    private static void require(boolean ok, String why) throws SyncFailure {
        if (!ok) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, why);
        }
    }
}
