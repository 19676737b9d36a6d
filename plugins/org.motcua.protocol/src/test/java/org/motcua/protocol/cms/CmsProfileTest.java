package org.motcua.protocol.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import org.bouncycastle.asn1.ASN1Encodable;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Set;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.CMSObjectIdentifiers;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.cms.SignedData;
import org.bouncycastle.asn1.cms.SignerInfo;
import org.bouncycastle.asn1.cms.Time;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.DERUTF8String;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.SimpleAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.TestPki;
import org.motcua.protocol.io.Gzip;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.protocol.pki.Csrs;
import org.motcua.protocol.pki.DeviceKeys;

/** The checks of §3.4 in the contract's order; the §16 server cases 7 and 10–15 at the level of the verifier. */
class CmsProfileTest {

    private static final TestPki PKI = new TestPki();
    private static final byte[] M = "{\"kind\":\"batch\",\"protocol\":1}".getBytes(StandardCharsets.UTF_8);

    private static String deviceCheck(byte[] signature, byte[] message) {
        return assertThrows(SignatureInvalid.class,
                () -> CmsVerifier.verifyDevice(signature, message, PKI.deviceCert)).check();
    }

    @Test
    void aDeviceSignatureVerifiesWithThePinnedCertificate() throws Exception {
        CmsVerifier.verifyDevice(CmsSigner.signDevice(M, PKI.deviceKeys.getPrivate(), PKI.deviceCert), M, PKI.deviceCert);
    }

    @Test
    void aServerSignatureCarriesItsCertificateAndChainsToThePinnedCa() throws Exception {
        byte[] sig = CmsSigner.signServer(M, PKI.response.key(), PKI.response.certificate());
        X509Certificate embedded = CmsVerifier.verifyServer(sig, M);
        assertEquals(PKI.response.certificate(), embedded);
        ServerCertificateCheck.check(embedded, PKI.ca.certificate(), Instant.now());
    }

    @Test
    void oneFlippedByteOfTheMessageFailsTheMessageDigest() {
        byte[] sig = CmsSigner.signDevice(M, PKI.deviceKeys.getPrivate(), PKI.deviceCert);
        byte[] other = M.clone();
        other[3] ^= 1;
        assertEquals("message-digest", deviceCheck(sig, other));
    }

    @Test
    void aSignatureOverTheGzipBytesFailsTheMessageDigest() {
        byte[] gz = Gzip.compress(M);
        assertEquals("message-digest", deviceCheck(CmsSigner.signDevice(gz, PKI.deviceKeys.getPrivate(), PKI.deviceCert), M));
    }

    @Test
    void garbageFailsToParse() {
        assertEquals("cms-parse", deviceCheck(new byte[] {1, 2, 3}, M));
        byte[] sig = CmsSigner.signDevice(M, PKI.deviceKeys.getPrivate(), PKI.deviceCert);
        assertEquals("cms-parse", deviceCheck(Arrays.copyOf(sig, sig.length + 1), M), "trailing byte");
    }

    @Test
    void zeroSignerInfosNeverVerify() throws Exception {
        SignedData empty = new SignedData(new DERSet(), new ContentInfo(CMSObjectIdentifiers.data, null), null, null,
                new DERSet());
        byte[] der = new ContentInfo(CMSObjectIdentifiers.signedData, empty).getEncoded("DER");
        assertEquals("signer-count", deviceCheck(der, M));
    }

