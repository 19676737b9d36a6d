package org.motcua.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.store.Store;
import org.motcua.store.internal.ChainMarker;
import org.motcua.store.internal.Sql;

/**
 * The small facts of the sync state, each durable in the encrypted database: named settings (the back-off schedule,
 * the adaptive batch size, the server's limits, clock facts, a stop reason), the blobs the server confirmed, the USB
 * exports and the replies already imported, and raising day counters from a verified state.
 */
public final class SyncLedger {

    /** Names of the settings the sync engine keeps. */
    public enum Key {
        /** When the next attempt may start (ISO instant); survives restarts so back-off does too. */
        NEXT_ATTEMPT_AT,
        /** Consecutive failed attempts, for the back-off's doubling. */
        FAILURES,
        /** The current target wire size of a batch (§8.2 step 1). */
        TARGET_WIRE_BYTES,
        /** The server's limits document as last read (canonical JSON). */
        LIMITS,
        /** When the limits were last read (ISO instant). */
        LIMITS_READ_AT,
        /** The largest verified serverTime seen (RFC 3339). */
        MAX_SERVER_TIME,
        /** The desk clock minus the last verified serverTime, in milliseconds. */
        CLOCK_SKEW_MILLIS,
        /** When the last sync attempt completed without a problem (ISO instant). */
        LAST_SUCCESS_AT,
        /** The last problem (a name the UI turns into words). */
        LAST_PROBLEM,
        /** Set when syncing must stop until an operator acts (revoked, unknown device, client defect, identity in use). */
        STOPPED,
        /** Retry {@code unsupported-event-type} only after this time (ISO instant). */
        RETRY_DAILY_AFTER
    }

    private final Store store;

    public SyncLedger(Store store) {
        this.store = store;
    }

    public Optional<String> get(Key key) {
        return store.read(c -> get(c, key));
    }

    static Optional<String> get(Connection c, Key key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM sync_setting WHERE setting_key = ?")) {
            Sql.bind(ps, key.name());
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    public void put(Key key, String value) {
        store.write(c -> put(c, key, value));
    }

    static int put(Connection c, Key key, String value) throws SQLException {
        return Sql.update(c, "MERGE INTO sync_setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)",
                key.name(), value);
    }

    public void remove(Key key) {
        store.write(c -> Sql.update(c, "DELETE FROM sync_setting WHERE setting_key = ?", key.name()));
    }

    /** Keeps the largest verified serverTime (§8.1 "max serverTime seen"). */
    static void raiseServerTime(Connection c, String serverTime) throws SQLException {
        Instant t = OffsetDateTime.parse(serverTime).toInstant();
        Optional<String> seen = get(c, Key.MAX_SERVER_TIME);
        if (seen.isEmpty() || OffsetDateTime.parse(seen.get()).toInstant().isBefore(t)) {
            put(c, Key.MAX_SERVER_TIME, serverTime);
        }
    }

    public void raiseServerTime(String serverTime) {
        store.write(c -> {
            raiseServerTime(c, serverTime);
            return null;
        });
    }

    /** Raises each day's dossier counter to at least a verified state's {@code codeCounters} (§8.4). */
    public void advanceDayCounters(List<DayCounter> counters) {
        if (counters.isEmpty()) {
            return;
        }
        store.write(c -> {
            if (ChainMarker.advanceDayCounters(c,
                    counters.stream().map(d -> new ChainMarker.DayCounter(d.date(), d.lastNumber())).toList())) {
                store.chainChanged();   // the marker keeps the raised counters
            }
            return null;
        });
    }

    // --- blobs ---------------------------------------------------------------------------------------------

    public boolean blobConfirmed(String sha256) {
        return store.read(c -> SyncOutbox.count(c, "SELECT COUNT(*) FROM sync_blob WHERE sha256 = ?", sha256) > 0);
    }

    /** The server said the blob is present for the unit (a 200 on its last chunk, or absent from {@code missing}). */
    public void confirmBlobs(Collection<String> sha256s) {
        if (sha256s.isEmpty()) {
            return;
        }
        store.write(c -> {
            for (String h : sha256s) {
                Sql.update(c, "MERGE INTO sync_blob (sha256, confirmed_at) KEY (sha256) VALUES (?, ?)", h, LocalDateTime.now());
            }
            return null;
        });
    }

    // --- USB -----------------------------------------------------------------------------------------------

    /** The counter the next export carries: 1 for the first, then +1 (§11). */
    public long nextExportSeq() {
        return store.read(c -> SyncOutbox.count(c, "SELECT COALESCE(MAX(export_seq), 0) + 1 FROM sync_usb_export"));
    }

    /** Records an export written to disk and flags its batches exported, in one transaction. */
    public void recordExport(UUID exportId, long exportSeq, String fileName, Collection<UUID> batchIds) {
        store.write(c -> {
            Sql.update(c, "INSERT INTO sync_usb_export (export_id, export_seq, created_at, file_name) VALUES (?, ?, ?, ?)",
                    exportId, exportSeq, LocalDateTime.now(), fileName);
            for (UUID b : batchIds) {
                Sql.update(c, "UPDATE sync_batch SET exported = TRUE WHERE batch_id = ?", b);
            }
            return null;
        });
    }

    /** The ids of this device's exports: the only nonces a reply's state may carry. */
    public Set<UUID> exportIds() {
        return store.read(c -> {
            Set<UUID> ids = new HashSet<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT export_id FROM sync_usb_export");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    public boolean replyImported(UUID replyId) {
        return store.read(c -> SyncOutbox.count(c, "SELECT COUNT(*) FROM sync_usb_reply WHERE reply_id = ?", replyId) > 0);
    }

    public void recordReply(UUID replyId, Optional<UUID> exportId) {
        store.write(c -> Sql.update(c, "MERGE INTO sync_usb_reply (reply_id, export_id, imported_at) KEY (reply_id) "
                + "VALUES (?, ?, ?)", replyId, exportId, LocalDateTime.now()));
    }
}
