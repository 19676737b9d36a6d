package org.motcua.store.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.feed.CalendarData;
import org.motcua.protocol.feed.DossierDecisionData;
import org.motcua.protocol.feed.DeviceConfigData;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.protocol.feed.ProcedureData;
import org.motcua.protocol.feed.ProductReleaseData;
import org.motcua.protocol.feed.RosterData;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.Store;
import org.motcua.store.UpstreamDecisions;
import org.motcua.store.internal.FeedReferenceTables;
import org.motcua.store.internal.NumberLeaseTable;
import org.motcua.store.internal.Sql;

/**
 * The down-sync feed's local state (§10): the cursor ({@code feedId}, {@code lastSeq}, the largest
 * {@code catalogueExpiresAt}) and, per (itemType, key), the version and data last applied. A verified page is applied
 * with its cursor in one transaction, procedure and calendar items to the desk's catalogue and calendar with it, number
 * leases to the numbering's blocks, upstream decisions to their dossiers ({@link UpstreamDecisions}); the roster is
 * kept as received and read by {@link FeedRoster}.
 */
public final class FeedStore {

    public record Cursor(UUID feedId, long lastSeq, Optional<String> catalogueExpiresAt) {
    }

    /** The version of an item and the SHA-256 of its canonical data, as last applied. */
    public record StoredItem(long version, String dataSha256) {
    }

    /** An item to store: replaces the stored one of the same (itemType, key). */
    public record Item(String itemType, String key, long version, String dataSha256, byte[] data) {
    }

    private static final System.Logger LOG = System.getLogger(FeedStore.class.getName());

    private final Store store;

    public FeedStore(Store store) {
        this.store = store;
    }