    @Test
    void twoSignerInfosAreRefusedEvenWhenOneIsValid() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(signerInfo(PKI.deviceKeys.getPrivate(), PKI.deviceCert));
        g.addSignerInfoGenerator(signerInfo(PKI.deviceKeys.getPrivate(), PKI.deviceCert));
        assertEquals("signer-count", deviceCheck(der(g.generate(new CMSProcessableByteArray(M), false)), M));
    }

    @Test
    void aDeviceSignatureWithItsCertificateEmbeddedIsRefused() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(signerInfo(PKI.deviceKeys.getPrivate(), PKI.deviceCert));
        g.addCertificate(new JcaX509CertificateHolder(PKI.deviceCert));
        assertEquals("certificates", deviceCheck(der(g.generate(new CMSProcessableByteArray(M), false)), M));
    }

    @Test
    void attachedContentIsRefused() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(signerInfo(PKI.deviceKeys.getPrivate(), PKI.deviceCert));
        assertEquals("not-detached", deviceCheck(der(g.generate(new CMSProcessableByteArray(M), true)), M));
    }

    @Test
    void anotherDevicesKeyFailsTheSignerIdOrTheValue() {
        TestPki other = new TestPki();
        byte[] byOther = CmsSigner.signDevice(M, other.deviceKeys.getPrivate(), other.deviceCert);
        assertEquals("signer-id", deviceCheck(byOther, M));
        // the right name with the wrong key: only the signature value can tell
        byte[] forged = CmsSigner.signDevice(M, other.deviceKeys.getPrivate(), PKI.deviceCert);
        assertEquals("signature-value", deviceCheck(forged, M));
    }

    @Test
    void aChangedSignatureValueOrSignedAttributeFailsTheValue() throws Exception {
        byte[] sig = CmsSigner.signDevice(M, PKI.deviceKeys.getPrivate(), PKI.deviceCert);
        SignedData sd = SignedData.getInstance(ContentInfo.getInstance(sig).getContent());
        SignerInfo si = SignerInfo.getInstance(sd.getSignerInfos().getObjectAt(0));
        byte[] value = si.getEncryptedDigest().getOctets().clone();
        value[value.length - 1] ^= 1; // the last byte of s: still a well-formed ECDSA-Sig-Value
        assertEquals("signature-value", deviceCheck(replaced(sd, si, si.getAuthenticatedAttributes(), value), M));
        // signingTime a second later: every attribute is still in the profile, but the signed bytes changed
        ASN1EncodableVector attributes = new ASN1EncodableVector();
        for (ASN1Encodable e : si.getAuthenticatedAttributes()) {
            Attribute a = Attribute.getInstance(e);
            attributes.add(!CMSAttributes.signingTime.equals(a.getAttrType()) ? a : new Attribute(CMSAttributes.signingTime,
                    new DERSet(new Time(Date.from(Time.getInstance(a.getAttrValues().getObjectAt(0)).getDate().toInstant()
                            .plusSeconds(1))))));
        }
        assertEquals("signature-value", deviceCheck(replaced(sd, si, new DERSet(attributes),
                si.getEncryptedDigest().getOctets()), M));
    }

    @Test
    void unsignedAttributesAndKeyIdentifiersAreOutsideTheProfile() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        ASN1EncodableVector v = new ASN1EncodableVector();
        v.add(new Attribute(PKCSObjectIdentifiers.pkcs_9_at_challengePassword, new DERSet(new DERUTF8String("x"))));
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .setUnsignedAttributeGenerator(new SimpleAttributeTableGenerator(new AttributeTable(v)))
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(PKI.deviceKeys.getPrivate()), PKI.deviceCert));
        assertEquals("profile", deviceCheck(der(g.generate(new CMSProcessableByteArray(M), false)), M));

        CMSSignedDataGenerator ski = new CMSSignedDataGenerator();
        ski.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(PKI.deviceKeys.getPrivate()), new byte[] {1, 2, 3}));
        assertEquals("profile", deviceCheck(der(ski.generate(new CMSProcessableByteArray(M), false)), M));
    }

    @Test
    void anRsaOrSha512SignatureFailsTheAlgorithmCheck() throws Exception {
        CMSSignedDataGenerator g = new CMSSignedDataGenerator();
        g.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA512withECDSA").build(PKI.deviceKeys.getPrivate()), PKI.deviceCert));
        assertEquals("algorithm", deviceCheck(der(g.generate(new CMSProcessableByteArray(M), false)), M));
    }

    @Test
    void aServerSignatureMustCarryExactlyOneCertificate() {
        byte[] deviceStyle = CmsSigner.signDevice(M, PKI.response.key(), PKI.response.certificate());
        assertEquals("certificates", assertThrows(SignatureInvalid.class, () -> CmsVerifier.verifyServer(deviceStyle, M)).check());
    }

    @Test
    void theDeviceRefusesResponseCertificatesFromAnotherCaOrWithoutTheResponseUsage() throws Exception {
        TestPki stranger = new TestPki();
        X509Certificate foreign = stranger.response.certificate();
        assertEquals("issuer", assertThrows(SignatureInvalid.class,
                () -> ServerCertificateCheck.check(foreign, PKI.ca.certificate(), Instant.now())).check());
        // a device certificate of the right CA may not sign server documents
        assertEquals("usage", assertThrows(SignatureInvalid.class,
                () -> ServerCertificateCheck.check(PKI.deviceCert, PKI.ca.certificate(), Instant.now())).check());
        assertEquals("validity", assertThrows(SignatureInvalid.class, () -> ServerCertificateCheck.check(
                PKI.response.certificate(), PKI.ca.certificate(), Instant.now().plusSeconds(86_400L * 900))).check());
    }

    @Test
    void anExpiredDeviceCertificateStillVerifies() throws Exception {
        // offline devices cannot renew on time (§2): the validity dates never decide a device signature
        CertificateProfiles.Issued ca = CertificateProfiles.newCa("old CA", Instant.parse("2000-01-01T00:00:00Z"));
        var keys = DeviceKeys.generate();
        X509Certificate old = CertificateProfiles.device(ca, Csrs.verifiedKey(Csrs.create(keys, PKI.deviceId)),
                PKI.deviceId, "000.17.22.H56", Instant.parse("2000-01-01T00:00:00Z"));
        CmsVerifier.verifyDevice(CmsSigner.signDevice(M, keys.getPrivate(), old), M, old);
    }

    private static org.bouncycastle.cms.SignerInfoGenerator signerInfo(PrivateKey key, X509Certificate cert) throws Exception {
        return new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                .build(new JcaContentSignerBuilder("SHA256withECDSA").build(key), cert);
    }

    /** {@code sd} with its one SignerInfo's signed attributes and signature value replaced. */
    private static byte[] replaced(SignedData sd, SignerInfo si, ASN1Set signedAttributes, byte[] value) throws Exception {
        SignerInfo changed = new SignerInfo(si.getSID(), si.getDigestAlgorithm(), signedAttributes,
                si.getDigestEncryptionAlgorithm(), new DEROctetString(value), null);
        SignedData out = new SignedData(sd.getDigestAlgorithms(), sd.getEncapContentInfo(), sd.getCertificates(), sd.getCRLs(),
                new DERSet(changed));
        return new ContentInfo(CMSObjectIdentifiers.signedData, out).getEncoded("DER");
    }

    private static byte[] der(CMSSignedData sd) throws Exception {
        return sd.toASN1Structure().getEncoded("DER");
    }
}
