package org.motcua.sync;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.motcua.store.sync.OutboxEvent;

/**
 * A Jepsen-style set checker for sync: reads the final state of every desk and of the province (the admin's
 * {@code verify-chains --events} audit of what the server stored) and counts what must be zero — events a desk holds
 * acknowledged that the province did not store (lost), events stored twice (duplicated), events stored that no desk
 * wrote (unexpected), dossier codes used by two dossiers, chains that do not verify on either side — and events still
 * waiting on a desk after the link was clean (not drained).
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

    /**
     * What desks wrote and had acknowledged over a whole run, kept across the moments a desk's store goes away: a
     * desk restored from an older backup no longer holds the events it made after that backup, yet the province may
     * have acknowledged them (those must still be there) or stored them with the answer lost (those are expected).
     * {@link #record} is called before a store is replaced, and the check records the final stores itself.
     */
    static final class History {
        private final Set<String> written = new HashSet<>();
        private final Set<String> acknowledged = new HashSet<>();

        /** Notes every event {@code store} holds now, and which of them the province acknowledged. */
        synchronized void record(org.motcua.store.Store store) {
            for (OutboxEvent e : new org.motcua.store.sync.SyncOutbox(store).all()) {
                written.add(e.eventId().toString());
                if (OutboxEvent.ACKED.equals(e.state())) {
                    acknowledged.add(e.eventId().toString());
                }
            }
        }
    }

    private SetChecker() {
    }

    static Result check(List<TestDesk> desks, List<String> audit) {
        return check(desks, audit, new History());
    }

    /**
     * @param audit the lines of {@code verify-chains --events}: {@code EVENT device epoch seq eventId status},
     *              {@code BROKEN …}, {@code CODE-USED-TWICE …} and a summary line
     */
    static Result check(List<TestDesk> desks, List<String> audit, History history) {
        Set<String> written = new HashSet<>();
        Set<String> acknowledged = new HashSet<>();
        synchronized (history) {
            written.addAll(history.written);
            acknowledged.addAll(history.acknowledged);
        }
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
        List<String> codesReused = new ArrayList<>();
        boolean summarised = false;
        for (String line : audit) {
            String[] f = line.split(" ");
            if (line.startsWith("EVENT ") && f.length == 6 && !"duplicate".equals(f[5])) {
                storedCopies.merge(f[4], 1, Integer::sum);
            } else if (line.startsWith("BROKEN ")) {
                brokenChains.add("province " + line.substring(7));
            } else if (line.startsWith("CODE-USED-TWICE ")) {
                codesReused.add(line.substring(16));
            } else if (line.startsWith("chains ")) {
                summarised = true;
            }
        }
        if (!summarised) {
            throw new AssertionError("the province's audit did not finish:\n" + String.join("\n", audit));
        }
        List<String> lost = acknowledged.stream().filter(id -> !storedCopies.containsKey(id)).sorted().toList();
        List<String> duplicated = storedCopies.entrySet().stream().filter(e -> e.getValue() > 1).map(Map.Entry::getKey)
                .sorted().toList();
        List<String> unexpected = storedCopies.keySet().stream().filter(id -> !written.contains(id)).sorted().toList();
        return new Result(acknowledged.size(), storedCopies.size(), lost, duplicated, unexpected, codesReused, brokenChains,
                undrained);
    }
}
