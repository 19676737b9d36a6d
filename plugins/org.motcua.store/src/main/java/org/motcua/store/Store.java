package org.motcua.store;

import java.io.IOException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.store.internal.AuditTable;
import org.motcua.store.internal.CatalogueTable;
import org.motcua.store.internal.ChainMarker;
import org.motcua.store.internal.CommitListeners;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.EpochTable;
import org.motcua.store.internal.FileCompaction;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.OutboxTable;
import org.motcua.store.internal.Sql;
import org.motcua.store.sync.OutboxEvent;

/**
 * The commune client's local store: one encrypted H2 file, opened once for the life of the client.
 *
 * <p>One connection serves every call, one call at a time: the desk is a single-user program, and a
 * single writer keeps the outbox and audit chains simple. Every write that matters commits and then
 * forces the file to disk ({@code CHECKPOINT SYNC}) before the call returns, so what the officer was told
 * is saved survives a killed process and a power cut.
 *
 * <p>Beside the database lies the chain marker (§8.4 of the wire contract): rewritten after every commit that
 * appends an event or issues a dossier number, and compared with the database at every open. A database found behind
 * its marker was restored from an older copy: it starts a new epoch and raises its day counters to the marker's, so
 * no dossier number is issued twice ({@link #restoredFromOlderCopy()}).
 */
public final class Store implements AutoCloseable {

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private static final System.Logger LOG = System.getLogger(Store.class.getName());

    private final EncryptedDatabase database;
    private final Path marker;
    private final Connection connection;
    private volatile DeviceIdentity device;
    /** What to do once the running transaction has committed durably, keyed so each runs once. */
    private final Map<String, Runnable> afterCommit = new LinkedHashMap<>();
    private boolean restoredFromOlderCopy;
    private final CommitListeners chainListeners = new CommitListeners("chain");
    private final CommitListeners referenceListeners = new CommitListeners("reference-data");
    final AuditTable audit = new AuditTable();

    private Store(EncryptedDatabase database, Path baseName, DeviceIdentity device) {
        this.database = database;
        this.marker = ChainMarker.file(baseName);
        this.connection = database.connect().jdbc();
        this.device = device;
    }

    /** Creates the encrypted database for a newly set-up device. */
    public static Store create(Path baseName, char[] fileKey, DeviceIdentity device) {
        EncryptedDatabase db = EncryptedDatabase.create(baseName, fileKey);
        SchemaMigrator.migrate(db.dataSource());
        Store store = new Store(db, baseName, device);
        store.write(c -> {
            Sql.update(c, "INSERT INTO device (device_id, unit_code, unit_name, device_number) VALUES (?, ?, ?, ?)",
                    device.deviceId(), device.unitCode(), device.unitName(), device.deviceNumber());
            EpochTable.ensureCurrent(c, LocalDateTime.now());
            store.chainChanged();
            return null;
        });
        return store;
    }

