package org.motcua.server.keys;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.X509Certificate;
import javax.crypto.spec.SecretKeySpec;
import org.motcua.protocol.pki.CertificateProfiles;

/** The PKCS#12 form of {@link ServerKeys}: four entries, all protected by the one passphrase. */
final class Keystores {

    static final String CA = "ca";
    static final String RESPONSE = "response";
    static final String TLS = "tls";
    static final String TOKEN = "session-token";

    private Keystores() {
    }

    static byte[] write(ServerKeys keys, char[] passphrase) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            X509Certificate ca = keys.caCertificate();
            ks.setKeyEntry(CA, keys.ca().key(), passphrase, new Certificate[] {ca});
            ks.setKeyEntry(RESPONSE, keys.responseKey(), passphrase, new Certificate[] {keys.responseCertificate(), ca});
            ks.setKeyEntry(TLS, keys.tls().key(), passphrase, new Certificate[] {keys.tls().certificate(), ca});
            ks.setEntry(TOKEN, new KeyStore.SecretKeyEntry(new SecretKeySpec(keys.tokenKey(), "HmacSHA256")),
                    new KeyStore.PasswordProtection(passphrase));
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ks.store(out, passphrase);
            return out.toByteArray();
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not write the server keystore", e);
        }
    }

    static ServerKeys read(byte[] pkcs12, char[] passphrase) {
        KeyStore ks;
        try {
            ks = KeyStore.getInstance("PKCS12");
            ks.load(new ByteArrayInputStream(pkcs12), passphrase);
        } catch (IOException e) {
            throw new IllegalStateException("the server keystore in the database cannot be opened with this passphrase "
                    + "(every instance must use the same " + KeystorePassphrase.ENV + " or keystore.passphrase file)");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the server keystore in the database is unreadable", e);
        }
        try {
            KeyStore.SecretKeyEntry token = (KeyStore.SecretKeyEntry) ks.getEntry(TOKEN, new KeyStore.PasswordProtection(passphrase));
            return new ServerKeys(issued(ks, CA, passphrase), issued(ks, RESPONSE, passphrase), issued(ks, TLS, passphrase),
                    token.getSecretKey().getEncoded());
        } catch (GeneralSecurityException | RuntimeException e) {
            throw new IllegalStateException("the server keystore lacks an entry or cannot be decrypted", e);
        }
    }

    private static CertificateProfiles.Issued issued(KeyStore ks, String alias, char[] passphrase) throws GeneralSecurityException {
        PrivateKey key = (PrivateKey) ks.getKey(alias, passphrase);
        X509Certificate cert = (X509Certificate) ks.getCertificate(alias);
        if (key == null || cert == null) {
            throw new GeneralSecurityException("missing entry " + alias);
        }
        return new CertificateProfiles.Issued(cert, key);
    }

    /** A keystore holding only the TLS key and chain, for Jetty. */
    static KeyStore tlsOnly(ServerKeys keys, char[] password) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(TLS, keys.tls().key(), password, new Certificate[] {keys.tls().certificate(), keys.caCertificate()});
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("could not build the TLS keystore", e);
        }
    }
}
