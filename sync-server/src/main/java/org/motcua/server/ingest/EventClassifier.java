package org.motcua.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.codec.WireFormats;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.protocol.events.EventTypes;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.server.projection.DossierProjection;
import org.motcua.server.registry.DeviceRecord;

/**
 * Step 15's classification of the batch's new events (§4.2, §5.4): {@code duplicate} of an event already stored
 * (identical envelope, same device, any epoch, or earlier in this batch), {@code rejected} for what can never become
 * valid ({@code event-id-conflict}, {@code schema-invalid}, {@code unit-mismatch}), else {@code accepted} with its
 * warnings. Reads what it needs in a few bulk queries, then decides in memory.
 */
final class EventClassifier {

    static final String EVENT_ID_CONFLICT = "event-id-conflict";
    static final String SCHEMA_INVALID = "schema-invalid";
    static final String UNIT_MISMATCH = "unit-mismatch";
    static final String CLOCK_SKEW = "client-clock-skew";
    static final String CODE_COLLISION = "dossier-code-collision";
    static final String OUT_OF_RANGE = "dossier-number-out-of-range";

    /** The decision for one event; {@code firstStorage} when this position is where its eventId is first stored. */
    record Outcome(WireEvent event, Receipt.Result result, boolean firstStorage, DossierReceived received,
            DossierActionTaken action) {

        boolean accepted() {
            return Receipt.ACCEPTED.equals(result.status());
        }

        boolean duplicate() {
            return Receipt.DUPLICATE.equals(result.status());
        }
    }

    /** A dossier code already used by another dossier: the admin is told (§5.4). */
    record Collision(String deviceId, String dossierId, String dossierCode, String otherIds) {
    }

    private final DeviceRecord device;
    private final String epochId;
    private final Instant serverTime;
    private final long skewToleranceMs;
    private final List<Collision> collisions = new ArrayList<>();

    EventClassifier(DeviceRecord device, String epochId, Instant serverTime, long skewToleranceSeconds) {
        this.device = device;
        this.epochId = epochId;
        this.serverTime = serverTime;
        this.skewToleranceMs = skewToleranceSeconds * 1000;
    }

    List<Collision> collisions() {
        return collisions;
    }

    /** {@code previousCreatedAt}: createdAt of the position before the first new event (null at seq 1). */
    List<Outcome> classify(Connection c, List<WireEvent> fresh, String previousCreatedAt) throws SQLException {
        Map<String, ChainStore.FirstStorage> stored = ChainStore.firstStorages(c, fresh.stream().map(WireEvent::eventId).toList());
        Payloads payloads = Payloads.read(fresh);
        Map<String, DossierProjection.Known> known = DossierProjection.byId(c, payloads.dossierIds());
        Map<String, Set<String>> codes = DossierProjection.idsByCode(c, payloads.receivedCodes());
        DossierNumbers numbers = DossierNumbers.of(c, device.deviceId(), device.deviceNumber(), payloads.receivedCodes());
        Map<String, ChainStore.FirstStorage> inBatch = new HashMap<>();
        List<Outcome> out = new ArrayList<>();
        Long previous = previousCreatedAt == null ? null : millis(previousCreatedAt);
        for (WireEvent e : fresh) {
            long createdAt = millis(e.createdAt());
            ChainStore.FirstStorage first = inBatch.containsKey(e.eventId()) ? inBatch.get(e.eventId()) : stored.get(e.eventId());
            Outcome o = first != null ? againstOriginal(e, first) : fresh(e, payloads, known, codes, numbers, createdAt, previous);
            if (o.firstStorage()) {
                inBatch.put(e.eventId(), new ChainStore.FirstStorage(device.deviceId(), e.eventId(), e.type(), e.aggregateId(),
                        e.createdAt(), String.join(",", e.blobs()), e.payloadHash(), new Receipt.Original(epochId, e.seq(),
                        o.result().status(), o.result().reason())));
            }
            out.add(o);
            previous = createdAt;
        }
        return out;
    }

    private static long millis(String time) {
        return WireFormats.parseTime(time).toInstant().toEpochMilli();
    }

    private Outcome againstOriginal(WireEvent e, ChainStore.FirstStorage first) {
        boolean identical = first.deviceId().equals(device.deviceId()) && first.type().equals(e.type())
                && first.aggregateId().equals(e.aggregateId()) && first.createdAt().equals(e.createdAt())
                && first.blobs().equals(String.join(",", e.blobs())) && first.payloadHash().equals(e.payloadHash());
        if (identical) {
            return new Outcome(e, Receipt.Result.duplicate(e.seq(), first.original()), false, null, null);
        }
        return new Outcome(e, Receipt.Result.rejected(e.seq(), EVENT_ID_CONFLICT, List.of()), false, null, null);
    }

