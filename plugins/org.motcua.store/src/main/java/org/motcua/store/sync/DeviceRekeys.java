package org.motcua.store.sync;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.store.Store;
import org.motcua.store.internal.AuditTable;
import org.motcua.store.internal.Sql;

/**
 * The desk's side of rekey (§6.2) in the encrypted database: the request waiting for its answer (exact bytes, their
 * signature and the new private key, stored before the first send so a lost answer is asked again with the very same
 * bytes), and the key switch itself — new key and certificate, every frozen batch re-signed, the request deleted and
 * the change written to the audit log, all in one transaction. The old key is overwritten by it.
 */
public final class DeviceRekeys {

    /** A rekey request sent (or about to be) and not yet answered. */
    public record Pending(byte[] request, byte[] signature, String signerSerial, byte[] privateKey, String requestedBy) {

        /** Never the key. */
        @Override
        public String toString() {
            return "PendingRekey[signed by " + signerSerial + ", asked by " + requestedBy + "]";
        }
    }

    /** A frozen batch's new signature by the new key (its bytes are unchanged). */
    public record Resigned(UUID batchId, byte[] signature) {
    }

    private final Store store;
    private final AuditTable audit = new AuditTable();

    public DeviceRekeys(Store store) {
        this.store = store;
    }

    public Optional<Pending> pending() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT request, signature, signer_serial, private_key, requested_by "
                    + "FROM sync_rekey_request"); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Pending(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4),
                        rs.getString(5))) : Optional.empty();
            }
        });
    }

    /** Stores a new request before its first send; refused while another is unanswered (it must be finished first). */
    public void savePending(Pending p, LocalDateTime now) {
        store.write(c -> {
            if (SyncOutbox.count(c, "SELECT COUNT(*) FROM sync_rekey_request") > 0) {
                throw new IllegalStateException("a rekey request is already waiting for its answer");
            }
            return Sql.update(c, "INSERT INTO sync_rekey_request (request, signature, signer_serial, private_key, "
                    + "requested_by, created_at) VALUES (?, ?, ?, ?, ?, ?)", p.request(), p.signature(), p.signerSerial(),
                    p.privateKey(), p.requestedBy(), now);
        });
    }

    /** The server refused the request for good (it stored nothing): the new key is forgotten. */
    public void discardPending() {
        store.write(c -> Sql.update(c, "DELETE FROM sync_rekey_request"));
    }

    /**
     * Switches to the new key in one transaction: the pending request's key and {@code certificate} replace the enrolled
     * key and certificate, each batch of {@code resigned} that is still frozen gets its new signature and signer
     * serial, the request is deleted and the audit log records who asked. Returns how many batches were re-signed.
     *
     * @param request the request bytes the answer names (must be the pending request's)
     * @throws IllegalStateException when no such request is pending (nothing changes)
     */
    public int switchKey(byte[] request, byte[] certificate, String serial, String serverTime, List<Resigned> resigned,
            String deviceId, LocalDateTime now) {
        return store.write(c -> {
            Pending p;
            try (PreparedStatement ps = c.prepareStatement("SELECT request, signature, signer_serial, private_key, requested_by "
                    + "FROM sync_rekey_request"); ResultSet rs = ps.executeQuery()) {
                if (!rs.next() || !Arrays.equals(rs.getBytes(1), request)) {
                    throw new IllegalStateException("the rekey answered is not the one waiting");
                }
                p = new Pending(rs.getBytes(1), rs.getBytes(2), rs.getString(3), rs.getBytes(4), rs.getString(5));
            }
            if (Sql.update(c, "UPDATE sync_enrolment SET private_key = ?, device_certificate = ?", p.privateKey(),
                    certificate) != 1) {
                throw new IllegalStateException("the device is not enrolled");
            }
            int count = 0;
            for (Resigned r : resigned) {
                count += SyncOutbox.resign(c, r.batchId(), r.signature(), serial);
            }
            Sql.update(c, "DELETE FROM sync_rekey_request");
            SyncLedger.raiseServerTime(c, serverTime);
            audit.append(c, now, p.requestedBy(), "DEVICE_KEY_RENEWED", deviceId,
                    "certificate " + p.signerSerial() + " -> " + serial + "; " + count + " frozen batch(es) re-signed");
            return count;
        });
    }
}
