package org.motcua.sync.internal;

import java.io.IOException;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509ExtendedTrustManager;
import org.apache.hc.client5.http.config.ConnectionConfig;
import org.apache.hc.client5.http.config.RequestConfig;
import org.apache.hc.client5.http.impl.classic.CloseableHttpClient;
import org.apache.hc.client5.http.impl.classic.HttpClients;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManager;
import org.apache.hc.client5.http.impl.io.PoolingHttpClientConnectionManagerBuilder;
import org.apache.hc.client5.http.ssl.ClientTlsStrategyBuilder;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;
import org.apache.hc.client5.http.ssl.NoopHostnameVerifier;
import org.apache.hc.core5.http.io.SocketConfig;
import org.apache.hc.core5.http.ssl.TLS;
import org.apache.hc.core5.util.Timeout;

/**
 * The device's HTTP client (§12, §8.2 step 5): HttpClient 5 over the JDK's TLS, TLS 1.3 or 1.2 with ECDHE and AEAD
 * suites only, no early data (the JDK sends none), keep-alive and TLS session resumption (one client and one
 * {@link SSLContext} per engine), short timeouts, no automatic retries, redirects or response decompression.
 *
 * <p>Two trust modes. <b>Pinned</b>: the CA pinned at enrolment is the only trust anchor (no system roots) and the
 * host name is verified against the certificate's SAN. <b>Bootstrap</b> (only for the enrolment request): no anchor
 * exists yet, so any chain is accepted and <em>recorded</em>; the enroller checks it against the CA it receives,
 * after the MAC check (§6.1). Plain {@code http://} is refused unless the host is a loopback address.
 */
public final class HttpTransport implements AutoCloseable {

    /** Connect and per-read timeouts. */
    public record Timeouts(Duration connect, Duration response) {
        public static final Timeouts DEFAULT = new Timeouts(Duration.ofSeconds(10), Duration.ofSeconds(30));
    }

    private final CloseableHttpClient client;
    private final Http http;
    private final List<X509Certificate[]> recordedChains = new CopyOnWriteArrayList<>();

    private HttpTransport(URI base, SSLContext tls, boolean verifyHostName, Timeouts timeouts) {
        PoolingHttpClientConnectionManager connections = PoolingHttpClientConnectionManagerBuilder.create()
                .setTlsSocketStrategy(ClientTlsStrategyBuilder.create().setSslContext(tls)
                        .setTlsVersions(TLS.V_1_3, TLS.V_1_2).setCiphers(aeadSuites(tls))
                        .setHostnameVerifier(verifyHostName ? new DefaultHostnameVerifier() : NoopHostnameVerifier.INSTANCE)
                        .buildClassic())
                .setDefaultSocketConfig(SocketConfig.custom().setSoTimeout(Timeout.of(timeouts.response())).build())
                .setDefaultConnectionConfig(ConnectionConfig.custom().setConnectTimeout(Timeout.of(timeouts.connect()))
                        .setSocketTimeout(Timeout.of(timeouts.response())).build())
                .setMaxConnTotal(2).setMaxConnPerRoute(2)
                .build();
        this.client = HttpClients.custom().setConnectionManager(connections)
                .setDefaultRequestConfig(RequestConfig.custom().setResponseTimeout(Timeout.of(timeouts.response()))
                        .setConnectionRequestTimeout(Timeout.of(timeouts.connect())).setRedirectsEnabled(false).build())
                .disableAutomaticRetries().disableContentCompression().disableRedirectHandling().disableCookieManagement()
                .setUserAgent("MotCua-desk").build();
        this.http = new Http(client, base);
    }

    /** The client for every request after enrolment: only {@code pinnedCa} is trusted. */
    public static HttpTransport pinned(URI base, X509Certificate pinnedCa, Timeouts timeouts) {
        requireAllowedScheme(base);
        return new HttpTransport(base, pinnedContext(pinnedCa), true, timeouts);
    }

