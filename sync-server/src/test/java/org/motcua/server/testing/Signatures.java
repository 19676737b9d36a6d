package org.motcua.server.testing;

import java.io.IOException;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/** CMS signatures that break one rule of the profile (§3.4), built with Bouncy Castle as an attacker could. */
public final class Signatures {

    private Signatures() {
    }

    public static byte[] withoutSigners(byte[] message) {
        return generate(new CMSSignedDataGenerator(), message, false);
    }

    public static byte[] twoSigners(byte[] message, TestDevice one, TestDevice two) {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        add(g, one);
        add(g, two);
        return generate(g, message, false);
    }

    public static byte[] withCertificate(byte[] message, TestDevice device) {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        add(g, device);
        try {
            g.addCertificate(new JcaX509CertificateHolder(device.certificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return generate(g, message, false);
    }

    public static byte[] attached(byte[] message, TestDevice device) {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        add(g, device);
        return generate(g, message, true);
    }

    private static void add(CMSSignedDataGenerator g, TestDevice d) {
        try {
            g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .build(new JcaContentSignerBuilder("SHA256withECDSA").build(d.keys.getPrivate()), d.certificate));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static byte[] generate(CMSSignedDataGenerator g, byte[] message, boolean attach) {
        try {
            return g.generate(new CMSProcessableByteArray(message), attach).toASN1Structure().getEncoded("DER");
        } catch (IOException | org.bouncycastle.cms.CMSException e) {
            throw new IllegalStateException(e);
        }
    }
}