    /** Opens an existing store, bringing its schema up to date and checking it against its chain marker. */
    public static Store open(Path baseName, char[] fileKey) {
        EncryptedDatabase db = EncryptedDatabase.open(baseName, fileKey);
        SchemaMigrator.migrate(db.dataSource());
        DeviceIdentity device;
        try (var c = db.connect()) {
            device = readDevice(c.jdbc());
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "could not read the device identity", e);
        }
        Store store = new Store(db, baseName, device);
        store.checkAgainstMarker();
        return store;
    }

    private static DeviceIdentity readDevice(Connection c) throws SQLException {
        try (Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT device_id, unit_code, unit_name, device_number FROM device")) {
            if (!rs.next()) {
                throw new StoreException(StoreException.Reason.CORRUPTED, "the database has no device identity", null);
            }
            return new DeviceIdentity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3), rs.getInt(4));
        }
    }

    /**
     * §8.4 at start: a database behind its marker was restored from an older copy. It then starts a new epoch (the
     * server closes the old one) and raises every day's dossier counter to at least the marker's, in one transaction.
     */
    private void checkAgainstMarker() {
        var found = ChainMarker.read(marker);
        restoredFromOlderCopy = write(c -> {
            EpochTable.ensureCurrent(c, LocalDateTime.now());
            boolean behind = found.isPresent() && ChainMarker.databaseBehind(c, device.deviceId(), found.get());
            if (found.isPresent() && found.get().deviceId().equals(device.deviceId())) {
                ChainMarker.advanceDayCounters(c, found.get().codeCounters());
            }
            if (behind) {
                LOG.log(System.Logger.Level.WARNING, "the database is behind its chain marker (restored from an older "
                        + "copy?): starting a new epoch and raising the day counters");
                EpochTable.open(c, device.deviceId(), "restored", LocalDateTime.now());
            }
            chainChanged();
            return behind;
        });
    }

    /** True when this open found the database behind its marker and started a new epoch (§8.4). */
    public boolean restoredFromOlderCopy() {
        return restoredFromOlderCopy;
    }

    public DeviceIdentity device() {
        return device;
    }

    /** Inside a {@link #write}: the device as this transaction sees it (an earlier statement may have changed it). */
    public DeviceIdentity device(Connection c) throws SQLException {
        return readDevice(c);
    }

    /**
     * Inside a {@link #write}: the device row was changed (enrolment gave a new number or unit); the identity handed
     * out by {@link #device()} follows once the transaction has committed.
     */
    public void deviceChanged(Connection c) throws SQLException {
        DeviceIdentity changed = readDevice(c);
        afterCommit.put("device", () -> device = changed);
    }

    /**
     * Inside a {@link #write}: appends an event to the outbox, linked into the current epoch's chain, in the same
     * transaction as the change it reports.
     *
     * @param createdAt the desk's clock; hashed as RFC 3339 text with the desk's offset and never rewritten
     * @param payload   the canonical (MC-JCS) payload bytes
     * @param blobs     hashes of the attachments the payload refers to, whose files are already written
     */
    public OutboxEvent appendEvent(Connection c, String type, UUID aggregateId, LocalDateTime createdAt, byte[] payload,
            List<String> blobs) throws SQLException {
        OutboxEvent e = OutboxTable.append(c, device.deviceId(), UUID.randomUUID(), type, aggregateId,
                org.motcua.store.internal.DeskTime.wire(createdAt), blobs, payload);
        chainChanged();
        return e;
    }

    /**
     * Inside a {@link #write}: the chain or a day counter changed, so the marker is rewritten once the transaction
     * has committed. A marker that cannot be written is logged, not thrown: the commit already happened, and the next
     * one rewrites it.
     */
    public void chainChanged() {
        afterCommit.put("marker", () -> {
            try {
                ChainMarker.Marker m = read(c -> ChainMarker.of(c, device.deviceId()));
                ChainMarker.write(marker, m);
            } catch (IOException | RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "the chain marker " + marker + " could not be written: " + e);
            }
            chainListeners.tell();
        });
    }

    /**
     * Told, after the commit, of every transaction that appended an event or moved the chain (the sync engine
     * listens, so it syncs soon after each intake or action). Runs on the writer's thread: must return at once.
     */
    public void addChainListener(Runnable listener) {
        chainListeners.add(listener);
    }

    public void removeChainListener(Runnable listener) {
        chainListeners.remove(listener);
    }

    /**
     * Inside a {@link #write}: the catalogue or the working calendar changed (a feed page brought procedures or a
     * calendar year); the reference-data listeners are told once the transaction has committed.
     */
    public void referenceDataChanged() {
        afterCommit.put("reference", referenceListeners::tell);
    }

    /**
     * Told, after the commit, when the catalogue or calendar changed, so the desk uses them without a restart. Runs on
     * the writer's thread (the sync engine's): must return at once.
     */
    public void addReferenceDataListener(Runnable listener) {
        referenceListeners.add(listener);
    }

    public void removeReferenceDataListener(Runnable listener) {
        referenceListeners.remove(listener);
    }

    /** The marker file beside the database (§8.4). */
    public Path markerFile() {
        return marker;
    }

    public Path file() {
        return database.file();
    }

    /** The open database, for the backups in this package (they need its key and a connection of their own). */
    EncryptedDatabase database() {
        return database;
    }

    /**
     * Runs {@code work} in one transaction and makes it durable before returning. Nothing of it remains
     * when it throws.
     */
    public synchronized <T> T write(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            afterCommit.clear();
            T result = work.run(connection);
            CrashPoints.reach(CrashPoints.BEFORE_COMMIT);
            connection.commit();
            CrashPoints.reach(CrashPoints.BEFORE_SYNC);
            try (Statement st = connection.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
            CrashPoints.reach(CrashPoints.AFTER_SYNC);
            List<Runnable> actions = List.copyOf(afterCommit.values());
            afterCommit.clear();
            connection.setAutoCommit(true);
            actions.forEach(Runnable::run);
            return result;
        } catch (SQLException | RuntimeException e) {
            afterCommit.clear();
            rollback();
            if (e instanceof RuntimeException r) {
                throw r;
            }
            throw new StoreException(StoreException.Reason.OTHER, "the write failed and was undone: " + e.getMessage(), e);
        } finally {
            try {
                connection.setAutoCommit(true);
            } catch (SQLException ignored) {
                // the next call reports a broken connection
            }
        }
    }

    /** Runs a read. */
    public synchronized <T> T read(Work<T> work) {
        try {
            return work.run(connection);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "the read failed: " + e.getMessage(), e);
        }
    }

    private void rollback() {
        try {
            connection.rollback();
        } catch (SQLException ignored) {
            // the original failure is what matters
        }
    }

    /** Stores procedure versions not yet known; returns how many were added. */
    public int addProcedures(Collection<Procedure> versions) {
        return write(c -> CatalogueTable.addMissing(c, List.copyOf(versions)));
    }

    public ProcedureCatalogue catalogue() {
        return read(CatalogueTable::load);
    }

    public Optional<Dossier> dossier(UUID id) {
        return read(c -> one(c, "SELECT * FROM dossier WHERE id = ?", id));
    }

    public Optional<Dossier> dossierByCode(String code) {
        return read(c -> one(c, "SELECT * FROM dossier WHERE code = ?", code));
    }

    public List<HandoverRecord> handovers(UUID dossierId) {
        return read(c -> HandoverTable.of(c, dossierId));
    }

    private static Optional<Dossier> one(Connection c, String sql, Object key) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            Sql.bind(ps, key);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(DossierTable.read(c, rs)) : Optional.empty();
            }
        }
    }

    public long count(String table) {
        if (!table.matches("[a-z_]+")) {
            throw new IllegalArgumentException(table);
        }
        return read(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    /** Verifies every epoch's chain of the outbox end to end (§4.1 link hashes recomputed from the stored bytes). */
    public ChainCheck verifyOutbox() {
        return read(c -> OutboxTable.verify(c, device.deviceId()));
    }

    /** The lookup token printed on the dossier's receipt (the same on every reprint). */
    public Optional<String> lookupToken(UUID dossierId) {
        return read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT lookup_token FROM dossier WHERE id = ?")) {
                Sql.bind(ps, dossierId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getString(1)) : Optional.empty();   // restored dossiers have none
                }
            }
        });
    }

    /** Verifies the audit log's hash chain end to end. */
    public ChainCheck verifyAudit() {
        return read(audit::verify);
    }

    /** Dossier ids in reception order, for tests and exports. */
    public List<UUID> dossierIds() {
        return read(c -> {
            List<UUID> ids = new ArrayList<>();
            try (Statement st = c.createStatement();
                    ResultSet rs = st.executeQuery("SELECT id FROM dossier ORDER BY received_at, code")) {
                while (rs.next()) {
                    ids.add(rs.getObject(1, UUID.class));
                }
            }
            return ids;
        });
    }

    /**
     * Closes the database; H2 compacts it for up to 2 s, or rewrites it whole when most of a large file is free
     * space ({@link FileCompaction}). Closing twice does nothing.
     */
    /** The full rewrite is housekeeping: when it cannot run, the close goes on as H2's normal one. */
    private void compactIfMostlyFree() {
        try {
            if (FileCompaction.mostlyFree(connection)) {
                String before = FileCompaction.state(connection);
                long start = System.nanoTime();
                FileCompaction.closeCompacting(connection);
                LOG.log(System.Logger.Level.INFO, "compacted " + file().getFileName() + " (" + before + ") on closing, in "
                        + (System.nanoTime() - start) / 1_000_000 + " ms");
            }
        } catch (SQLException e) {
            LOG.log(System.Logger.Level.WARNING, "the store file was not compacted on closing: " + e.getMessage());
        }
    }

    @Override
    public synchronized void close() {
        try {
            if (connection.isClosed()) {
                return;
            }
            compactIfMostlyFree();
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "closing the store failed", e);
        }
    }
}
