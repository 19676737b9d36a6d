package org.motcua.protocol.cms;

import java.security.GeneralSecurityException;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.motcua.protocol.pki.MotCuaOids;

/**
 * What a device checks of the certificate embedded in a server signature (§3.4), beyond the CMS profile: issued
 * directly by the pinned CA, carrying {@code id-motcua-kp-response}, and valid at the document's {@code serverTime}
 * (the device's own clock is not used). A new response key therefore needs no protocol step.
 */
public final class ServerCertificateCheck {

    private ServerCertificateCheck() {
    }

    public static void check(X509Certificate responseCert, X509Certificate pinnedCa, Instant serverTime)
            throws SignatureInvalid {
        try {
            if (!responseCert.getIssuerX500Principal().equals(pinnedCa.getSubjectX500Principal())) {
                throw new SignatureInvalid("issuer", "the response certificate was not issued by the pinned CA");
            }
            responseCert.verify(pinnedCa.getPublicKey());
        } catch (GeneralSecurityException e) {
            throw new SignatureInvalid("issuer", "the response certificate was not issued by the pinned CA");
        }
        List<String> eku;
        try {
            eku = responseCert.getExtendedKeyUsage();
        } catch (CertificateParsingException e) {
            eku = null;
        }
        if (eku == null || !eku.contains(MotCuaOids.KP_RESPONSE.getId())) {
            throw new SignatureInvalid("usage", "the certificate may not sign server responses");
        }
        if (serverTime.isBefore(responseCert.getNotBefore().toInstant())
                || serverTime.isAfter(responseCert.getNotAfter().toInstant())) {
            throw new SignatureInvalid("validity", "the response certificate was not valid at the document's serverTime");
        }
    }
}
