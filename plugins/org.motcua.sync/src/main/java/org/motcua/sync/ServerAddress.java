package org.motcua.sync;

import java.net.URI;
import java.net.URISyntaxException;

/** Where the upstream server is. Set with {@code -Dmotcua.server.url=...}; {@code ./motcua run} sets it. */
public final class ServerAddress {

    public static final String PROPERTY = "motcua.server.url";
    public static final URI DEFAULT = URI.create("http://127.0.0.1:8080");

    private ServerAddress() {
    }

    /** The configured address, or {@link #DEFAULT}; a malformed value is an error, not a silent default. */
    public static URI configured() {
        String value = System.getProperty(PROPERTY);
        if (value == null || value.isBlank()) {
            return DEFAULT;
        }
        try {
            URI uri = new URI(value.trim());
            if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme()) || uri.getHost() == null) {
                throw new IllegalArgumentException(PROPERTY + " must be an http(s) address, was '" + value + "'");
            }
            return uri;
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException(PROPERTY + " is not an address: '" + value + "'", e);
        }
    }
}
