package org.motcua.server.keys;

import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.pki.CertificateProfiles;

/**
 * The server's keys, loaded from the keystore: the CA (issues device and server certificates), the response-signing
 * key (signs every signed document, §3.4), the TLS key, and the secret that derives session tokens. Never logged.
 */
public final class ServerKeys {

    private final CertificateProfiles.Issued ca;
    private final CertificateProfiles.Issued response;
    private final CertificateProfiles.Issued tls;
    private final byte[] tokenKey;

    public ServerKeys(CertificateProfiles.Issued ca, CertificateProfiles.Issued response, CertificateProfiles.Issued tls,
            byte[] tokenKey) {
        this.ca = ca;
        this.response = response;
        this.tls = tls;
        this.tokenKey = tokenKey.clone();
    }

    public CertificateProfiles.Issued ca() {
        return ca;
    }

    public X509Certificate caCertificate() {
        return ca.certificate();
    }

    public X509Certificate responseCertificate() {
        return response.certificate();
    }

    public CertificateProfiles.Issued tls() {
        return tls;
    }

    /** A server signature (§3.4) over {@code message}: the response certificate embedded. */
    public byte[] sign(byte[] message) {
        return CmsSigner.signServer(message, response.key(), response.certificate());
    }

    PrivateKey responseKey() {
        return response.key();
    }

    /** The secret session tokens are derived from (HMAC key). */
    public byte[] tokenKey() {
        return Arrays.copyOf(tokenKey, tokenKey.length);
    }

    @Override
    public String toString() {
        return "ServerKeys[CA " + ca.certificate().getSubjectX500Principal() + "]";
    }
}
