package org.motcua.server.export;

import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * How this instance exports: the directory of the daily files, the portal's endpoint (none: files only), the session
 * token the endpoint expects (never logged, never written to the files), and the worker's pace.
 *
 * @param directory    {@code <data>/national-export}: one JSON Lines file per day of export (Vietnam time)
 * @param endpoint     the LGSP/NDXP address records are POSTed to; empty when the province has none
 * @param sessionToken sent as the envelope's {@code session}; empty when the endpoint needs none
 * @param idle         how long the worker sleeps when nothing is due
 * @param batch        records claimed per round
 * @param timeout      connect and answer timeout of one POST
 */
public record ExportSettings(Path directory, Optional<URI> endpoint, String sessionToken, Duration idle, int batch,
        Duration timeout, Backoff backoff) {

    public static ExportSettings of(Path dataDir, String endpoint, String sessionToken) {
        return new ExportSettings(dataDir.resolve("national-export"), Optional.ofNullable(endpoint).filter(e -> !e.isBlank())
                .map(ExportSettings::endpoint), sessionToken == null ? "" : sessionToken, Duration.ofSeconds(2), 50,
                Duration.ofSeconds(10), Backoff.standard());
    }

    /** An http(s) address with a host, or an {@link IllegalArgumentException} naming what is wrong. */
    public static URI endpoint(String text) {
        URI uri;
        try {
            uri = URI.create(text.trim());
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("the export endpoint is not a URL: " + text);
        }
        if (!("https".equals(uri.getScheme()) || "http".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new IllegalArgumentException("the export endpoint must be an http or https URL with a host: " + text);
        }
        return uri;
    }

    public ExportSettings withIdle(Duration idle) {
        return new ExportSettings(directory, endpoint, sessionToken, idle, batch, timeout, backoff);
    }

    public ExportSettings withBackoff(Backoff backoff) {
        return new ExportSettings(directory, endpoint, sessionToken, idle, batch, timeout, backoff);
    }
}
