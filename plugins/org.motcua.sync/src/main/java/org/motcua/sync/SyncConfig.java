package org.motcua.sync;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import org.motcua.protocol.Protocol;

/**
 * How a desk's sync engine runs. {@link #of} gives the production values; tests shorten the timeouts and the schedule.
 *
 * @param blobDirectory   no longer read: scans live in the encrypted store since its V17 (kept so callers compile)
 * @param clock           the desk's clock (compared with the server's, never used to order anything)
 * @param connectTimeout  TCP and TLS connect timeout: short, so a dead link is noticed quickly
 * @param responseTimeout longest wait for any read of an answer
 * @param debounce        how long after a new event the engine waits before syncing (more events may follow)
 * @param interval        how often it syncs when nothing happens
 * @param clientVersion   sent at enrolment, for the admin
 * @param hostname        sent at enrolment, for the admin
 */
public record SyncConfig(Path blobDirectory, Clock clock, Duration connectTimeout, Duration responseTimeout,
        Duration debounce, Duration interval, String clientVersion, String hostname) {

    public static SyncConfig of(Path blobDirectory) {
        return new SyncConfig(blobDirectory, Clock.systemUTC(), Duration.ofSeconds(10), Duration.ofSeconds(30),
                Duration.ofSeconds(3), Duration.ofMinutes(5), Protocol.BUILD_VERSION, localHostname());
    }

    public SyncConfig withTimeouts(Duration connect, Duration response) {
        return new SyncConfig(blobDirectory, clock, connect, response, debounce, interval, clientVersion, hostname);
    }

    public SyncConfig withSchedule(Duration debounce, Duration interval) {
        return new SyncConfig(blobDirectory, clock, connectTimeout, responseTimeout, debounce, interval, clientVersion, hostname);
    }

    public SyncConfig withClock(Clock clock) {
        return new SyncConfig(blobDirectory, clock, connectTimeout, responseTimeout, debounce, interval, clientVersion, hostname);
    }

    private static String localHostname() {
        try {
            String name = InetAddress.getLocalHost().getHostName();
            return name.length() > 253 ? name.substring(0, 253) : name;
        } catch (Exception e) {
            return "unknown";
        }
    }
}