    private Outcome fresh(WireEvent e, Payloads payloads, Map<String, DossierProjection.Known> known,
            Map<String, Set<String>> codes, DossierNumbers numbers, long createdAt, Long previousCreatedAt) {
        Object payload = payloads.parsed.get(e.eventId() + "@" + e.seq());
        if (payload == null) {
            return rejected(e, SCHEMA_INVALID);
        }
        List<String> warnings = new ArrayList<>();
        if (skewed(createdAt, previousCreatedAt)) {
            warnings.add(CLOCK_SKEW);
        }
        if (payload instanceof DossierReceived d) {
            if (!d.unitCode().equals(device.unitCode())) {
                return rejected(e, UNIT_MISMATCH);
            }
            Optional<DossierNumbers.Parsed> code = DossierNumbers.parse(d.dossierCode());
            if (code.isEmpty()) {
                return rejected(e, SCHEMA_INVALID);
            }
            Set<String> holders = codes.computeIfAbsent(d.dossierCode(), k -> new HashSet<>());
            Set<String> others = new HashSet<>(holders);
            others.remove(d.dossierId());
            if (!others.isEmpty()) {
                warnings.add(CODE_COLLISION);
                collisions.add(new Collision(device.deviceId(), d.dossierId(), d.dossierCode(), String.join(",", others)));
            }
            holders.add(d.dossierId());
            if (!numbers.allowed(code.get())) {
                warnings.add(OUT_OF_RANGE);
            }
            return new Outcome(e, Receipt.Result.accepted(e.seq(), warnings), true, d, null);
        }
        if (payload instanceof AttachmentsAdded added) {
            // scans attached after reception: stored in the chain with their blobs, nothing to project
            if (!ofThisUnit(added.unitCode(), known.get(added.dossierId()))) {
                return rejected(e, UNIT_MISMATCH);
            }
            return new Outcome(e, Receipt.Result.accepted(e.seq(), warnings), true, null, null);
        }
        DossierActionTaken a = (DossierActionTaken) payload;
        if (!ofThisUnit(a.unitCode(), known.get(a.dossierId()))) {
            return rejected(e, UNIT_MISMATCH);
        }
        return new Outcome(e, Receipt.Result.accepted(e.seq(), warnings), true, null, a);
    }

    /**
     * Whether this device may act on a dossier of {@code unitCode} ({@code k} when the server knows it): one of its own
     * unit, or one it received itself under the unit it belonged to before the province moved it ({@code
     * device-config}: a desk of a merged commune carries on with the dossiers it holds, under their codes).
     */
    private boolean ofThisUnit(String unitCode, DossierProjection.Known k) {
        if (k == null) {
            return unitCode.equals(device.unitCode());
        }
        boolean sameUnit = unitCode.equals(k.unitCode());
        return sameUnit && (k.unitCode().equals(device.unitCode()) || k.originDeviceId().equals(device.deviceId()));
    }

    private static Outcome rejected(WireEvent e, String reason) {
        return new Outcome(e, Receipt.Result.rejected(e.seq(), reason, List.of()), true, null, null);
    }

    /** Later than server time + tolerance, or earlier than the previous position's createdAt − tolerance. */
    private boolean skewed(long createdAt, Long previousCreatedAt) {
        return createdAt > serverTime.toEpochMilli() + skewToleranceMs
                || (previousCreatedAt != null && createdAt < previousCreatedAt - skewToleranceMs);
    }

    /** Every new event's payload read against its type's schema; a null entry is {@code schema-invalid}. */
    private static final class Payloads {
        final Map<String, Object> parsed = new HashMap<>();
        final Set<String> dossierIds = new HashSet<>();
        final Set<String> receivedCodes = new HashSet<>();

        static Payloads read(List<WireEvent> events) {
            Payloads p = new Payloads();
            for (WireEvent e : events) {
                Object payload = schemaValid(e);
                if (payload instanceof DossierReceived d) {
                    p.dossierIds.add(d.dossierId());
                    p.receivedCodes.add(d.dossierCode());
                } else if (payload instanceof DossierActionTaken a) {
                    p.dossierIds.add(a.dossierId());
                } else if (payload instanceof AttachmentsAdded added) {
                    p.dossierIds.add(added.dossierId());
                }
                if (payload != null) {
                    p.parsed.put(e.eventId() + "@" + e.seq(), payload);
                }
            }
            return p;
        }

        Set<String> dossierIds() {
            return dossierIds;
        }

        Set<String> receivedCodes() {
            return receivedCodes;
        }

        /**
         * The typed payload, or null when it fails its schema or contradicts the envelope (another dossier than
         * {@code aggregateId}, an attachment or a result file missing from {@code blobs}).
         */
        private static Object schemaValid(WireEvent e) {
            try {
                if (EventTypes.DOSSIER_RECEIVED.equals(e.type())) {
                    DossierReceived d = DossierReceived.read(e.payload());
                    return d.dossierId().equals(e.aggregateId()) && e.blobs().containsAll(d.attachments()) ? d : null;
                }
                if (EventTypes.ATTACHMENTS_ADDED.equals(e.type())) {
                    AttachmentsAdded added = AttachmentsAdded.read(e.payload());
                    return added.dossierId().equals(e.aggregateId()) && e.blobs().containsAll(added.blobs()) ? added : null;
                }
                if (EventTypes.DOSSIER_ACTION_TAKEN.equals(e.type())) {
                    DossierActionTaken a = DossierActionTaken.read(e.payload());
                    // a digitised result's scans must be in the envelope's blobs, so the province holds them (§9)
                    return a.dossierId().equals(e.aggregateId()) && e.blobs().containsAll(a.resultBlobs()) ? a : null;
                }
            } catch (SchemaInvalid | RuntimeException invalid) {
                return null;
            }
            return null;
        }
    }
}
