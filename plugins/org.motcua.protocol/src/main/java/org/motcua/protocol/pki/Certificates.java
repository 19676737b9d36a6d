package org.motcua.protocol.pki;

import java.io.ByteArrayInputStream;
import java.security.cert.CertificateEncodingException;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.HexFormat;
import java.util.Locale;
import org.motcua.protocol.codec.Sha256;

/** DER certificates to and from {@link X509Certificate}, and the fingerprint people compare by eye. */
public final class Certificates {

    private Certificates() {
    }

    public static X509Certificate parse(byte[] der) {
        try {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(der));
        } catch (CertificateException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER X.509 certificate", e);
        }
    }

    public static byte[] der(X509Certificate cert) {
        try {
            return cert.getEncoded();
        } catch (CertificateEncodingException e) {
            throw new IllegalArgumentException("certificate cannot be encoded", e);
        }
    }

    /**
     * SHA-256 of the DER certificate in 16 groups of 4 upper-case hex digits, e.g. {@code "3FF8 6B26 …"}. The
     * server's admin tools print the CA's fingerprint this way and the desk shows it the same way at enrolment, so
     * an officer can compare them by eye (or read them out over the phone).
     */
    public static String fingerprint(X509Certificate cert) {
        String hex = HexFormat.of().formatHex(Sha256.digest(der(cert))).toUpperCase(Locale.ROOT);
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < hex.length(); i += 4) {
            if (i > 0) {
                out.append(' ');
            }
            out.append(hex, i, i + 4);
        }
        return out.toString();
    }
}
