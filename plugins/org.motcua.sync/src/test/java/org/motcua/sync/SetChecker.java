package org.motcua.sync;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.sync.OutboxEvent;

/**
 * A Jepsen-style set checker for sync: reads the final state of every desk and of the province and counts what must be
 * zero — events a desk holds acknowledged that the province did not store (lost), events stored twice (duplicated),
 * events stored that no desk wrote (unexpected), dossier codes used by two dossiers, chains that do not verify on
 * either side — and events still waiting on a desk after the link was clean (not drained).
 */
final class SetChecker {

    /** What the check found; every list names the offending events or codes. */
    record Result(int acknowledged, int stored, List<String> lost, List<String> duplicated, List<String> unexpected,
            List<String> codesReused, List<String> brokenChains, List<String> undrained) {

        boolean clean() {
            return lost.isEmpty() && duplicated.isEmpty() && unexpected.isEmpty() && codesReused.isEmpty()
                    && brokenChains.isEmpty() && undrained.isEmpty();
        }

        String summary() {
            return "acknowledged " + acknowledged + ", stored " + stored + ", lost " + lost.size() + ", duplicated "
                    + duplicated.size() + ", unexpected " + unexpected.size() + ", codes reused " + codesReused.size()
                    + ", chains broken " + brokenChains.size() + ", not drained " + undrained.size()
                    + (clean() ? "" : "\n lost " + first(lost) + "\n duplicated " + first(duplicated) + "\n unexpected "
                            + first(unexpected) + "\n codes " + first(codesReused) + "\n chains " + first(brokenChains)
                            + "\n waiting " + first(undrained));
        }

        private static List<String> first(List<String> l) {
            return l.subList(0, Math.min(5, l.size()));
        }
    }

    private SetChecker() {
    }

    static Result check(List<TestDesk> desks, Connection province) throws SQLException {
        Set<String> written = new HashSet<>();
        Set<String> acknowledged = new HashSet<>();
        List<String> undrained = new ArrayList<>();
        List<String> brokenChains = new ArrayList<>();
        for (TestDesk desk : desks) {
            for (OutboxEvent e : desk.outbox.all()) {
                written.add(e.eventId().toString());
                if (OutboxEvent.ACKED.equals(e.state())) {
                    acknowledged.add(e.eventId().toString());
                } else {
                    undrained.add(desk.name + ":" + e.eventId() + " " + e.state());
                }
            }
            if (!desk.store.verifyOutbox().intact()) {
                brokenChains.add("desk " + desk.name + ": " + desk.store.verifyOutbox());
            }
        }
        Map<String, Integer> storedCopies = new HashMap<>();
        try (PreparedStatement ps = province.prepareStatement(
                "SELECT event_id FROM chain_positions WHERE status <> 'duplicate'"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                storedCopies.merge(rs.getString(1), 1, Integer::sum);
            }
        }
        List<String> lost = acknowledged.stream().filter(id -> !storedCopies.containsKey(id)).sorted().toList();
        List<String> duplicated = storedCopies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> unexpected = storedCopies.keySet().stream().filter(id -> !written.contains(id)).sorted().toList();
        List<String> codesReused = new ArrayList<>();
        try (PreparedStatement ps = province.prepareStatement(
                "SELECT dossier_code FROM dossiers GROUP BY dossier_code HAVING COUNT(*) > 1"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                codesReused.add(rs.getString(1));
            }
        }
        brokenChains.addAll(serverChains(province));
        return new Result(acknowledged.size(), storedCopies.size(), lost, duplicated, unexpected, codesReused, brokenChains,
                undrained);
    }

    /** Every (device, epoch) chain the province holds: contiguous from seq 1, each prevHash the hash before it. */
    private static List<String> serverChains(Connection province) throws SQLException {
        List<String> broken = new ArrayList<>();
        try (PreparedStatement ps = province.prepareStatement(
                "SELECT device_id, epoch_id, seq, hash, prev_hash FROM chain_positions ORDER BY device_id, epoch_id, seq");
                ResultSet rs = ps.executeQuery()) {
            String chain = null;
            long expected = 1;
            String previous = Sha256.ZEROS;
            while (rs.next()) {
                String here = rs.getString(1) + "/" + rs.getString(2);
                if (!here.equals(chain)) {
                    chain = here;
                    expected = 1;
                    previous = Sha256.ZEROS;
                }
                long seq = rs.getLong(3);
                if (seq != expected || !previous.equals(rs.getString(5))) {
                    broken.add("province " + here + " at seq " + seq);
                    expected = seq;
                }
                previous = rs.getString(4);
                expected++;
            }
        }
        return broken;
    }
}
