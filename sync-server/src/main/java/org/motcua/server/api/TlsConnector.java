package org.motcua.server.api;

import java.util.List;
import org.eclipse.jetty.server.Connector;
import org.eclipse.jetty.server.HttpConfiguration;
import org.eclipse.jetty.server.HttpConnectionFactory;
import org.eclipse.jetty.server.SecureRequestCustomizer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;
import org.eclipse.jetty.server.SslConnectionFactory;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.motcua.server.keys.ServerKeys;
import org.motcua.server.keys.TlsKeyStore;

/**
 * The TLS connector (§12): TLS 1.3, or TLS 1.2 with ECDHE and AEAD suites only, presenting the server's TLS
 * certificate (issued by the CA devices pin). No early data (the JDK offers none). Host names are checked by the
 * devices against the certificate's SAN; the server does not refuse a Host it has no name for.
 */
public final class TlsConnector {

    public static final String NAME = "motcua-tls";

    static final List<String> PROTOCOLS = List.of("TLSv1.3", "TLSv1.2");
    static final List<String> SUITES = List.of("TLS_AES_128_GCM_SHA256", "TLS_AES_256_GCM_SHA384", "TLS_CHACHA20_POLY1305_SHA256",
            "TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256", "TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384",
            "TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256");

    private final ServerKeys keys;
    private final String host;
    private final int port;

    public TlsConnector(ServerKeys keys, String host, int port) {
        this.keys = keys;
        this.host = host;
        this.port = port;
    }

    public Connector create(Server server, HttpConfiguration http) {
        char[] password = TlsKeyStore.randomPassword();
        SslContextFactory.Server ssl = new SslContextFactory.Server();
        ssl.setKeyStore(TlsKeyStore.of(keys, password));
        ssl.setKeyStorePassword(new String(password));
        ssl.setIncludeProtocols(PROTOCOLS.toArray(String[]::new));
        ssl.setIncludeCipherSuites(SUITES.toArray(String[]::new));
        ssl.setSniRequired(false);
        HttpConfiguration https = new HttpConfiguration(http);
        SecureRequestCustomizer secure = new SecureRequestCustomizer();
        secure.setSniHostCheck(false);
        https.addCustomizer(secure);
        ServerConnector c = new ServerConnector(server, new SslConnectionFactory(ssl, "http/1.1"), new HttpConnectionFactory(https));
        c.setName(NAME);
        c.setHost(host);
        c.setPort(port);
        return c;
    }
}
