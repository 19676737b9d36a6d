package org.motcua.store;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.DossierHistory;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.events.EventTypes;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.internal.ChainMarker;
import org.motcua.store.internal.DossierRebuild;
import org.motcua.store.internal.Sql;

/**
 * A replacement PC's restore from the province, on the store's side: each verified {@code dossierHistory} page is
 * stored in ONE transaction with the cursor that follows it, so a restore cut off anywhere goes on from the last page
 * stored and never stores a page twice. The events are kept byte for byte in {@code restored_event} (never in the
 * outbox: they are the province's already, and this desk did not write them), the dossiers rebuilt from them, and the
 * day and register counters raised past every number the province saw from this device (§8.4), so no dossier code
 * or register entry is issued twice.
 */
public final class RestoredDossiers {

    private static final String SCOPE = "restore.scope";
    private static final String AFTER = "restore.after";
    private static final String FINISHED = "restore.finished";

    /** Where a restore stands: the scope asked for, the last dossier id stored, and whether the last page came. */
    public record Cursor(String scope, String after, boolean finished) {
    }

    /** What one page changed. */
    public record PageResult(int dossiersRebuilt, int dossiersKnown, int notRebuilt, int eventsStored) {
    }

    /** One restored event as stored (the payload exactly as the province sent it). */
    public record StoredEvent(UUID eventId, String type, UUID originDevice, UUID originEpoch, long originSeq, byte[] payload) {
    }

    private final Store store;

    public RestoredDossiers(Store store) {
        this.store = store;
    }

    public Optional<Cursor> cursor() {
        return store.read(c -> {
            Optional<String> scope = setting(c, SCOPE);
            return scope.isEmpty() ? Optional.<Cursor>empty()
                    : Optional.of(new Cursor(scope.get(), setting(c, AFTER).orElse(""), setting(c, FINISHED).isPresent()));
        });
    }

    /**
     * The cursor to pull {@code scope} from: the stored one when a restore of that scope was cut off, else the start
     * (a finished restore, or another scope, starts again; dossiers already here are then only counted).
     */
    public Cursor begin(String scope) {
        return store.write(c -> {
            Optional<String> stored = setting(c, SCOPE);
            if (stored.isPresent() && stored.get().equals(scope) && setting(c, FINISHED).isEmpty()) {
                return new Cursor(scope, setting(c, AFTER).orElse(""), false);
            }
            put(c, SCOPE, scope);
            put(c, AFTER, "");
            Sql.update(c, "DELETE FROM sync_setting WHERE setting_key = ?", FINISHED);
            return new Cursor(scope, "", false);
        });
    }

    /** The scans the page's events reference that this desk does not hold yet (to download before {@link #apply}). */
    public Set<String> missingScans(DossierHistory page) {
        Set<String> referenced = new LinkedHashSet<>();
        page.dossiers().forEach(d -> d.events().forEach(e -> referenced.addAll(e.blobs())));
        return store.read(c -> {
            Set<String> missing = new LinkedHashSet<>();
            for (String sha : referenced) {
                if (!exists(c, "SELECT 1 FROM scan_blob WHERE sha256 = ?", sha)) {
                    missing.add(sha);
                }
            }
            return missing;
        });
    }

    /**
     * Stores a verified page that continues {@code cursor}, its scans, its counters and the next cursor, in one
     * durable transaction. A payload whose bytes do not hash to its {@code payloadHash} refuses the whole page.
     */
    public PageResult apply(Cursor cursor, DossierHistory page, DossierRebuild.Scans scans, String actor) {
        if (!page.after().equals(cursor.after()) || !page.scope().equals(cursor.scope())) {
            throw new IllegalArgumentException("the page does not continue the stored cursor");
        }
        for (DossierHistory.Dossier d : page.dossiers()) {
            for (DossierHistory.Event e : d.events()) {
                if (!Sha256.hex(e.payload()).equals(e.payloadHash())) {
                    throw new IllegalArgumentException("event " + e.eventId() + " does not match its payloadHash");
                }
            }
        }
        LocalDateTime now = LocalDateTime.now(org.motcua.store.internal.DeskTime.ZONE);
        return store.write(c -> {
            int rebuilt = 0;
            int known = 0;
            int notRebuilt = 0;
            int stored = 0;
            for (DossierHistory.Dossier d : page.dossiers()) {
                UUID id = UUID.fromString(d.aggregateId());
                boolean present = exists(c, "SELECT 1 FROM dossier WHERE id = ?", id);
                List<DossierHistory.Event> fresh = new ArrayList<>();
                for (DossierHistory.Event e : d.events()) {
                    UUID eventId = UUID.fromString(e.eventId());
                    if (!exists(c, "SELECT 1 FROM restored_event WHERE event_id = ?", eventId)
                            && !exists(c, "SELECT 1 FROM outbox WHERE event_id = ?", eventId)) {
                        fresh.add(e);
                    }
                }
                boolean applied = present || rebuild(c, d, fresh, scans);
                if (present) {
                    known++;
                    for (DossierHistory.Event e : fresh) {
                        later(c, e, scans);   // steps taken since an earlier restore
                    }
                } else if (applied) {
                    rebuilt++;
                } else {
                    notRebuilt++;
                }
                for (DossierHistory.Event e : fresh) {
                    Sql.update(c, "INSERT INTO restored_event (event_id, aggregate_id, origin_device_id, origin_epoch, origin_seq, "
                            + "event_type, created_at, blobs, payload, payload_hash, received_at, applied, restored_at) "
                            + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", UUID.fromString(e.eventId()), id,
                            UUID.fromString(e.deviceId()), UUID.fromString(e.epoch()), e.seq(), e.type(), e.createdAt(),
                            String.join(",", e.blobs()), e.payload(), e.payloadHash(), e.receivedAt(), applied, now);
                    stored++;
                }
            }
            raiseCounters(c, page);
            put(c, AFTER, page.last());
            if (!page.hasMore()) {
                put(c, FINISHED, "true");
            }
            store.audit.append(c, now, actor, "RESTORE_FROM_PROVINCE", page.unitCode(), "scope=" + page.scope()
                    + " rebuilt=" + rebuilt + " known=" + known + " notRebuilt=" + notRebuilt + " events=" + stored);
            store.chainChanged();   // the marker keeps the raised day counters
            return new PageResult(rebuilt, known, notRebuilt, stored);
        });
    }

