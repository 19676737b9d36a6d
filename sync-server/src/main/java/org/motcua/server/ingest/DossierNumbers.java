package org.motcua.server.ingest;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.motcua.server.persistence.Sql;

/**
 * Dossier codes {@code <unit>-<YYMMDD>-<NNNN>} and the numbers a device may use (§10): its own range
 * {@code (d−1)·1000+1 .. d·1000−1} on every date, and, once that is exhausted, the 9000..9999 numbers of its leases.
 */
final class DossierNumbers {

    /** The date and number of a well-formed dossier code. */
    record Parsed(LocalDate date, int number) {
    }

    record Lease(LocalDate from, LocalDate to, int first, int last) {
    }

    private final int deviceNumber;
    private final List<Lease> leases;

    private DossierNumbers(int deviceNumber, List<Lease> leases) {
        this.deviceNumber = deviceNumber;
        this.leases = leases;
    }

    /**
     * The numbers the device may use for {@code codes}; its leases are read only when one of them lies outside its own
     * range (the usual batch needs no query).
     */
    static DossierNumbers of(Connection c, String deviceId, int deviceNumber, Collection<String> codes) throws SQLException {
        DossierNumbers own = new DossierNumbers(deviceNumber, List.of());
        if (codes.stream().map(DossierNumbers::parse).flatMap(Optional::stream).allMatch(own::inOwnRange)) {
            return own;
        }
        return new DossierNumbers(deviceNumber, Sql.list(c, "SELECT valid_from, valid_to, first_number, last_number FROM number_leases "
                + "WHERE device_id = ?", rs -> new Lease(rs.getObject(1, LocalDate.class), rs.getObject(2, LocalDate.class),
                rs.getInt(3), rs.getInt(4)), deviceId));
    }

    /** Date and number of a code whose shape the payload schema has checked; empty when YYMMDD is no date. */
    static Optional<Parsed> parse(String dossierCode) {
        int n = dossierCode.length();
        String yymmdd = dossierCode.substring(n - 11, n - 5);
        try {
            LocalDate date = LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)), Integer.parseInt(yymmdd.substring(2, 4)),
                    Integer.parseInt(yymmdd.substring(4, 6)));
            return Optional.of(new Parsed(date, Integer.parseInt(dossierCode.substring(n - 4))));
        } catch (DateTimeException e) {
            return Optional.empty();
        }
    }

    private boolean inOwnRange(Parsed code) {
        return code.number() >= (deviceNumber - 1) * 1000 + 1 && code.number() <= deviceNumber * 1000 - 1;
    }

    boolean allowed(Parsed code) {
        if (inOwnRange(code)) {
            return true;
        }
        for (Lease l : leases) {
            if (!code.date().isBefore(l.from()) && !code.date().isAfter(l.to()) && code.number() >= l.first()
                    && code.number() <= l.last()) {
                return true;
            }
        }
        return false;
    }
}
