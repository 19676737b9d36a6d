package org.motcua.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.api.TlsConnector;
import org.motcua.server.testing.TestServer;

/** §12: TLS 1.3 (or 1.2 with ECDHE and AEAD) with a certificate that chains to the CA devices pin. */
class TlsTest {

    @TempDir
    Path data;

    private ServerServices services;
    private SyncServer server;
    private int tlsPort;

    @BeforeEach
    void start() {
        services = ServerServices.open(ServerConfig.embedded(data).passphrase(TestServer.PASSPHRASE));
        server = new SyncServer(services, new TlsConnector(services.keys, "127.0.0.1", 0)).start("127.0.0.1", 0);
        tlsPort = server.tlsPort().orElseThrow();
    }

    @Test
    void plainHttpStaysOnItsOwnLoopbackPort() throws Exception {
        assertTrue(server.port() != tlsPort);
        assertEquals(200, org.motcua.server.testing.Http.get("http://127.0.0.1:" + server.port() + "/api/v1/health",
                java.util.Map.of()).status());
    }

    @AfterEach
    void stop() {
        server.close();
        services.close();
    }

    /** A client that trusts only the pinned CA, as a device does. */
    private SSLContext pinned(X509Certificate ca) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        trust.setCertificateEntry("ca", ca);
        TrustManagerFactory tmf = TrustManagerFactory.getInstance("PKIX");
        tmf.init(trust);
        SSLContext ctx = SSLContext.getInstance("TLS");
        ctx.init(null, tmf.getTrustManagers(), null);
        return ctx;
    }

    @Test
    void healthOverTls13WithThePinnedCaAndHostNameCheck() throws Exception {
        HttpClient client = HttpClient.newBuilder().sslContext(pinned(services.keys.caCertificate()))
                .version(HttpClient.Version.HTTP_1_1).build();
        HttpResponse<String> r = client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + tlsPort + "/api/v1/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, r.statusCode());
        assertEquals("TLSv1.3", r.sslSession().orElseThrow().getProtocol());
        assertTrue(r.body().contains("\"kind\":\"health\""));
    }

    @Test
    void aClientPinningAnotherCaRefusesTheServer() throws Exception {
        X509Certificate stranger = org.motcua.protocol.pki.CertificateProfiles.newCa("other", java.time.Instant.now()).certificate();
        HttpClient client = HttpClient.newBuilder().sslContext(pinned(stranger)).build();
        assertThrows(java.io.IOException.class, () -> client.send(HttpRequest.newBuilder(
                URI.create("https://localhost:" + tlsPort + "/api/v1/health")).build(), HttpResponse.BodyHandlers.ofString()));
    }

    @Test
    void tls12IsOnlyOfferedWithEcdheAndAead() throws Exception {
        SSLContext ctx = pinned(services.keys.caCertificate());
        try (SSLSocket ok = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            ok.setEnabledProtocols(new String[] {"TLSv1.2"});
            ok.startHandshake();
            String suite = ok.getSession().getCipherSuite();
            assertTrue(suite.startsWith("TLS_ECDHE_") && (suite.contains("_GCM_") || suite.contains("CHACHA20")), suite);
        }
        try (SSLSocket cbc = (SSLSocket) ctx.getSocketFactory().createSocket("127.0.0.1", tlsPort)) {
            cbc.setEnabledProtocols(new String[] {"TLSv1.2"});
            cbc.setEnabledCipherSuites(new String[] {"TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256"});
            assertThrows(SSLHandshakeException.class, cbc::startHandshake);
        }
    }
}