    public Optional<Cursor> cursor() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT feed_id, last_seq, catalogue_expires_at FROM sync_feed_cursor");
                    ResultSet rs = ps.executeQuery()) {
                return rs.next() ? Optional.of(new Cursor(rs.getObject(1, UUID.class), rs.getLong(2),
                        Optional.ofNullable(rs.getString(3)))) : Optional.empty();
            }
        });
    }

    public Optional<StoredItem> item(String itemType, String key) {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT version, data_sha256 FROM sync_feed_item WHERE item_type = ? AND item_key = ?")) {
                Sql.bind(ps, itemType, key);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(new StoredItem(rs.getLong(1), rs.getString(2))) : Optional.empty();
                }
            }
        });
    }

    /**
     * The product release the province offers this platform ({@code productRelease} item keyed by platform, PROTOCOL-NOTES
     * "Product updates"), as the signed feed brought it; empty when none came or it cannot be read (logged).
     */
    public Optional<ProductReleaseData> productRelease(String platform) {
        Optional<byte[]> data = store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM sync_feed_item WHERE item_type = ? AND item_key = ?")) {
                Sql.bind(ps, ProductReleaseData.ITEM_TYPE, platform);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(rs.getBytes(1)) : Optional.empty();
                }
            }
        });
        try {
            return data.isEmpty() ? Optional.empty() : Optional.of(ProductReleaseData.read(StrictJson.parse(data.get())));
        } catch (SchemaInvalid | JsonRejected e) {
            LOG.log(System.Logger.Level.WARNING, "the product release for " + platform + " cannot be read by this desk: "
                    + e.getMessage());
            return Optional.empty();
        }
    }

    /** The item type and key by which the province announces its public lookup page (PROTOCOL-NOTES.md). */
    public static final String LOOKUP_PAGE = "lookupPage";
    public static final String LOOKUP_PAGE_KEY = "province";

    /**
     * The province's public lookup page, when its feed announced one: the receipt's QR code then carries its URL with
     * the dossier code and token. Empty before any such item, after the province withdrew it ({@code {}}), or when the
     * stored data cannot be read (the receipt then keeps the plain text).
     */
    public Optional<String> lookupPageUrl() {
        return store.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT data FROM sync_feed_item WHERE item_type = ? AND item_key = ?")) {
                Sql.bind(ps, LOOKUP_PAGE, LOOKUP_PAGE_KEY);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        return Optional.empty();
                    }
                    try {
                        var url = StrictJson.parse(rs.getBytes(1)).path("url");
                        return url.isTextual() && !url.asText().isBlank() ? Optional.of(url.asText()) : Optional.empty();
                    } catch (JsonRejected e) {
                        return Optional.empty();
                    }
                }
            }
        });
    }

    /**
     * Stores the applied items and the new cursor in one transaction, and applies the items the desk knows:
     * {@code procedure} items to the catalogue, {@code calendar} items to the working calendar
     * ({@link FeedReferenceTables}). Others are stored as received.
     */
    public void apply(List<Item> items, Cursor cursor) {
        store.write(c -> {
            LocalDateTime now = LocalDateTime.now();
            for (Item i : items) {
                Sql.update(c, "MERGE INTO sync_feed_item (item_type, item_key, version, data_sha256, data, applied_at) "
                        + "KEY (item_type, item_key) VALUES (?, ?, ?, ?, ?, ?)", i.itemType(), i.key(), i.version(),
                        i.dataSha256(), i.data(), now);
                applyToDesk(c, i, now);
            }
            Sql.update(c, "MERGE INTO sync_feed_cursor (singleton, feed_id, last_seq, catalogue_expires_at) KEY (singleton) "
                    + "VALUES (TRUE, ?, ?, ?)", cursor.feedId(), cursor.lastSeq(), cursor.catalogueExpiresAt());
            return null;
        });
    }

    /**
     * A lease for another device or unit (the server scopes leases to their device, so only a misconfigured server sends
     * one) is logged and not used: numbering from it could collide with the device it was meant for.
     */
    private void applyLease(Connection c, NumberLeaseData lease) throws SQLException {
        // read in this transaction: a deviceConfig earlier in the same page may have moved the desk to the lease's unit
        DeviceIdentity me = store.device(c);
        if (!lease.deviceId().equals(me.deviceId().toString()) || !lease.unitCode().equals(me.unitCode())) {
            LOG.log(System.Logger.Level.WARNING, "number lease " + lease.leaseId() + " is for device " + lease.deviceId() + " of unit "
                    + lease.unitCode() + ", not this desk; it is kept but not used");
            return;
        }
        NumberLeaseTable.apply(c, lease);
    }

    /**
     * The province gave this desk another number or unit (§5.6 {@code deviceConfig}): codes issued from now on use them
     * (the day counter then starts above anything this desk issued that day in the new range, see
     * {@code DossierIntake}); codes already printed keep theirs, like a number changed at enrolment. An item keyed by
     * another device is logged and ignored.
     */
    private void applyDeviceConfig(Connection c, String deviceId, DeviceConfigData config) throws SQLException {
        DeviceIdentity now = store.device(c);
        if (!deviceId.equals(now.deviceId().toString())) {
            LOG.log(System.Logger.Level.WARNING, "device configuration for device " + deviceId + " is not for this desk; ignored");
            return;
        }
        String unitName = config.unitName().orElse(now.unitName());
        if (config.unitName().isEmpty() && !config.unitCode().equals(now.unitCode())) {
            LOG.log(System.Logger.Level.WARNING, "the province moved this desk to unit " + config.unitCode()
                    + " without naming it; the forms keep the name " + now.unitName() + " until it does");
        }
        Sql.update(c, "UPDATE device SET unit_code = ?, unit_name = ?, device_number = ?", config.unitCode(), unitName,
                config.deviceNumber());
        LOG.log(System.Logger.Level.INFO, "the province changed this desk to unit " + config.unitCode() + ", device number "
                + config.deviceNumber() + " (was " + now.unitCode() + ", " + now.deviceNumber() + ")");
        store.deviceChanged(c);
        store.referenceDataChanged();
    }

    /**
     * A known item whose data this desk cannot read is logged and kept raw, not applied: the province signed it, so
     * refusing the page would stop the feed for every later item too.
     */
    private void applyToDesk(Connection c, Item i, LocalDateTime now) throws SQLException {
        try {
            switch (i.itemType()) {
                case ProcedureData.ITEM_TYPE -> {
                    FeedReferenceTables.applyProcedure(c, ProcedureData.read(StrictJson.parse(i.data())), i.version(), now);
                    store.referenceDataChanged();
                }
                case CalendarData.ITEM_TYPE -> {
                    FeedReferenceTables.applyCalendar(c, CalendarData.read(StrictJson.parse(i.data())), i.version(), now);
                    store.referenceDataChanged();
                }
                case NumberLeaseData.ITEM_TYPE -> applyLease(c, NumberLeaseData.read(StrictJson.parse(i.data())));
                case DeviceConfigData.ITEM_TYPE -> applyDeviceConfig(c, i.key(), DeviceConfigData.read(StrictJson.parse(i.data())));
                case DossierDecisionData.ITEM_TYPE -> UpstreamDecisions.apply(store, c,
                        DossierDecisionData.read(StrictJson.parse(i.data())), now);
                // the roster is read as stored (FeedRoster); the settings follow it like the catalogue
                case RosterData.ITEM_TYPE -> store.referenceDataChanged();
                default -> {
                    // unknown item types stay raw (§10)
                }
            }
        } catch (SchemaInvalid | JsonRejected e) {
            LOG.log(System.Logger.Level.WARNING, "feed item " + i.itemType() + "/" + i.key() + " version " + i.version()
                    + " cannot be read by this desk and was stored without being applied: " + e.getMessage());
        }
    }
}
