package org.motcua.server.feed;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import java.util.UUID;
import org.motcua.protocol.feed.NumberLeaseData;
import org.motcua.server.Rejection;
import org.motcua.server.audit.Actor;
import org.motcua.server.audit.AuditLog;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.motcua.server.registry.DeviceRecord;
import org.motcua.server.registry.Devices;

/**
 * Leases dossier numbers 9000..9999 to one device for a range of dates (§5.6 {@code numberLease}, §10): stored in
 * {@code number_leases} (which ingest reads to judge {@code dossier-number-out-of-range}), published to that device
 * alone and audited, in one transaction. A lease never overlaps, on a shared date, the numbers of another lease of the
 * same unit, expired or of a revoked device included: its numbers may already be printed on receipts.
 */
public final class NumberLeasePublisher {

    /** Longest lease: a year of dates. Longer would bind the unit's lease band for too long to be a mistake. */
    static final long MAX_DAYS = 366;

    private final ServerDatabase db;
    private final Clock clock;
    private final Actor actor;

    public NumberLeasePublisher(ServerDatabase db, Clock clock, Actor actor) {
        this.db = db;
        this.clock = clock;
        this.actor = actor;
    }

    /**
     * @throws LeaseRefused a bad range, an unknown or revoked device, or an overlap; nothing was stored
     */
    public NumberLeaseData lease(String deviceId, LocalDate from, LocalDate to, int first, int last) throws LeaseRefused, Rejection {
        Instant now = clock.instant();
        LocalDate today = now.atZone(CataloguePublisher.VIETNAM).toLocalDate();
        checkRanges(from, to, first, last, today);
        return Tx.durable(db, c -> {
                DeviceRecord device = Devices.find(c, deviceId).orElseThrow(() -> new LeaseRefused("no-device", deviceId));
                if (device.revoked()) {
                    throw new LeaseRefused("revoked", deviceId);
                }
                // Two admins leasing for one unit at once: the unit's row serialises the overlap check and the insert.
                Sql.one(c, "SELECT unit_code FROM units WHERE unit_code = ? FOR UPDATE", rs -> rs.getString(1), device.unitCode());
                Optional<String> overlap = overlapping(c, device.unitCode(), from, to, first, last);
                if (overlap.isPresent()) {
                    throw new LeaseRefused("overlap", overlap.get(), device.unitCode());
                }
                NumberLeaseData lease = new NumberLeaseData(UUID.randomUUID().toString(), deviceId, device.unitCode(), from, to,
                        first, last);
                Sql.update(c, "INSERT INTO number_leases (lease_id, device_id, unit_code, valid_from, valid_to, first_number, "
                        + "last_number) VALUES (?, ?, ?, ?, ?, ?, ?)", lease.leaseId(), deviceId, device.unitCode(), from, to, first, last);
                Feed.publish(c, NumberLeaseData.ITEM_TYPE, lease.leaseId(), FeedScope.device(deviceId), lease.toJson(), now);
                AuditLog.record(c, actor, now, "number-lease.create", deviceId, "lease=" + lease.leaseId() + ", unit="
                        + device.unitCode() + ", dates=" + from + ".." + to + ", numbers=" + first + ".." + last);
                return lease;
        });
    }

    private static void checkRanges(LocalDate from, LocalDate to, int first, int last, LocalDate today) throws LeaseRefused {
        if (first < NumberLeaseData.LEASE_FIRST || last > NumberLeaseData.LEASE_LAST) {
            throw new LeaseRefused("band", NumberLeaseData.LEASE_FIRST, NumberLeaseData.LEASE_LAST, first, last);
        }
        if (first > last) {
            throw new LeaseRefused("first-above-last", first, last);
        }
        if (to.isBefore(from)) {
            throw new LeaseRefused("to-before-from", to, from);
        }
        if (to.isBefore(today)) {
            throw new LeaseRefused("past", from, to, today);
        }
        if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_DAYS) {
            throw new LeaseRefused("too-long", MAX_DAYS, from, to);
        }
    }

    private static Optional<String> overlapping(Connection c, String unitCode, LocalDate from, LocalDate to, int first, int last)
            throws SQLException {
        return Sql.one(c, "SELECT lease_id FROM number_leases WHERE unit_code = ? AND valid_from <= ? AND valid_to >= ? "
                + "AND first_number <= ? AND last_number >= ? ORDER BY lease_id FETCH FIRST 1 ROWS ONLY", rs -> rs.getString(1),
                unitCode, to, from, last, first);
    }
}
