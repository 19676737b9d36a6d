package org.motcua.server.sessions;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.motcua.protocol.codec.B64u;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.doc.RekeyRequest;
import org.motcua.protocol.doc.RekeyResponse;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;
import org.motcua.server.Rejection;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceLock;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.wire.PathChecks;
import org.motcua.server.wire.RequestDocuments;
import org.motcua.server.wire.SignedRequest;

/**
 * Rekey (§6.2): a new key's CSR signed with the current key; the new certificate is pinned and the old one
 * superseded in one transaction. The same request bytes signed by the superseded key get the stored answer for 30
 * days, so a device whose answer was lost is not locked out.
 */
public final class RekeyService {

    static final Duration REPLAY_WINDOW = Duration.ofDays(30);

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;
    private final Limits limits;

    public RekeyService(ServerDatabase db, ServerKeys keys, Clock clock, Limits limits) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.limits = limits;
    }

    public SessionService.Signed rekey(SignedRequest request) throws Rejection {
        return Tx.durable(db, c -> {
            DeviceRecord device = DeviceLock.take(c, request.deviceId());
            byte[] der = request.signature(limits.maxSignatureHeaderBytes(), limits.maxRequestBytes());
            String requestSha256 = Sha256.hex(request.body());
            Instant now = clock.instant();
            try {
                request.verify(der, device.pinnedCertificate());
            } catch (Rejection invalid) {
                return replayBySupersededKey(c, request, der, requestSha256, now).orElseThrow(() -> invalid);
            }
            RekeyRequest req = RequestDocuments.read(request.body(), RekeyRequest::read);
            PathChecks.sameDevice(request.deviceId(), req.deviceId());
            Optional<Stored> earlier = stored(c, request.deviceId(), B64u.encode(req.nonce()));
            if (earlier.isPresent()) {
                if (earlier.get().requestSha256().equals(requestSha256)) {
                    return new SessionService.Signed(earlier.get().response(), earlier.get().signature());
                }
                throw Rejection.of(ProblemType.NONCE_REUSED, "Nonce reused", "This nonce was used before with other bytes.");
            }
            PublicKey key;
            try {
                key = Csrs.verifiedKey(req.csr());
            } catch (IllegalArgumentException e) {
                throw Rejection.of(ProblemType.CSR_INVALID, "Certificate request invalid", e.getMessage() + ".");
            }
            X509Certificate cert = CertificateProfiles.device(keys.ca(), key, device.deviceId(), device.unitCode(), now);
            byte[] certDer = Certificates.der(cert);
            byte[] body = new RekeyResponse(certDer, device.deviceId(), requestSha256, WireFormats.serverTime(now)).canonical();
            byte[] signature = keys.sign(body);
            Devices.pin(c, device.deviceId(), certDer, cert.getSerialNumber().toString(16), "superseded", now);
            Sql.update(c, "INSERT INTO rekeys (device_id, nonce, request_sha256, old_serial, response, signature, created_at) "
                    + "VALUES (?, ?, ?, ?, ?, ?, ?)", device.deviceId(), B64u.encode(req.nonce()), requestSha256,
                    device.certificateSerial(), body, signature, now);
            return new SessionService.Signed(body, signature);
        });
    }

    private record Stored(String requestSha256, String oldSerial, byte[] response, byte[] signature) {
    }

    private static Optional<Stored> stored(Connection c, String deviceId, String nonce) throws SQLException {
        return Sql.one(c, "SELECT request_sha256, old_serial, response, signature FROM rekeys WHERE device_id = ? AND nonce = ?",
                rs -> new Stored(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4)), deviceId, nonce);
    }

    /** An exact replay of a committed rekey, signed by the key it superseded (within 30 days). */
    private Optional<SessionService.Signed> replayBySupersededKey(Connection c, SignedRequest request, byte[] der,
            String requestSha256, Instant now) throws SQLException {
        Optional<Stored> stored = Sql.one(c, "SELECT request_sha256, old_serial, response, signature FROM rekeys "
                + "WHERE device_id = ? AND request_sha256 = ? AND created_at >= ?", rs -> new Stored(rs.getString(1),
                rs.getString(2), rs.getBytes(3), rs.getBytes(4)), request.deviceId(), requestSha256, now.minus(REPLAY_WINDOW));
        if (stored.isEmpty()) {
            return Optional.empty();
        }
        Optional<byte[]> old = Devices.supersededCertificate(c, request.deviceId(), stored.get().oldSerial(),
                now.minus(REPLAY_WINDOW));
        if (old.isEmpty()) {
            return Optional.empty();
        }
        try {
            request.verify(der, Certificates.parse(old.get()));
        } catch (Rejection e) {
            return Optional.empty();
        }
        return Optional.of(new SessionService.Signed(stored.get().response(), stored.get().signature()));
    }
}
