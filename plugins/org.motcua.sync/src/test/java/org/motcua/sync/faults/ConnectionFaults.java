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
     * A random fault for a schedule: about half of the connections are clean, the rest get one fault each.
     * {@code typicalRequestBytes} scales where cuts fall.
     */
    public static ConnectionFaults random(Random random, int typicalRequestBytes) {
        int roll = random.nextInt(100);
        if (roll < 50) {
            return NONE;
        } else if (roll < 62) {
            return cutRequestAfter(random.nextInt(Math.max(1, typicalRequestBytes)));
        } else if (roll < 74) {
            return cutResponseAfter(random.nextInt(600));
        } else if (roll < 86) {
            return loseResponse();
        } else if (roll < 93) {
            return duplicate(Duration.ZERO);
        } else {
            return duplicate(Duration.ofMillis(50 + random.nextInt(400)));
        }
    }
}
