package org.motcua.protocol.pki;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.spec.ECGenParameterSpec;
import java.util.List;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.pkcs.jcajce.JcaPKCS10CertificationRequestBuilder;
import org.bouncycastle.asn1.x500.X500Name;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.TestPki;

class PkiTest {

    private static final TestPki PKI = new TestPki();

    @Test
    void certificatesFollowTheProfilesOfSection2() throws Exception {
        assertEquals(0, PKI.ca.certificate().getBasicConstraints());
        assertTrue(PKI.ca.certificate().getKeyUsage()[5], "keyCertSign");
        assertEquals("CN=" + PKI.deviceId + ",OU=000.17.22.H56,O=MotCua", PKI.deviceCert.getSubjectX500Principal().getName());
        assertTrue(PKI.deviceCert.getExtendedKeyUsage().contains(MotCuaOids.KP_DEVICE.getId()));
        assertTrue(PKI.deviceCert.getSerialNumber().bitLength() >= 64);
        assertTrue(PKI.response.certificate().getExtendedKeyUsage().contains(MotCuaOids.KP_RESPONSE.getId()));
        assertEquals(-1, PKI.deviceCert.getBasicConstraints());
        PKI.deviceCert.verify(PKI.ca.certificate().getPublicKey());
        List<List<?>> san = List.copyOf(PKI.tls.certificate().getSubjectAlternativeNames());
        assertEquals(List.of(List.of(2, "localhost"), List.of(7, "127.0.0.1")), san);
        assertTrue(DeviceKeys.isP256(PKI.deviceKeys.getPublic()));
    }

    @Test
    void aRequestMustBeP256AndSignedByItsKey() throws Exception {
        assertEquals(PKI.deviceKeys.getPublic(), Csrs.verifiedKey(Csrs.create(PKI.deviceKeys, PKI.deviceId)));
        KeyPairGenerator g = KeyPairGenerator.getInstance("EC");
        g.initialize(new ECGenParameterSpec("secp384r1"));
        KeyPair p384 = g.generateKeyPair();
        byte[] wrongCurve = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), p384.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(p384.getPrivate())).getEncoded();
        assertThrows(IllegalArgumentException.class, () -> Csrs.verifiedKey(wrongCurve));
        KeyPair other = DeviceKeys.generate();
        byte[] noProof = new JcaPKCS10CertificationRequestBuilder(new X500Name("CN=x"), PKI.deviceKeys.getPublic())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(other.getPrivate())).getEncoded();
        assertThrows(IllegalArgumentException.class, () -> Csrs.verifiedKey(noProof));
        assertThrows(IllegalArgumentException.class, () -> Csrs.verifiedKey(new byte[] {1, 2}));
    }

    @Test
    void theFingerprintIsSixteenGroupsOfFour() {
        String f = Certificates.fingerprint(PKI.ca.certificate());
        assertTrue(f.matches("([0-9A-F]{4} ){15}[0-9A-F]{4}"), f);
        assertEquals(PKI.ca.certificate(), Certificates.parse(Certificates.der(PKI.ca.certificate())));
    }

    @Test
    void aPrivateKeyRoundTripsThroughPkcs8() {
        assertEquals(PKI.deviceKeys.getPrivate(), DeviceKeys.privateKey(PKI.deviceKeys.getPrivate().getEncoded()));
    }
}