    /** The client for the enrolment request only: accepts and records any server chain (checked afterwards). */
    public static HttpTransport bootstrap(URI base, Timeouts timeouts) {
        requireAllowedScheme(base);
        HttpTransport[] self = new HttpTransport[1];
        SSLContext tls = recordingContext(chain -> self[0].recordedChains.add(chain));
        self[0] = new HttpTransport(base, tls, false, timeouts);
        return self[0];
    }

    public Http http() {
        return http;
    }

    /** The server chains seen by a bootstrap client (one per TLS handshake), leaf first. */
    public List<X509Certificate[]> recordedChains() {
        return List.copyOf(recordedChains);
    }

    /**
     * §12: plain HTTP only to a loopback host (127.0.0.0/8, ::1, localhost); anything else must be https.
     *
     * @throws IllegalArgumentException naming the rule that was broken
     */
    public static void requireAllowedScheme(URI base) {
        String scheme = base.getScheme() == null ? "" : base.getScheme().toLowerCase(Locale.ROOT);
        if (base.getHost() == null || !(scheme.equals("https") || scheme.equals("http"))) {
            throw new IllegalArgumentException("the server address must be an https:// address: " + base);
        }
        if (scheme.equals("http") && !isLoopback(base.getHost())) {
            throw new IllegalArgumentException("plain http:// is allowed only to this computer (loopback); use https:// for "
                    + base.getHost());
        }
    }

    static boolean isLoopback(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!h.matches("[0-9.]+") && !h.contains(":")) {
            return false;  // a DNS name other than localhost: never resolved here, never loopback
        }
        try {
            return InetAddress.getByName(h).isLoopbackAddress();
        } catch (UnknownHostException e) {
            return false;
        }
    }

    private static SSLContext pinnedContext(X509Certificate ca) {
        try {
            KeyStore anchors = KeyStore.getInstance("PKCS12");
            anchors.load(null, null);
            anchors.setCertificateEntry("motcua-pinned-ca", ca);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
            tmf.init(anchors);
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
            return tls;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("the TLS context for the pinned CA cannot be made: " + e.getMessage(), e);
        }
    }

    private static SSLContext recordingContext(java.util.function.Consumer<X509Certificate[]> record) {
        TrustManager recorder = new X509ExtendedTrustManager() {
            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                record.accept(chain.clone());
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, java.net.Socket socket) {
                record.accept(chain.clone());
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType, SSLEngine engine) {
                record.accept(chain.clone());
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, java.net.Socket socket)
                    throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType, SSLEngine engine)
                    throws CertificateException {
                throw new CertificateException("not a server");
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext tls = SSLContext.getInstance("TLS");
            tls.init(null, new TrustManager[] {recorder}, null);
            return tls;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the bootstrap TLS context cannot be made: " + e.getMessage(), e);
        }
    }

    /** TLS 1.3 suites (all AEAD) and the TLS 1.2 suites with ECDHE and AEAD (GCM, ChaCha20-Poly1305) (§12). */
    private static String[] aeadSuites(SSLContext tls) {
        List<String> out = new ArrayList<>();
        for (String s : tls.getSupportedSSLParameters().getCipherSuites()) {
            boolean tls13 = s.startsWith("TLS_AES_") || s.startsWith("TLS_CHACHA20_");
            boolean ecdheAead = s.startsWith("TLS_ECDHE_") && (s.contains("_GCM_") || s.contains("CHACHA20_POLY1305"));
            if (tls13 || ecdheAead) {
                out.add(s);
            }
        }
        return out.toArray(String[]::new);
    }

    /** Closes at once: a request in flight fails with an I/O error (used to end a sync step without an interrupt). */
    public void abort() {
        client.close(org.apache.hc.core5.io.CloseMode.IMMEDIATE);
    }

    @Override
    public void close() {
        try {
            client.close();
        } catch (IOException e) {
            // closing idle connections; nothing to do
        }
    }
}
