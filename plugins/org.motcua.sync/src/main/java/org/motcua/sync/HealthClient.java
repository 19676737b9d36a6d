package org.motcua.sync;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.apache.hc.client5.http.classic.methods.HttpGet;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.core5.http.io.entity.EntityUtils;
import org.apache.hc.core5.util.Timeout;
import org.motcua.protocol.Protocol;
import org.motcua.protocol.doc.Health;
import org.motcua.protocol.json.JsonRejected;
import org.motcua.protocol.json.SchemaInvalid;
import org.motcua.protocol.json.StrictJson;

/**
 * Asks the upstream server whether it is up and speaks our protocol ({@code GET /api/v1/health}).
 *
 * <p>Called before every sync attempt: on a poor link a short, cheap request tells "no link" apart from
 * "server refuses us" before a large batch is sent.
 */
public final class HealthClient implements AutoCloseable {

    public static final String PATH = "/api/v1/health";

    private final URI healthUri;
    private final CloseableHttpClient http;

    /**
     * @param serverBase the server's base address, e.g. {@code http://127.0.0.1:8080}
     * @param timeout    connect and response timeout; keep it short on a mobile link
     */
    public HealthClient(URI serverBase, Duration timeout) {
        this.healthUri = serverBase.resolve(PATH);
        Timeout t = Timeout.of(timeout);
        this.http = HttpClients.custom()
                .setDefaultRequestConfig(RequestConfig.custom().setConnectionRequestTimeout(t).setResponseTimeout(t).build())
                .disableAutomaticRetries()
                .build();
    }

    /** The server's status when it is up and compatible; otherwise a {@link SyncException} saying why not. */
    public Health check() throws SyncException {
        Health status;
        try {
            status = http.execute(new HttpGet(healthUri), response -> {
                byte[] body = response.getEntity() == null ? new byte[0] : EntityUtils.toByteArray(response.getEntity(), 65_536);
                if (response.getCode() != 200) {
                    throw new BadResponse("HTTP " + response.getCode() + " from " + healthUri);
                }
                try {
                    return Health.read(StrictJson.parse(body));
                } catch (JsonRejected | SchemaInvalid e) {
                    throw new BadResponse("not a health document from " + healthUri + ": " + e.getMessage());
                }
            });
        } catch (BadResponse e) {
            throw new SyncException(SyncException.Reason.BAD_RESPONSE, e.getMessage(), null);
        } catch (IOException e) {
            throw new SyncException(SyncException.Reason.UNREACHABLE, "no answer from " + healthUri + ": " + e, e);
        }
        if (!status.supportedProtocols().contains(Protocol.VERSION)) {
            throw new SyncException(SyncException.Reason.INCOMPATIBLE,
                    "server speaks protocols " + status.supportedProtocols() + ", this client " + Protocol.VERSION, null);
        }
        return status;
    }

    @Override
    public void close() throws IOException {
        http.close();
    }

    /** Carries a protocol violation out of the response handler, which may only throw IOException. */
    private static final class BadResponse extends IOException {
        private static final long serialVersionUID = 1L;

        BadResponse(String message) {
            super(message);
        }
    }
}
