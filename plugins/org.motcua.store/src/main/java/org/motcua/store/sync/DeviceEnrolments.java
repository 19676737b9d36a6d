package org.motcua.store.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.Optional;
import org.motcua.store.Store;
import org.motcua.store.internal.Sql;

/**
 * The device's enrolment (§6.1), kept only in the encrypted database: the private key (PKCS#8), its certificate, the
 * pinned CA, the response-signing certificate and the server's base URL; and, between sending a request and getting
 * its answer, the exact request bytes (sent again identically after a lost answer) with the key material they need.
 */
public final class DeviceEnrolments {

    /** A completed enrolment. */
    public record Enrolment(String baseUrl, byte[] privateKey, byte[] deviceCertificate, byte[] caCertificate,
            byte[] responseCertificate, String serverTime) {

        /** Never the key: an enrolment must not end up in a log by accident. */
        @Override
        public String toString() {
            return "Enrolment[" + baseUrl + "]";
        }
    }

    /** A request sent (or about to be) and not yet answered. */
    public record Pending(String codeId, String baseUrl, byte[] request, byte[] macKey, byte[] privateKey) {

        @Override
        public String toString() {
            return "PendingEnrolment[" + codeId + " " + baseUrl + "]";
        }
    }

    private final Store store;

    public DeviceEnrolments(Store store) {
        this.store = store;
    }

    public Optional<Enrolment> current() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT base_url, private_key, device_certificate, ca_certificate, "
                    + "response_certificate, server_time FROM sync_enrolment"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Enrolment(rs.getString(1), rs.getBytes(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getBytes(5), rs.getString(6))) : Optional.empty();
            }
        });
    }

    public Optional<Pending> pending() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT code_id, base_url, request, mac_key, private_key "
                    + "FROM sync_enrolment_request"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Pending(rs.getString(1), rs.getString(2), rs.getBytes(3), rs.getBytes(4),
                        rs.getBytes(5))) : Optional.empty();
            }
        });
    }

    /** Stores a request before its first send, replacing any earlier unanswered one. */
    public void savePending(Pending p) {
        store.write(c -> {
            Sql.update(c, "DELETE FROM sync_enrolment_request");
            return Sql.update(c, "INSERT INTO sync_enrolment_request (code_id, base_url, request, mac_key, private_key, "
                    + "created_at) VALUES (?, ?, ?, ?, ?, ?)", p.codeId(), p.baseUrl(), p.request(), p.macKey(),
                    p.privateKey(), LocalDateTime.now());
        });
    }

    public void discardPending() {
        store.write(c -> Sql.update(c, "DELETE FROM sync_enrolment_request"));
    }

    /**
     * Commits a verified enrolment in one transaction: the key, certificates and base URL; the unit and device number
     * the server gave (codes issued from now on use that number's range; printed ones keep theirs); the pending
     * request and any unanswered rekey removed; a stop left by an earlier revocation lifted.
     */
    public void commit(Enrolment e, String unitCode, String unitName, int deviceNumber) {
        store.write(c -> {
            Sql.update(c, "DELETE FROM sync_enrolment");
            Sql.update(c, "INSERT INTO sync_enrolment (base_url, private_key, device_certificate, ca_certificate, "
                    + "response_certificate, enrolled_at, server_time) VALUES (?, ?, ?, ?, ?, ?, ?)", e.baseUrl(),
                    e.privateKey(), e.deviceCertificate(), e.caCertificate(), e.responseCertificate(), LocalDateTime.now(),
                    e.serverTime());
            Sql.update(c, "UPDATE device SET unit_code = ?, unit_name = ?, device_number = ?", unitCode, unitName,
                    deviceNumber);
            Sql.update(c, "DELETE FROM sync_enrolment_request");
            // a rekey request signed by the key this enrolment replaces can never be completed: it goes with that key
            Sql.update(c, "DELETE FROM sync_rekey_request");
            Sql.update(c, "DELETE FROM sync_setting WHERE setting_key IN ('STOPPED', 'NEXT_ATTEMPT_AT', 'FAILURES')");
            SyncLedger.raiseServerTime(c, e.serverTime());
            store.deviceChanged(c);
            return null;
        });
    }
}
