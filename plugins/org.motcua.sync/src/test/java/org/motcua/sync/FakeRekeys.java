package org.motcua.sync;

import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.UnaryOperator;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Docs;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.RekeyRequest;
import org.motcua.protocol.doc.RekeyResponse;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;

/**
 * The fake province's side of rekey (§6.2), as the contract describes it: the signature checked with the pinned
 * certificate, a new certificate issued from the CSR and pinned while the old one is kept as superseded, and the stored
 * response for the same bytes — also when they are signed by the superseded key (a lost answer asked again). Hooks let
 * a test answer with a forgery (nothing pinned), damage the signature, or refuse the next request with a problem.
 */
final class FakeRekeys {

    /** A committed rekey: the request's hash, the old certificate, the signed answer. */
    record Stored(String requestSha256, X509Certificate superseded, byte[] response, byte[] signature) {
    }

    /** The answer, or the problem the server answers instead. */
    record Answer(Optional<ProblemType> problem, byte[] body, byte[] signature) {
        static Answer of(ProblemType p) {
            return new Answer(Optional.of(p), new byte[0], new byte[0]);
        }
    }

    private final FakeProvince province;
    /** nonce (b64u) → the rekey committed with it. */
    final Map<String, Stored> byNonce = new ConcurrentHashMap<>();
    /** Every certificate the device held before its current one. */
    final List<X509Certificate> superseded = new CopyOnWriteArrayList<>();
    /** The exact bodies and signature headers of every rekey request received, in order. */
    final List<byte[]> bodies = new CopyOnWriteArrayList<>();
    final List<String> signatures = new CopyOnWriteArrayList<>();

    // --- faults ----------------------------------------------------------------------------------------------
    /** When set, the answer is a forgery made by this from a true-looking one; nothing is pinned or stored. */
    volatile UnaryOperator<RekeyResponse> forgery;
    /** When set (with {@link #forgery}), one byte of the answer's signature is flipped. */
    volatile boolean corruptSignature;
    /** The next request is answered with this problem (nothing stored). */
    volatile ProblemType nextProblem;

    FakeRekeys(FakeProvince province) {
        this.province = province;
    }

    /** §6.2 at the server, under the province's lock so concurrent requests see one pinned certificate. */
    synchronized Answer rekey(String signatureHeader, byte[] body) throws Exception {
        bodies.add(body.clone());
        signatures.add(String.valueOf(signatureHeader));
        ProblemType scripted = nextProblem;
        if (scripted != null) {
            nextProblem = null;
            return Answer.of(scripted);
        }
        byte[] der;
        try {
            der = B64u.decode(signatureHeader == null ? "" : signatureHeader);
        } catch (IllegalArgumentException e) {
            return Answer.of(ProblemType.SIGNATURE_INVALID);
        }
        String sha = Sha256.hex(body);
        try {
            CmsVerifier.verifyDevice(der, body, province.deviceCert);
        } catch (Exception invalid) {
            return replayBySupersededKey(der, body, sha).orElse(Answer.of(ProblemType.SIGNATURE_INVALID));
        }
        RekeyRequest r = Docs.parse(body, RekeyRequest::read);
        if (!r.deviceId().equals(province.deviceId)) {
            return Answer.of(ProblemType.PATH_BODY_MISMATCH);
        }
        Stored earlier = byNonce.get(B64u.encode(r.nonce()));
        if (earlier != null) {
            return earlier.requestSha256().equals(sha) ? new Answer(Optional.empty(), earlier.response(), earlier.signature())
                    : Answer.of(ProblemType.NONCE_REUSED);
        }
        X509Certificate cert;
        try {
            cert = CertificateProfiles.device(province.ca, Csrs.verifiedKey(r.csr()), r.deviceId(), FakeProvince.UNIT,
                    Instant.now());
        } catch (IllegalArgumentException e) {
            return Answer.of(ProblemType.CSR_INVALID);
        }
        RekeyResponse response = new RekeyResponse(cert.getEncoded(), r.deviceId(), sha, FakeProvince.now());
        UnaryOperator<RekeyResponse> forge = forgery;
        if (forge != null) {
            byte[] forged = forge.apply(response).canonical();
            byte[] signature = province.sign(forged);
            if (corruptSignature) {
                signature[signature.length - 3] ^= 0x01;
            }
            return new Answer(Optional.empty(), forged, signature);
        }
        byte[] bytes = response.canonical();
        byte[] signature = province.sign(bytes);
        byNonce.put(B64u.encode(r.nonce()), new Stored(sha, province.deviceCert, bytes, signature));
        superseded.add(province.deviceCert);
        province.deviceCert = cert;
        return new Answer(Optional.empty(), bytes, signature);
    }

    /** The same bytes signed by the key a committed rekey superseded: the stored answer (the real server: 30 days). */
    private Optional<Answer> replayBySupersededKey(byte[] der, byte[] body, String sha) {
        for (Stored s : byNonce.values()) {
            if (s.requestSha256().equals(sha)) {
                try {
                    CmsVerifier.verifyDevice(der, body, s.superseded());
                    return Optional.of(new Answer(Optional.empty(), s.response(), s.signature()));
                } catch (Exception e) {
                    return Optional.empty();
                }
            }
        }
        return Optional.empty();
    }

    int committed() {
        return byNonce.size();
    }
}
