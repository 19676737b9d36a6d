package org.motcua.protocol;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Objects;
import java.util.Properties;

/**
 * The version of the client/server sync protocol, {@code major.minor}.
 *
 * <p>Both sides read it from this bundle, so a client and a server built from the same sources always
 * agree. A peer is compatible when the major numbers match: minor versions only add optional fields.
 */
public record ProtocolVersion(int major, int minor) implements Comparable<ProtocolVersion> {

    /** The version this build speaks, read once from {@code protocol.properties}. */
    public static final ProtocolVersion CURRENT = parse(loadProperties().getProperty("protocol.version"));

    /** The release of the code that produced this build, e.g. {@code 0.1.0-SNAPSHOT}. */
    public static final String BUILD_VERSION = loadProperties().getProperty("build.version", "unknown");

    public ProtocolVersion {
        if (major < 0 || minor < 0) {
            throw new IllegalArgumentException("protocol version parts must not be negative: " + major + "." + minor);
        }
    }

    /** Parses {@code "1.0"}; anything else is rejected with the offending text in the message. */
    public static ProtocolVersion parse(String text) {
        Objects.requireNonNull(text, "protocol version text");
        String trimmed = text.trim();
        if (!trimmed.matches("\\d{1,4}\\.\\d{1,4}")) {
            throw new IllegalArgumentException("protocol version must be major.minor, was '" + text + "'");
        }
        int dot = trimmed.indexOf('.');
        return new ProtocolVersion(Integer.parseInt(trimmed.substring(0, dot)), Integer.parseInt(trimmed.substring(dot + 1)));
    }

    /** True when a peer speaking {@code other} can exchange batches with this version. */
    public boolean isCompatibleWith(ProtocolVersion other) {
        return major == other.major;
    }

    @Override
    public int compareTo(ProtocolVersion o) {
        return major != o.major ? Integer.compare(major, o.major) : Integer.compare(minor, o.minor);
    }

    @Override
    public String toString() {
        return major + "." + minor;
    }

    private static Properties loadProperties() {
        Properties props = new Properties();
        try (InputStream in = ProtocolVersion.class.getResourceAsStream("protocol.properties")) {
            if (in == null) {
                throw new IllegalStateException("protocol.properties is missing from org.motcua.protocol");
            }
            props.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return props;
    }
}
