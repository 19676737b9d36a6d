package org.motcua.protocol.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.interfaces.ECPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import org.bouncycastle.asn1.x9.ECNamedCurveTable;
import org.bouncycastle.asn1.x9.X9ECParameters;
import org.bouncycastle.crypto.AsymmetricCipherKeyPair;
import org.bouncycastle.crypto.generators.ECKeyPairGenerator;
import org.bouncycastle.crypto.params.ECDomainParameters;
import org.bouncycastle.crypto.params.ECNamedDomainParameters;
import org.bouncycastle.asn1.sec.SECObjectIdentifiers;
import org.bouncycastle.crypto.params.ECKeyGenerationParameters;
import org.bouncycastle.crypto.util.PrivateKeyInfoFactory;
import org.bouncycastle.crypto.util.SubjectPublicKeyInfoFactory;

/**
 * EC P-256 key pairs, generated with Bouncy Castle's lightweight API (the contract asks for Bouncy Castle keys; the
 * lightweight API avoids registering Bouncy Castle's JCA provider) and handed out as ordinary JCA keys, so the JDK's
 * own ECDSA signs with them. Private keys travel only as PKCS#8 bytes into the device's encrypted database.
 */
public final class DeviceKeys {

    private static final String CURVE = "secp256r1";

    private DeviceKeys() {
    }

    public static KeyPair generate() {
        X9ECParameters x9 = ECNamedCurveTable.getByName(CURVE);
        // named, so the keys encode the curve's OID: the JDK decodes only named curves
        ECDomainParameters domain = new ECNamedDomainParameters(SECObjectIdentifiers.secp256r1, x9);
        ECKeyPairGenerator generator = new ECKeyPairGenerator();
        generator.init(new ECKeyGenerationParameters(domain, new SecureRandom()));
        AsymmetricCipherKeyPair pair = generator.generateKeyPair();
        try {
            byte[] pkcs8 = PrivateKeyInfoFactory.createPrivateKeyInfo(pair.getPrivate()).getEncoded();
            byte[] spki = SubjectPublicKeyInfoFactory.createSubjectPublicKeyInfo(pair.getPublic()).getEncoded();
            return new KeyPair(publicKey(spki), privateKey(pkcs8));
        } catch (IOException e) {
            throw new IllegalStateException("a fresh key always encodes", e);
        }
    }

    /** The key from its PKCS#8 bytes (as stored in the device's encrypted database). */
    public static PrivateKey privateKey(byte[] pkcs8) {
        try {
            return KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(pkcs8));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not a PKCS#8 EC private key", e);
        }
    }

    public static PublicKey publicKey(byte[] spki) {
        try {
            return KeyFactory.getInstance("EC").generatePublic(new X509EncodedKeySpec(spki));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("not an EC public key", e);
        }
    }

    /** True when {@code key} is an EC key on P-256. */
    public static boolean isP256(PublicKey key) {
        if (!(key instanceof ECPublicKey ec)) {
            return false;
        }
        X9ECParameters x9 = ECNamedCurveTable.getByName(CURVE);
        return ec.getParams().getOrder().equals(x9.getN()) && ec.getParams().getCurve().getField().getFieldSize() == 256
                && ec.getParams().getCofactor() == 1 && ec.getParams().getGenerator().getAffineX()
                        .equals(new BigInteger(1, x9.getG().getAffineXCoord().getEncoded()));
    }
}
