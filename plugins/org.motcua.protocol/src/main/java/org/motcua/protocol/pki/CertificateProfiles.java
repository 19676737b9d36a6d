package org.motcua.protocol.pki;

import java.io.IOException;
import java.math.BigInteger;
import java.net.InetAddress;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * The certificate profiles of §2, so a CA issues exactly what the contract says: the self-signed CA (pathLen 0,
 * keyCertSign and cRLSign, 20 years), the TLS server certificate (serverAuth and every name devices use), the
 * response-signing certificate ({@code id-motcua-kp-response}) and device certificates ({@code CN=<deviceId>,
 * OU=<unitCode>, O=MotCua}, {@code id-motcua-kp-device}, 10 years). Serials are 128 random bits.
 */
public final class CertificateProfiles {

    /** A certificate with the private key that signs with it. */
    public record Issued(X509Certificate certificate, PrivateKey key) {
    }

    private static final SecureRandom RANDOM = new SecureRandom();
    /** Certificates start an hour early, so a device whose clock is a little behind does not see them "not yet valid". */
    private static final Duration BACKDATE = Duration.ofHours(1);

    private CertificateProfiles() {
    }

    /** A new CA for a province's server. */
    public static Issued newCa(String commonName, Instant now) {
        KeyPair keys = DeviceKeys.generate();
        X500Name name = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MotCua").addRDN(BCStyle.CN, commonName).build();
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder b = builder(name, name, keys.getPublic(), now, 20 * 366)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(keys.getPublic()));
            return new Issued(sign(b, keys.getPrivate()), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the CA certificate: " + e.getMessage(), e);
        }
    }

    /** The server's TLS certificate for the DNS names and IP addresses in {@code names}. */
    public static Issued tlsServer(Issued ca, List<String> names, Instant now, int days) {
        KeyPair keys = DeviceKeys.generate();
        List<GeneralName> san = new ArrayList<>();
        for (String n : names) {
            san.add(isIpLiteral(n) ? new GeneralName(GeneralName.iPAddress, n) : new GeneralName(GeneralName.dNSName, n));
        }
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MotCua")
                .addRDN(BCStyle.CN, names.isEmpty() ? "motcua-sync" : names.get(0)).build();
        try {
            X509v3CertificateBuilder b = issuedBy(ca, subject, keys.getPublic(), now, days)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectAlternativeName, false, new GeneralNames(san.toArray(GeneralName[]::new)));
            return new Issued(sign(b, ca.key()), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the TLS certificate: " + e.getMessage(), e);
        }
    }

    /** The certificate of the key that signs every signed server document. */
    public static Issued responseSigner(Issued ca, Instant now, int days) {
        KeyPair keys = DeviceKeys.generate();
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MotCua")
                .addRDN(BCStyle.CN, "MotCua response signing").build();
        try {
            X509v3CertificateBuilder b = issuedBy(ca, subject, keys.getPublic(), now, days)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(MotCuaOids.KP_RESPONSE));
            return new Issued(sign(b, ca.key()), keys.getPrivate());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the response certificate: " + e.getMessage(), e);
        }
    }

    /** A device certificate for the verified key of its request. */
    public static X509Certificate device(Issued ca, PublicKey deviceKey, String deviceId, String unitCode, Instant now) {
        X500Name subject = new X500NameBuilder(BCStyle.INSTANCE).addRDN(BCStyle.O, "MotCua").addRDN(BCStyle.OU, unitCode)
                .addRDN(BCStyle.CN, deviceId).build();
        try {
            X509v3CertificateBuilder b = issuedBy(ca, subject, deviceKey, now, 10 * 366)
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(MotCuaOids.KP_DEVICE));
            return sign(b, ca.key());
        } catch (Exception e) {
            throw new IllegalStateException("could not make the device certificate: " + e.getMessage(), e);
        }
    }

    private static X509v3CertificateBuilder issuedBy(Issued ca, X500Name subject, PublicKey key, Instant now, int days)
            throws CertIOException {
        X500Name issuer = X500Name.getInstance(ca.certificate().getSubjectX500Principal().getEncoded());
        try {
            return builder(issuer, subject, key, now, days).addExtension(Extension.authorityKeyIdentifier, false,
                    new JcaX509ExtensionUtils().createAuthorityKeyIdentifier(ca.certificate()));
        } catch (java.security.NoSuchAlgorithmException | java.security.cert.CertificateEncodingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now, int days) {
        Instant from = now.minus(BACKDATE).truncatedTo(ChronoUnit.SECONDS);
        Instant to = now.plus(Duration.ofDays(days)).truncatedTo(ChronoUnit.SECONDS);
        return new JcaX509v3CertificateBuilder(issuer, serial(), Date.from(from), Date.from(to), subject, key);
    }

    private static BigInteger serial() {
        byte[] bytes = new byte[16];
        RANDOM.nextBytes(bytes);
        bytes[0] &= 0x7F;
        bytes[0] |= 0x40; // never zero, always 127 significant bits
        return new BigInteger(1, bytes);
    }

    private static X509Certificate sign(X509v3CertificateBuilder b, PrivateKey key)
            throws OperatorCreationException, CertificateException {
        return new JcaX509CertificateConverter().getCertificate(b.build(new JcaContentSignerBuilder("SHA256withECDSA").build(key)));
    }

    private static boolean isIpLiteral(String name) {
        if (name.matches("[0-9.]+") || name.contains(":")) {
            try {
                InetAddress.getByName(name);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
        return false;
    }
}
