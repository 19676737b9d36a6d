package org.motcua.server.state;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.CodeCounter;
import org.motcua.protocol.doc.DeviceState;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.server.Rejection;
import org.motcua.server.ingest.ChainStore;
import org.motcua.server.ingest.EpochRow;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.sessions.SessionService;

/**
 * What the server holds of a device, signed (§5.5, §6.6): the tail of the requested (or current) epoch, the open
 * epoch, and the highest dossier numbers seen per date, bound to the device's nonce. Also stored receipts (§6.5).
 */
public final class DeviceStateService {

    static final int CODE_COUNTER_DATES = 14;

    private final ServerDatabase db;
    private final ServerKeys keys;
    private final Clock clock;

    public DeviceStateService(ServerDatabase db, ServerKeys keys, Clock clock) {
        this.db = db;
        this.keys = keys;
        this.clock = clock;
    }

    /** The signed {@code deviceState}; {@code epoch} null describes the current epoch. */
    public SessionService.Signed state(DeviceRecord device, byte[] nonce, String epoch) throws Rejection {
        DeviceState state = Tx.plain(db, c -> build(c, device, nonce, Optional.ofNullable(epoch), clock.instant()));
        byte[] body = state.canonical();
        return new SessionService.Signed(body, keys.sign(body));
    }

    /** The document itself (also used by the USB reply). */
    public static DeviceState build(Connection c, DeviceRecord device, byte[] nonce, Optional<String> requested, Instant now)
            throws SQLException {
        Optional<EpochRow> open = ChainStore.openEpoch(c, device.deviceId());
        Optional<EpochRow> described = requested.isPresent() ? ChainStore.epoch(c, device.deviceId(), requested.get()) : open;
        String status = described.map(e -> e.open() ? DeviceState.OPEN : DeviceState.CLOSED).orElse(DeviceState.UNKNOWN);
        return new DeviceState(described.map(EpochRow::ackedHash).orElse(Sha256.ZEROS), described.map(EpochRow::ackedSeq).orElse(0L),
                counters(c, device.deviceId()), open.map(EpochRow::epochId), device.deviceId(), device.deviceNumber(),
                requested.isPresent() ? requested : described.map(EpochRow::epochId), status,
                described.map(EpochRow::lastBatchId), nonce, WireFormats.serverTime(now), device.unitCode());
    }

    private static List<CodeCounter> counters(Connection c, String deviceId) throws SQLException {
        List<CodeCounter> latest = new ArrayList<>(Sql.list(c, "SELECT code_date, last_number FROM device_code_counters "
                + "WHERE device_id = ? ORDER BY code_date DESC", rs -> new CodeCounter(
                rs.getObject(1, LocalDate.class).toString(), rs.getInt(2)), deviceId));
        List<CodeCounter> out = new ArrayList<>(latest.subList(0, Math.min(CODE_COUNTER_DATES, latest.size())));
        out.sort(Comparator.comparing(CodeCounter::date));
        return out;
    }

    /** The stored receipt and its stored signature (§6.5), or 404 {@code receipt-not-found}. */
    public SessionService.Signed receipt(DeviceRecord device, String batchId) throws Rejection {
        ChainStore.StoredBatch b = Tx.plain(db, c -> ChainStore.receipt(c, device.deviceId(), batchId)).orElseThrow(() ->
                Rejection.of(ProblemType.RECEIPT_NOT_FOUND, "Receipt not found", "No committed batch of this device has id "
                        + batchId + "."));
        return new SessionService.Signed(b.receipt(), b.signature());
    }
}
