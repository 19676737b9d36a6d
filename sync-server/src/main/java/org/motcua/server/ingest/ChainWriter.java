package org.motcua.server.ingest;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.server.persistence.Sql;
import org.motcua.server.projection.AdminAlerts;
import org.motcua.server.export.ExportFeed;
import org.motcua.server.projection.DossierProjection;
import org.motcua.server.registry.DeviceRecord;

/**
 * The writes of §7 step 15 for the new events of one batch: their chain positions (verbatim for accepted and rejected
 * events, link values and a reference for duplicates), the projection of accepted events, the device's code counters
 * and the admin alerts for colliding dossier codes. Rows are sent with JDBC batching.
 */
final class ChainWriter {

    private ChainWriter() {
    }

    static void write(Connection c, DeviceRecord device, DecodedBatch decoded, List<EventClassifier.Outcome> outcomes,
            List<EventClassifier.Collision> collisions, Instant now) throws SQLException {
        if (outcomes.isEmpty()) {
            return;
        }
        insertPositions(c, device, decoded, outcomes, now);
        List<DossierProjection.Applied> applied = new ArrayList<>();
        Map<LocalDate, Integer> counters = new TreeMap<>();
        for (EventClassifier.Outcome o : outcomes) {
            if (o.received() != null) {
                DossierNumbers.parse(o.received().dossierCode())
                        .ifPresent(code -> counters.merge(code.date(), code.number(), Math::max));
            }
            // an accepted event that is neither a reception nor a step (AttachmentsAdded) is kept in the chain only
            if (o.accepted() && (o.received() != null || o.action() != null)) {
                applied.add(new DossierProjection.Applied(o.event().eventId(), device.deviceId(), o.received(), o.action()));
            }
        }
        DossierProjection.apply(c, applied, now);
        if (!applied.isEmpty()) {
            // the national portal's records are derived from these positions after this commit (ExportFeed)
            Batch batch = decoded.batch();
            ExportFeed.note(c, device.deviceId(), batch.epoch(), batch.fromSeq(), batch.toSeq(), now);
        }
        updateCounters(c, device.deviceId(), counters);
        for (EventClassifier.Collision k : collisions) {
            AdminAlerts.raise(c, AdminAlerts.DOSSIER_CODE_COLLISION, k.deviceId(), k.dossierId(), "Dossier code " + k.dossierCode()
                    + " is also held by dossier(s) " + k.otherIds() + "; nothing was renumbered.", now);
        }
    }

    private static void insertPositions(Connection c, DeviceRecord device, DecodedBatch decoded,
            List<EventClassifier.Outcome> outcomes, Instant now) throws SQLException {
        Batch batch = decoded.batch();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO chain_positions (device_id, epoch_id, seq, event_id, hash, "
                + "prev_hash, status, reason, warnings, original_epoch_id, original_seq, first_event_id, event_type, aggregate_id, "
                + "created_at, blobs, payload_hash, payload, batch_id, received_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (EventClassifier.Outcome o : outcomes) {
                WireEvent e = o.event();
                Receipt.Result r = o.result();
                boolean duplicate = o.duplicate();
                Sql.bind(ps, device.deviceId(), batch.epoch(), e.seq(), e.eventId(), e.hash(), e.prevHash(), r.status(),
                        Sql.text(r.reason().orElse(null)), Sql.text(r.warnings().isEmpty() ? null : String.join(",", r.warnings())),
                        Sql.text(r.original().map(Receipt.Original::epoch).orElse(null)),
                        Sql.bigint(r.original().map(Receipt.Original::seq).orElse(null)),
                        Sql.text(o.firstStorage() ? e.eventId() : null), Sql.text(duplicate ? null : e.type()),
                        Sql.text(duplicate ? null : e.aggregateId()), e.createdAt(),
                        Sql.text(duplicate ? null : String.join(",", e.blobs())), Sql.text(duplicate ? null : e.payloadHash()),
                        Sql.bytes(duplicate ? null : decoded.payload(e)), batch.batchId(), now);
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /**
     * The highest dossier number seen from the device per date (§5.5 codeCounters); only ever rises. One statement per
     * date that has a row (GREATEST keeps the higher number), an INSERT for a date seen for the first time; the
     * per-device lock held by the batch means no other transaction inserts this device's rows meanwhile.
     */
    private static void updateCounters(Connection c, String deviceId, Map<LocalDate, Integer> counters) throws SQLException {
        if (counters.isEmpty()) {
            return;
        }
        List<Map.Entry<LocalDate, Integer>> dates = List.copyOf(counters.entrySet());
        int[] updated;
        try (PreparedStatement ps = c.prepareStatement("UPDATE device_code_counters SET last_number = GREATEST(last_number, ?) "
                + "WHERE device_id = ? AND code_date = ?")) {
            for (Map.Entry<LocalDate, Integer> e : dates) {
                Sql.bind(ps, e.getValue(), deviceId, e.getKey());
                ps.addBatch();
            }
            updated = ps.executeBatch();
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO device_code_counters (device_id, code_date, last_number) "
                + "VALUES (?, ?, ?)")) {
            boolean any = false;
            for (int i = 0; i < dates.size(); i++) {
                if (updated[i] == 0) {
                    Sql.bind(ps, deviceId, dates.get(i).getKey(), dates.get(i).getValue());
                    ps.addBatch();
                    any = true;
                }
            }
            if (any) {
                ps.executeBatch();
            }
        }
    }
}
