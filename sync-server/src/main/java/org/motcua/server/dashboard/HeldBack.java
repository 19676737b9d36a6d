package org.motcua.server.dashboard;

import java.time.Duration;
import java.time.Instant;

/**
 * How many events a device probably holds that the province has not received. A desk sends within seconds of an event
 * while it has a link, so what it holds back is what it wrote since its last sync. The server cannot see that number
 * (the protocol's device state flows the other way), so it estimates it from the device's own pace: the events
 * acknowledged in its open epoch divided by the time from the epoch's opening to the last sync, times the time since
 * the last sync. A device synced within the last {@link #IN_TOUCH} holds nothing back; an epoch younger than a day
 * counts as a day, so a fresh epoch's few events do not make a wild pace.
 */
public final class HeldBack {

    public static final Duration IN_TOUCH = Duration.ofMinutes(10);
    private static final Duration SHORTEST_SPAN = Duration.ofDays(1);

    private HeldBack() {
    }

    /** The estimate, or null when the device never synced an epoch. */
    public static Long estimate(Long ackedSeq, Instant epochOpenedAt, Instant lastSync, Instant now) {
        if (ackedSeq == null || epochOpenedAt == null || lastSync == null) {
            return null;
        }
        Duration since = Duration.between(lastSync, now);
        if (since.compareTo(IN_TOUCH) <= 0) {
            return 0L;
        }
        Duration span = Duration.between(epochOpenedAt, lastSync);
        if (span.compareTo(SHORTEST_SPAN) < 0) {
            span = SHORTEST_SPAN;
        }
        return Math.round((double) ackedSeq * since.toSeconds() / span.toSeconds());
    }
}
