package org.motcua.sync.internal;

import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertificateFactory;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLException;
import org.apache.hc.client5.http.ssl.DefaultHostnameVerifier;

/** Checks a recorded TLS server chain against a CA and a host name, as the pinned client would have. */
final class TlsChains {

    private TlsChains() {
    }

    /**
     * @throws GeneralSecurityException when the chain does not validate (PKIX) up to {@code ca}
     * @throws SSLException             when the leaf does not name {@code host}
     */
    static void requireLeadsTo(X509Certificate[] chain, X509Certificate ca, String host)
            throws GeneralSecurityException, SSLException {
        List<X509Certificate> path = new ArrayList<>();
        for (X509Certificate c : chain) {
            if (!c.equals(ca)) {
                path.add(c);
            }
        }
        PKIXParameters params = new PKIXParameters(Set.of(new TrustAnchor(ca, null)));
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
        new DefaultHostnameVerifier().verify(host, chain[0]);
    }
}
