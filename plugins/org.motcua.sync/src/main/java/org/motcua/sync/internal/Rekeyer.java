package org.motcua.sync.internal;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.RekeyRequest;
import org.motcua.protocol.doc.RekeyResponse;
import org.motcua.protocol.json.StrictJson;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.store.sync.DeviceRekeys;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.sync.RekeyResult;
import org.motcua.sync.SyncFailure;
import org.motcua.sync.SyncFailure.Reason;

/**
 * Rekey (§6.2), the desk's side. A new P-256 key is made with Bouncy Castle; its {@code rekeyRequest} (fresh nonce) is
 * signed with the current key and stored, with the new key, in the encrypted database BEFORE it is sent, so a lost
 * answer is asked again with the very same bytes and signature (the server answers them with its stored response for
 * 30 days, even once the old key is superseded). The answer counts only once it verifies like every server document
 * ({@link ServerDocs}: pinned CA, response usage), names this device and the exact request bytes, and carries a
 * certificate for the new key from the pinned CA. Then one local transaction switches key and certificate and re-signs
 * every frozen, unacknowledged batch (bodies unchanged, so their idempotency keys still hold); the old key is
 * overwritten by it.
 *
 * <p>A request whose answer has not come is finished by every sync attempt before anything else is sent
 * ({@link #finishPending()}): once the server has pinned the new certificate the old key is refused, so the desk must
 * not go on with it for longer than one round trip.
 */
public final class Rekeyer {

    private static final System.Logger LOG = System.getLogger(Rekeyer.class.getName());
    private static final SecureRandom RANDOM = new SecureRandom();

    /** The answer failed a check: nothing changed and the request stays pending (a true answer may still come). */
    public static final class AnswerRefused extends Exception {
        private static final long serialVersionUID = 1L;

        AnswerRefused(String check, String why) {
            super(check + ": " + why, null, false, false);
        }
    }

    /**
     * The server refused the request for good (a 400, 404, 413, 415 or 422: it stored nothing and would answer the same
     * bytes the same way): the request and its new key are forgotten; the current key goes on.
     */
    public static final class RequestRefused extends Exception {
        private static final long serialVersionUID = 1L;

        RequestRefused(ServerProblem p) {
            super("the server refused the rekey request: " + p, null, false, false);
        }
    }

    private final SyncContext ctx;

    public Rekeyer(SyncContext ctx) {
        this.ctx = ctx;
    }

    /**
     * The administrator's "renew this computer's key": sends the request still waiting for its answer, else a new one.
     *
     * @throws SyncFailure    not an administrator, not enrolled, an answer that failed verification, a refusal
     * @throws CycleFailure   no answer, the server busy or failing (the request is kept), the device revoked or
     *                        unknown (syncing stops): the engine reacts as to a failed sync attempt
     */
    public RekeyResult renew(String actor, Role role) throws SyncFailure, CycleFailure {
        if (role != Role.ADMIN) {
            throw new SyncFailure(Reason.ADMIN_ONLY, "only an administrator renews the device key");
        }
        if (!ctx.enrolled()) {
            throw new SyncFailure(Reason.NOT_ENROLLED, "the desk is not enrolled: there is no key to renew");
        }
        DeviceKeyring keys = ctx.keyring();
        Optional<DeviceRekeys.Pending> waiting = pendingOf(keys);
        DeviceRekeys.Pending request = waiting.isPresent() ? waiting.get() : newRequest(keys, actor);
        try {
            return send(keys, request, waiting.isPresent());
        } catch (AnswerRefused e) {
            throw new SyncFailure(Reason.RESPONSE_INVALID, "the rekey answer was refused, nothing changed: " + e.getMessage());
        } catch (RequestRefused e) {
            throw new SyncFailure(Reason.SERVER_REFUSED, e.getMessage());
        }
    }

    /** Every sync attempt, before anything else is sent: finishes a rekey whose answer has not come yet. */
    public Optional<RekeyResult> finishPending() throws CycleFailure, AnswerRefused, RequestRefused {
        DeviceKeyring keys = ctx.keyring();
        Optional<DeviceRekeys.Pending> waiting = pendingOf(keys);
        return waiting.isEmpty() ? Optional.empty() : Optional.of(send(keys, waiting.get(), true));
    }

    /** What a failed attempt means to the administrator who asked. */
    public static SyncFailure failure(CycleFailure f) {
        return failure(f, "the key was not renewed");
    }

    /** What a failed attempt means to the administrator who asked, said as {@code outcome}. */
    public static SyncFailure failure(CycleFailure f, String outcome) {
        Reason reason = switch (f.problem()) {
            case OFFLINE -> Reason.OFFLINE;
            case TLS_UNTRUSTED -> Reason.INTERCEPTION_SUSPECTED;
            case SERVER_BUSY, SERVER_ERROR -> Reason.SERVER_BUSY;
            case DEVICE_REVOKED -> Reason.DEVICE_REVOKED;
            case DEVICE_UNKNOWN -> Reason.DEVICE_UNKNOWN;
            case NOT_ENROLLED -> Reason.NOT_ENROLLED;
            default -> Reason.SERVER_REFUSED;
        };
        return new SyncFailure(reason, outcome + ": " + f.getMessage(), f);
    }