    /** The events restored for a dossier, in the order stored. */
    public List<StoredEvent> events(UUID dossierId) {
        return store.read(c -> {
            List<StoredEvent> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT event_id, event_type, origin_device_id, origin_epoch, "
                    + "origin_seq, payload FROM restored_event WHERE aggregate_id = ? ORDER BY received_at, origin_seq")) {
                Sql.bind(ps, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        out.add(new StoredEvent(rs.getObject(1, UUID.class), rs.getString(2), rs.getObject(3, UUID.class),
                                rs.getObject(4, UUID.class), rs.getLong(5), rs.getBytes(6)));
                    }
                }
            }
            return out;
        });
    }

    /** A dossier new to this desk: its reception first, then every later step; false when it cannot be rebuilt. */
    private static boolean rebuild(Connection c, DossierHistory.Dossier d, List<DossierHistory.Event> events,
            DossierRebuild.Scans scans) throws SQLException {
        Optional<DossierHistory.Event> reception = events.stream()
                .filter(e -> EventTypes.DOSSIER_RECEIVED.equals(e.type())).findFirst();
        if (reception.isEmpty()) {
            return false;   // the province holds steps but not yet the reception: kept as events only
        }
        DossierReceived r;
        try {
            r = DossierReceived.read(StrictJson.parse(reception.get().payload()));
        } catch (JsonRejected | SchemaInvalid e) {
            return false;
        }
        if (!DossierRebuild.reception(c, r, scans, "application/pdf")) {
            return false;
        }
        for (DossierHistory.Event e : events) {
            later(c, e, scans);
        }
        return true;
    }

    /** A step or scans after the reception; an event of a type this desk does not know is kept and not applied. */
    private static void later(Connection c, DossierHistory.Event e, DossierRebuild.Scans scans) throws SQLException {
        try {
            if (EventTypes.DOSSIER_ACTION_TAKEN.equals(e.type())) {
                DossierRebuild.action(c, DossierActionTaken.read(StrictJson.parse(e.payload())));
            } else if (EventTypes.ATTACHMENTS_ADDED.equals(e.type())) {
                DossierRebuild.attachments(c, AttachmentsAdded.read(StrictJson.parse(e.payload())), scans);
            }
        } catch (JsonRejected | SchemaInvalid ex) {
            // accepted by the province, so readable by its schema; a desk older than the event keeps it unapplied
        }
    }

    /**
     * Day counters from the province's count of this device's codes, and register books from its count and from the
     * dossiers now held: the next code and entry lie past both.
     */
    private static void raiseCounters(Connection c, DossierHistory page) throws SQLException {
        List<ChainMarker.DayCounter> days = page.codeCounters().stream()
                .map(d -> new ChainMarker.DayCounter(LocalDate.parse(d.date()), d.lastNumber())).toList();
        ChainMarker.advanceDayCounters(c, days);
        for (DossierHistory.RegisterCounter b : page.registerCounters()) {
            raiseBook(c, b.book(), b.lastEntry());
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT register_book, MAX(register_entry) FROM dossier GROUP BY register_book");
                ResultSet rs = ps.executeQuery()) {
            List<DossierHistory.RegisterCounter> held = new ArrayList<>();
            while (rs.next()) {
                held.add(new DossierHistory.RegisterCounter(rs.getString(1), rs.getInt(2)));
            }
            for (DossierHistory.RegisterCounter b : held) {
                raiseBook(c, b.book(), b.lastEntry());
            }
        }
    }

    private static void raiseBook(Connection c, String book, int entry) throws SQLException {
        Sql.update(c, "MERGE INTO register_counter (book, last_entry) KEY (book) VALUES (?, GREATEST(?, COALESCE("
                + "(SELECT last_entry FROM register_counter WHERE book = ?), 0)))", book, entry, book);
    }

    private static Optional<String> setting(Connection c, String key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT setting_value FROM sync_setting WHERE setting_key = ?")) {
            Sql.bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        }
    }

    private static void put(Connection c, String key, String value) throws SQLException {
        Sql.update(c, "MERGE INTO sync_setting (setting_key, setting_value) KEY (setting_key) VALUES (?, ?)", key, value);
    }

    private static boolean exists(Connection c, String sql, Object arg) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, arg);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next();
            }
        }
    }
}
