package org.motcua.sync.internal;

import java.net.URI;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.UUID;
import org.motcua.protocol.cms.CmsSigner;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.DeviceKeys;
import org.motcua.store.sync.DeviceEnrolments;

/**
 * The enrolled device's key, certificate and pinned CA, loaded from the encrypted database. Signs with the device key
 * (§3.4: no certificate embedded); never prints the key.
 */
public record DeviceKeyring(UUID deviceId, PrivateKey key, X509Certificate certificate, X509Certificate ca, URI base) {

    public static DeviceKeyring of(UUID deviceId, DeviceEnrolments.Enrolment e) {
        return new DeviceKeyring(deviceId, DeviceKeys.privateKey(e.privateKey()), Certificates.parse(e.deviceCertificate()),
                Certificates.parse(e.caCertificate()), URI.create(e.baseUrl()));
    }

    /** A detached CMS signature by the device key over {@code message}. */
    public byte[] sign(byte[] message) {
        return CmsSigner.signDevice(message, key, certificate);
    }

    /** The certificate's serial (hex), stored with each frozen batch's signature. */
    public String serial() {
        return certificate.getSerialNumber().toString(16);
    }

    public String id() {
        return deviceId.toString();
    }

    @Override
    public String toString() {
        return "DeviceKeyring[" + deviceId + " " + base + "]";
    }
}
