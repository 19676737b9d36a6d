package org.motcua.protocol;

import java.security.KeyPair;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;

/** A CA with its response signer and one enrolled device, made once per test class. */
public final class TestPki {

    public final CertificateProfiles.Issued ca;
    public final CertificateProfiles.Issued response;
    public final CertificateProfiles.Issued tls;
    public final KeyPair deviceKeys;
    public final X509Certificate deviceCert;
    public final String deviceId = "3f1c9a52-7d4e-4b8a-9c61-0e2f5b7d8a14";

    public TestPki() {
        Instant now = Instant.now();
        ca = CertificateProfiles.newCa("MotCua test CA", now);
        response = CertificateProfiles.responseSigner(ca, now, 825);
        tls = CertificateProfiles.tlsServer(ca, List.of("localhost", "127.0.0.1"), now, 825);
        deviceKeys = DeviceKeys.generate();
        deviceCert = CertificateProfiles.device(ca, Csrs.verifiedKey(Csrs.create(deviceKeys, deviceId)), deviceId,
                "000.17.22.H56", now);
    }
}
