package org.motcua.sync.internal;

import java.security.PublicKey;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.util.Arrays;
import java.util.Optional;
import org.bouncycastle.asn1.x500.RDN;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.motcua.protocol.pki.MotCuaOids;

/**
 * A device certificate the server issued this desk (at enrolment, §6.1, and at rekey, §6.2), checked against §2's
 * profile before the desk uses it: it holds the key the desk made, is issued directly by the CA, carries the device
 * usage and names this device.
 */
public final class DeviceCertificateCheck {

    private DeviceCertificateCheck() {
    }

    /** Why {@code cert} is not the certificate of {@code deviceId}'s {@code key} from {@code ca}; empty when it is. */
    public static Optional<String> problem(X509Certificate cert, X509Certificate ca, PublicKey key, String deviceId) {
        if (!Arrays.equals(cert.getPublicKey().getEncoded(), key.getEncoded())) {
            return Optional.of("the device certificate is not for this device's key");
        }
        if (!issuedBy(cert, ca)) {
            return Optional.of("the device certificate is not issued by the CA");
        }
        if (!hasEku(cert, MotCuaOids.KP_DEVICE.getId())) {
            return Optional.of("the device certificate lacks the device usage");
        }
        if (!deviceId.equals(commonName(cert))) {
            return Optional.of("the device certificate names another device");
        }
        return Optional.empty();
    }

    /** Signed by {@code ca}'s key and naming it as issuer. */
    static boolean issuedBy(X509Certificate cert, X509Certificate ca) {
        try {
            cert.verify(ca.getPublicKey());
            return cert.getIssuerX500Principal().equals(ca.getSubjectX500Principal());
        } catch (Exception e) {
            return false;
        }
    }

    static boolean hasEku(X509Certificate cert, String oid) {
        try {
            return cert.getExtendedKeyUsage() != null && cert.getExtendedKeyUsage().contains(oid);
        } catch (CertificateParsingException e) {
            return false;
        }
    }

    private static String commonName(X509Certificate cert) {
        RDN[] cn = X500Name.getInstance(cert.getSubjectX500Principal().getEncoded()).getRDNs(BCStyle.CN);
        return cn.length == 1 && !cn[0].isMultiValued() ? cn[0].getFirst().getValue().toString() : null;
    }
}