    private Optional<DeviceRekeys.Pending> pendingOf(DeviceKeyring keys) {
        Optional<DeviceRekeys.Pending> p = ctx.rekeys.pending();
        if (p.isPresent() && !p.get().signerSerial().equals(keys.serial())) {
            // signed by a key this desk no longer holds (re-enrolment deletes such requests; this is a safety net)
            LOG.log(System.Logger.Level.WARNING, "a rekey request signed by certificate " + p.get().signerSerial()
                    + " is void under certificate " + keys.serial() + "; forgotten");
            ctx.rekeys.discardPending();
            return Optional.empty();
        }
        return p;
    }

    private DeviceRekeys.Pending newRequest(DeviceKeyring keys, String actor) {
        KeyPair next = DeviceKeys.generate();
        byte[] nonce = new byte[16];
        RANDOM.nextBytes(nonce);
        byte[] request = new RekeyRequest(Csrs.create(next, keys.id()), keys.id(), nonce, ctx.deskNowWire()).canonical();
        DeviceRekeys.Pending p = new DeviceRekeys.Pending(request, keys.sign(request), keys.serial(),
                next.getPrivate().getEncoded(), actor);
        ctx.rekeys.savePending(p, ctx.deskNow());
        return p;
    }

    private RekeyResult send(DeviceKeyring keys, DeviceRekeys.Pending p, boolean again)
            throws CycleFailure, AnswerRefused, RequestRefused {
        Http.Response r;
        try {
            r = ctx.http().exchange("POST", ctx.devicePath() + "/rekey",
                    Map.of(Protocol.SIGNATURE_HEADER, B64u.encode(p.signature())), p.request(), "application/json", null);
        } catch (IOException e) {
            throw CycleFailure.io(e);   // the request stays: the same bytes go again
        }
        if (r.status() != 200 && r.status() != 201) {
            ServerProblem problem = ServerProblem.of(r);
            int s = problem.status();
            if (s == 400 || s == 404 || s == 413 || s == 415 || s == 422) {
                ctx.rekeys.discardPending();
                throw new RequestRefused(problem);
            }
            throw Reactions.of(problem);   // 401/403 stop; 409 request-in-progress, 429, 5xx: wait and send again
        }
        ServerDocs.Verified<RekeyResponse> answer = verify(keys, p, r);
        return switchTo(keys, p, answer, again);
    }

    /** §3.4 and §6.2: a server document for this device and these exact bytes, with a certificate for the new key. */
    private static ServerDocs.Verified<RekeyResponse> verify(DeviceKeyring keys, DeviceRekeys.Pending p, Http.Response r)
            throws AnswerRefused {
        ServerDocs.Verified<RekeyResponse> v;
        try {
            v = ServerDocs.verify(r.body(), ServerDocs.signatureHeader(r.header(Protocol.SIGNATURE_HEADER)), keys.ca(),
                    RekeyResponse::read, RekeyResponse::serverTime);
        } catch (ServerDocs.Rejected e) {
            throw new AnswerRefused(e.check(), e.getMessage());
        }
        RekeyResponse doc = v.doc();
        if (!doc.deviceId().equals(keys.id())) {
            throw new AnswerRefused("binding", "the answer names another device");
        }
        if (!doc.requestSha256().equals(Sha256.hex(p.request()))) {
            throw new AnswerRefused("binding", "the answer is for other request bytes");
        }
        X509Certificate cert;
        PublicKey next;
        try {
            cert = Certificates.parse(doc.deviceCertificate());
            next = Csrs.verifiedKey(RekeyRequest.read(StrictJson.parseCanonical(p.request())).csr());
        } catch (Exception e) {
            throw new AnswerRefused("certificate", "the certificate does not parse");
        }
        Optional<String> wrong = DeviceCertificateCheck.problem(cert, keys.ca(), next, keys.id());
        if (wrong.isPresent()) {
            throw new AnswerRefused("certificate", wrong.get());
        }
        return v;
    }

    /** One local transaction: the new key and certificate, every frozen batch re-signed, the request gone. */
    private RekeyResult switchTo(DeviceKeyring keys, DeviceRekeys.Pending p, ServerDocs.Verified<RekeyResponse> answer,
            boolean again) {
        X509Certificate cert = Certificates.parse(answer.doc().deviceCertificate());
        PrivateKey next = DeviceKeys.privateKey(p.privateKey());
        String serial = cert.getSerialNumber().toString(16);
        List<DeviceRekeys.Resigned> resigned = new ArrayList<>();
        for (FrozenBatch b : ctx.outbox.unacknowledged()) {
            resigned.add(new DeviceRekeys.Resigned(b.batchId(), CmsSigner.signDevice(b.body(), next, cert)));
        }
        int count = ctx.rekeys.switchKey(p.request(), answer.doc().deviceCertificate(), serial, answer.doc().serverTime(),
                resigned, keys.id(), ctx.deskNow());
        ctx.reloadEnrolment();
        ctx.sawServerTime(answer.serverTime());
        LOG.log(System.Logger.Level.INFO, "device key renewed: certificate " + keys.serial() + " replaced by " + serial
                + ", " + count + " frozen batch(es) re-signed" + (again ? " (answer to a request sent again)" : ""));
        return new RekeyResult(serial, cert.getNotAfter().toInstant(), count, again);
    }
}
