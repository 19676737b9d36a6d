package org.motcua.server.keys;

import java.security.KeyStore;
import java.security.SecureRandom;
import org.motcua.protocol.codec.B64u;

/** The in-memory keystore Jetty serves TLS from: only the TLS key and its chain, under a throw-away password. */
public final class TlsKeyStore {

    private TlsKeyStore() {
    }

    public static char[] randomPassword() {
        byte[] b = new byte[24];
        new SecureRandom().nextBytes(b);
        return B64u.encode(b).toCharArray();
    }

    public static KeyStore of(ServerKeys keys, char[] password) {
        return Keystores.tlsOnly(keys, password);
    }
}
