package org.motcua.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.store.internal.AuditTable;
import org.motcua.store.internal.CatalogueTable;
import org.motcua.store.internal.DossierTable;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.OutboxTable;
import org.motcua.store.internal.Sql;

/**
 * The commune client's local store: one encrypted H2 file, opened once for the life of the client.
 *
 * <p>One connection serves every call, one call at a time: the desk is a single-user program, and a
 * single writer keeps the outbox and audit chains simple. Every write that matters commits and then
 * forces the file to disk ({@code CHECKPOINT SYNC}) before the call returns, so what the officer was told
 * is saved survives a killed process and a power cut.
 */
public final class Store implements AutoCloseable {

    /** A unit of work inside one transaction. */
    @FunctionalInterface
    public interface Work<T> {
        T run(Connection c) throws SQLException;
    }

    private final EncryptedDatabase database;
    private final Connection connection;
    private final DeviceIdentity device;
    final OutboxTable outbox = new OutboxTable();
    final AuditTable audit = new AuditTable();

    private Store(EncryptedDatabase database, DeviceIdentity device) {
        this.database = database;
        this.connection = database.connect().jdbc();
        this.device = device;
    }

    /** Creates the encrypted database for a newly set-up device. */
    public static Store create(Path baseName, char[] fileKey, DeviceIdentity device) {
        EncryptedDatabase db = EncryptedDatabase.create(baseName, fileKey);
        SchemaMigrator.migrate(db.dataSource());
        try (var c = db.connect()) {
            Sql.update(c.jdbc(), "INSERT INTO device (device_id, unit_code, unit_name, device_number) VALUES (?, ?, ?, ?)",
                    device.deviceId(), device.unitCode(), device.unitName(), device.deviceNumber());
            try (Statement st = c.jdbc().createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "could not record the device identity", e);
        }
        return new Store(db, device);
    }

    /** Opens an existing store, bringing its schema up to date. */
    public static Store open(Path baseName, char[] fileKey) {
        EncryptedDatabase db = EncryptedDatabase.open(baseName, fileKey);
        SchemaMigrator.migrate(db.dataSource());
        try (var c = db.connect(); Statement st = c.jdbc().createStatement();
                ResultSet rs = st.executeQuery("SELECT device_id, unit_code, unit_name, device_number FROM device")) {
            if (!rs.next()) {
                throw new StoreException(StoreException.Reason.CORRUPTED, "the database has no device identity", null);
            }
            DeviceIdentity device = new DeviceIdentity(rs.getObject(1, UUID.class), rs.getString(2), rs.getString(3),
                    rs.getInt(4));
            return new Store(db, device);
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "could not read the device identity", e);
        }
    }

    public DeviceIdentity device() {
        return device;
    }

    public Path file() {
        return database.file();
    }

    /**
     * Runs {@code work} in one transaction and makes it durable before returning. Nothing of it remains
     * when it throws.
     */
    public synchronized <T> T write(Work<T> work) {
        try {
            connection.setAutoCommit(false);
            T result = work.run(connection);
            connection.commit();
            try (Statement st = connection.createStatement()) {
                st.execute("CHECKPOINT SYNC");
            }
            return result;
        } catch (SQLException | RuntimeException e) {
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

    /** Verifies the outbox's hash chain end to end. */
    public ChainCheck verifyOutbox() {
        return read(outbox::verify);
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

    @Override
    public synchronized void close() {
        try {
            connection.close();
        } catch (SQLException e) {
            throw new StoreException(StoreException.Reason.OTHER, "closing the store failed", e);
        }
    }
}
