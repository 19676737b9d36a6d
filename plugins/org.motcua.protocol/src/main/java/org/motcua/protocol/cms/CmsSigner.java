package org.motcua.protocol.cms;

import java.io.IOException;
import java.security.PrivateKey;
import java.security.cert.CertificateEncodingException;
import java.security.cert.X509Certificate;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * Makes the detached CMS signatures of §3.4 with Bouncy Castle's CMS API over the JDK's own ECDSA (no Bouncy Castle
 * JCA provider is registered: creating one costs a noticeable part of a second at start-up). Bouncy Castle's default
 * signed attributes (contentType, signingTime, messageDigest, cmsAlgorithmProtection) fit the profile.
 */
public final class CmsSigner {

    private CmsSigner() {
    }

    /** A device signature: no certificate inside, the signer named by issuer and serial of {@code cert}. */
    public static byte[] signDevice(byte[] message, PrivateKey key, X509Certificate cert) {
        return sign(message, key, cert, false);
    }

    /** A server signature: exactly one certificate inside, the response-signing certificate {@code cert}. */
    public static byte[] signServer(byte[] message, PrivateKey key, X509Certificate cert) {
        return sign(message, key, cert, true);
    }

    private static byte[] sign(byte[] message, PrivateKey key, X509Certificate cert, boolean embedCertificate) {
        try {
            ContentSigner signer = new JcaContentSignerBuilder("SHA256withECDSA").build(key);
            CMSSignedDataGenerator generator = new CMSSignedDataGenerator();
            generator.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(signer, cert));
            if (embedCertificate) {
                generator.addCertificate(new JcaX509CertificateHolder(cert));
            }
            CMSSignedData signed = generator.generate(new CMSProcessableByteArray(message), false);
            return signed.toASN1Structure().getEncoded("DER");
        } catch (OperatorCreationException | CertificateEncodingException | CMSException | IOException e) {
            throw new IllegalStateException("signing failed: " + e.getMessage(), e);
        }
    }
}
