package org.motcua.server.enrol;

import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.EnrolmentRequest;
import org.motcua.protocol.doc.EnrolmentResponse;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.protocol.enrol.Macs;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;
import org.motcua.server.registry.EnrolmentCodes;
import org.motcua.server.registry.Units;
import org.motcua.server.wire.RequestDocuments;

/**
 * Enrolment (§6.1), in the contract's order, for HTTP and offline files alike: the request bytes and their MAC in,
 * the response bytes and their MAC out. Enrolment is idempotent: the very same request bytes within 7 days of the
 * code's use get the stored response again, so a device whose answer was lost is not locked out.
 */
public final class EnrolmentService {

    /** The answer: the {@code enrolmentResponse} bytes and HMAC-SHA256(macKey, bytes). */
    public record Enrolled(byte[] response, byte[] mac) {
    }

    static final int MAX_WRONG_MACS_PER_HOUR = 10;
    static final Duration REPLAY_WINDOW = Duration.ofDays(7);

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;
    private final long maxRequestBytes;

    public EnrolmentService(ServerDatabase db, ServerKeys keys, Clock clock, long maxRequestBytes) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
        this.maxRequestBytes = maxRequestBytes;
    }

    /** A device's own enrolment over HTTP (§6.1): not an admin action, so not in the audit log. */
    public Enrolled enrol(byte[] body, byte[] mac) throws Rejection {
        return enrol(body, mac, null);
    }

    /**
     * An enrolment the admin performs ({@code enrol-file}, §11): {@code admin} non-null writes the audit entry in the
     * transaction that registers the device.
     */
    public Enrolled enrol(byte[] body, byte[] mac, Actor admin) throws Rejection {
        if (body.length > maxRequestBytes) {
            throw RequestDocuments.requestTooLarge(maxRequestBytes);
        }
        EnrolmentRequest request = RequestDocuments.read(body, EnrolmentRequest::read);
        String requestSha256 = Sha256.hex(body);
        Check check = Tx.durable(db, c -> checkCode(c, request.codeId(), body, mac));
        if (check.wrongMac) {
            throw invalid();
        }
        return Tx.durable(db, c -> register(c, request, body, requestSha256, admin));
    }

    private record Check(boolean wrongMac) {
    }

    /** Unknown code, throttle and MAC; a wrong MAC is counted (and committed) but never burns the code. */
    private Check checkCode(Connection c, String codeId, byte[] body, byte[] mac) throws SQLException, Rejection {
        EnrolmentCodes.Code code = EnrolmentCodes.lock(c, codeId).orElseThrow(EnrolmentService::invalid);
        Instant now = clock.instant();
        if (code.macFailures() >= MAX_WRONG_MACS_PER_HOUR && code.macFailuresSince() != null
                && code.macFailuresSince().isAfter(now.minus(Duration.ofHours(1)))) {
            long wait = Duration.between(now, code.macFailuresSince().plus(Duration.ofHours(1))).toSeconds() + 1;
            throw Rejection.of(ProblemType.RATE_LIMITED, "Too many wrong codes",
                    "This enrolment code saw too many wrong MACs in the last hour; it works again after that hour.")
                    .retryAfter(wait);
        }
        if (!Macs.equal(mac, Macs.hmacSha256(code.macKey(), body))) {
            EnrolmentCodes.countWrongMac(c, code, now);
            return new Check(true);
        }
        return new Check(false);
    }

    private Enrolled register(Connection c, EnrolmentRequest request, byte[] body, String requestSha256, Actor admin)
            throws SQLException, Rejection {
        EnrolmentCodes.Code code = EnrolmentCodes.lock(c, request.codeId()).orElseThrow(EnrolmentService::invalid);
        Instant now = clock.instant();
        if (code.used()) {
            if (requestSha256.equals(code.requestSha256()) && code.usedAt().isAfter(now.minus(REPLAY_WINDOW))) {
                return new Enrolled(code.response(), Macs.hmacSha256(code.macKey(), code.response()));
            }
            throw Rejection.of(ProblemType.ENROLMENT_CODE_USED, "Enrolment code already used",
                    "This code enrolled a device already; only the very same request bytes get its answer again.");
        }
        if (!now.isBefore(code.expiresAt())) {
            throw Rejection.of(ProblemType.ENROLMENT_CODE_EXPIRED, "Enrolment code expired",
                    "This enrolment code expired; ask the administrator for a new one.");
        }
        boolean reenrol = EnrolmentCodes.REENROL.equals(code.purpose());
        if (reenrol && !request.deviceId().equals(code.reenrolDeviceId())) {
            throw Rejection.of(ProblemType.ENROLMENT_CODE_MISMATCH, "Code bound to another device",
                    "This re-enrolment code was made for another device.");
        }
        PublicKey key;
        try {
            key = Csrs.verifiedKey(request.csr());
        } catch (IllegalArgumentException e) {
            throw Rejection.of(ProblemType.CSR_INVALID, "Certificate request invalid", e.getMessage() + ".");
        }
        DeviceRecord existing = Devices.find(c, request.deviceId()).orElse(null);
        if (!reenrol && existing != null) {
            throw Rejection.of(ProblemType.DEVICE_ID_TAKEN, "Device id taken",
                    "A device with this id is registered already; a new installation makes a new id.");
        }
        Units.lock(c, code.unitCode());
        int number = DeviceNumbers.assign(c, code.unitCode(), request.deviceId(), existing,
                request.device().provisionalDeviceNumber().orElse(null), now);
        X509Certificate cert = CertificateProfiles.device(keys.ca(), key, request.deviceId(), code.unitCode(), now);
        byte[] certDer = Certificates.der(cert);
        String serial = cert.getSerialNumber().toString(16);
        if (existing == null) {
            Sql.update(c, "INSERT INTO devices (device_id, unit_code, device_number, status, certificate, certificate_serial, "
                    + "hostname, client_version, os, enrolled_at) VALUES (?, ?, ?, 'active', ?, ?, ?, ?, ?, ?)",
                    request.deviceId(), code.unitCode(), number, certDer, serial, request.device().hostname(),
                    request.device().clientVersion(), os(request), now);
            Devices.pin(c, request.deviceId(), certDer, serial, "superseded", now);
        } else {
            // Re-enrolment keeps the device's number (when still its own) and its epochs; the old key is revoked.
            Sql.update(c, "UPDATE devices SET unit_code = ?, device_number = ?, status = 'active', revoked_at = NULL, hostname = ?, "
                    + "client_version = ?, os = ? WHERE device_id = ?", code.unitCode(), number, request.device().hostname(),
                    request.device().clientVersion(), os(request), request.deviceId());
            Devices.pin(c, request.deviceId(), certDer, serial, "revoked", now);
            Sql.update(c, "DELETE FROM sessions WHERE device_id = ?", request.deviceId());
        }
        String unitName = Units.name(c, code.unitCode()).orElse(code.unitCode());
        byte[] response = new EnrolmentResponse(Certificates.der(keys.caCertificate()), code.codeId(), certDer,
                request.deviceId(), number, requestSha256, Certificates.der(keys.responseCertificate()),
                WireFormats.serverTime(now), code.unitCode(), unitName).canonical();
        EnrolmentCodes.markUsed(c, code.codeId(), request.deviceId(), requestSha256, response, now);
        if (admin != null) {
            AuditLog.record(c, admin, now, "device.enrol-file", request.deviceId(), "unit=" + code.unitCode() + ", number=" + number
                    + ", codeId=" + code.codeId() + ", purpose=" + code.purpose());
        }
        return new Enrolled(response, Macs.hmacSha256(code.macKey(), response));
    }

    private static String os(EnrolmentRequest request) {
        return request.device().osName() + " " + request.device().osVersion();
    }

    private static Rejection invalid() {
        return Rejection.of(ProblemType.ENROLMENT_CODE_INVALID, "Enrolment code invalid",
                "No live enrolment code matches this request and its MotCua-Enrolment-Mac.");
    }
}
