package org.motcua.sync.faults;

import java.time.Duration;

/**
 * How the simulated link behaves for every connection through a {@link FaultProxy}: its bandwidth per direction
 * (0 = unlimited), its one-way latency, and whether the whole link drops at a fixed interval (a mobile link that
 * "drops every few seconds"). A dropped link resets every open connection; new connections work again at once.
 */
public record LinkShape(long bytesPerSecond, Duration oneWayLatency, Duration cutEvery) {

    public static final LinkShape LOOPBACK = new LinkShape(0, Duration.ZERO, Duration.ZERO);

    /** The commune link of the issue: 4 KB/s, 1.5 s round trip, cut every 30 s. */
    public static LinkShape slowCommuneLink() {
        return new LinkShape(4_000, Duration.ofMillis(750), Duration.ofSeconds(30));
    }

    public LinkShape withBandwidth(long bytesPerSecond) {
        return new LinkShape(bytesPerSecond, oneWayLatency, cutEvery);
    }

    public LinkShape withLatency(Duration oneWay) {
        return new LinkShape(bytesPerSecond, oneWay, cutEvery);
    }

    public LinkShape withCutEvery(Duration interval) {
        return new LinkShape(bytesPerSecond, oneWayLatency, interval);
    }
}
