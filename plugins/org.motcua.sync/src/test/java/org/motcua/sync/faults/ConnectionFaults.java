package org.motcua.sync.faults;

import java.time.Duration;
import java.util.Random;

/**
 * What goes wrong with one connection through the proxy, decided when it is accepted.
 *
 * @param cutUpAfter        reset the connection after this many bytes from the client (request side), or -1
 * @param cutDownAfter      reset the connection after this many bytes from the server (response side), or -1;
 *                          0 means "the server answered, so it committed, but the client never sees the answer"
 * @param duplicateRequests replay every complete request once more on a separate connection to the server
 * @param duplicateDelay    how long the replay waits: zero races the original, a delay makes it arrive after later
 *                          requests (a reordered duplicate)
 */
public record ConnectionFaults(long cutUpAfter, long cutDownAfter, boolean duplicateRequests, Duration duplicateDelay) {

    public static final ConnectionFaults NONE = new ConnectionFaults(-1, -1, false, Duration.ZERO);

    public static ConnectionFaults cutRequestAfter(long bytes) {
        return new ConnectionFaults(bytes, -1, false, Duration.ZERO);
    }

    public static ConnectionFaults cutResponseAfter(long bytes) {
        return new ConnectionFaults(-1, bytes, false, Duration.ZERO);
    }

    /** The server commits and answers; the answer is lost. */
    public static ConnectionFaults loseResponse() {
        return cutResponseAfter(0);
    }

    public static ConnectionFaults duplicate(Duration delay) {
        return new ConnectionFaults(-1, -1, true, delay);
    }

    /**
     * A random fault for a schedule. Every connection dies somewhere, since clients keep connections alive across
     * requests: a request cut after some bytes, a response cut after some bytes, or the first answer lost after the
     * server committed; about a third of the connections also have every request duplicated, at once or later.
     * {@code typicalRequestBytes} scales where request cuts fall.
     */
    public static ConnectionFaults random(Random random, int typicalRequestBytes) {
        boolean duplicate = random.nextInt(100) < 30;
        Duration delay = random.nextBoolean() ? Duration.ZERO : Duration.ofMillis(50 + random.nextInt(400));
        int roll = random.nextInt(100);
        if (roll < 35) {
            return new ConnectionFaults(random.nextInt(Math.max(1, 2 * typicalRequestBytes)), -1, duplicate, delay);
        } else if (roll < 70) {
            return new ConnectionFaults(-1, 1 + random.nextInt(4000), duplicate, delay);
        }
        return new ConnectionFaults(-1, 0, duplicate, delay);   // the server answered: it committed; the answer is lost
    }
}
