package org.motcua.protocol.pki;

import java.io.IOException;
import java.security.KeyPair;
import java.security.PublicKey;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaContentVerifierProviderBuilder;
import org.bouncycastle.pkcs.PKCS10CertificationRequest;
import org.bouncycastle.pkcs.PKCSException;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;

/** The device's certificate request (§5.1): DER PKCS#10, EC P-256 key, self-signed with SHA256withECDSA. */
public final class Csrs {

    private Csrs() {
    }

    /** A request for {@code keys}, subject {@code CN=<deviceId>} (the CA writes the full subject). */
    public static byte[] create(KeyPair keys, String deviceId) {
        try {
            return new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=" + deviceId), keys.getPublic())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(keys.getPrivate())).getEncoded();
        } catch (OperatorCreationException | IOException e) {
            throw new IllegalStateException("the request cannot be signed: " + e.getMessage(), e);
        }
    }

    /**
     * The public key of a request that is a P-256 key signed by itself with SHA256withECDSA.
     *
     * @throws IllegalArgumentException with the reason, which the server answers as {@code csr-invalid}
     */
    public static PublicKey verifiedKey(byte[] der) {
        PKCS10CertificationRequest csr;
        try {
            csr = new PKCS10CertificationRequest(der);
        } catch (IOException | RuntimeException e) {
            throw new IllegalArgumentException("not a DER PKCS#10 request");
        }
        SubjectPublicKeyInfo spki = csr.getSubjectPublicKeyInfo();
        if (!X9ObjectIdentifiers.id_ecPublicKey.equals(spki.getAlgorithm().getAlgorithm())
                || !SECObjectIdentifiers.secp256r1.equals(spki.getAlgorithm().getParameters() instanceof ASN1ObjectIdentifier o ? o : null)) {
            throw new IllegalArgumentException("the key is not EC P-256");
        }
        if (!X9ObjectIdentifiers.ecdsa_with_SHA256.equals(csr.getSignatureAlgorithm().getAlgorithm())) {
            throw new IllegalArgumentException("the request is not signed with SHA256withECDSA");
        }
        try {
            if (!csr.isSignatureValid(new JcaContentVerifierProviderBuilder().build(spki))) {
                throw new IllegalArgumentException("the request's proof of possession does not verify");
            }
            return DeviceKeys.publicKey(spki.getEncoded());
        } catch (OperatorCreationException | PKCSException | IOException e) {
            throw new IllegalArgumentException("the request's proof of possession does not verify");
        }
    }
}
