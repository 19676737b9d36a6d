package org.motcua.protocol.cms;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import org.motcua.protocol.TestPki;

/**
 * Mangled signatures (jqwik properties: the seed of a failure is printed and replayed by jqwik): whatever byte of a valid
 * device or server signature is changed, removed or added, the verifier answers {@link SignatureInvalid} and nothing
 * else, since any other exception becomes a 500 wherever a signature is checked.
 */
class CmsMangledSignatureTest {

    private static final TestPki PKI = new TestPki();
    private static final byte[] M = "{\"kind\":\"sessionRequest\",\"protocol\":1}".getBytes(StandardCharsets.UTF_8);
    private static final byte[] DEVICE = CmsSigner.signDevice(M, PKI.deviceKeys.getPrivate(), PKI.deviceCert);

    /** The input the HTTP fuzzer found: the tag of the digest algorithm's OID turned into an OCTET STRING's. */
    @Example
    void aDigestAlgorithmThatIsNoOidIsAnInvalidSignatureNotACrash() {
        byte[] sha256Oid = {0x06, 0x09, 0x60, (byte) 0x86, 0x48, 0x01, 0x65, 0x03, 0x04, 0x02, 0x01};
        byte[] mangled = DEVICE.clone();
        int at = indexOf(mangled, sha256Oid);
        mangled[at] = 0x04;
        SignatureInvalid e = assertThrows(SignatureInvalid.class, () -> CmsVerifier.verifyDevice(mangled, M, PKI.deviceCert));
        assertEquals("cms-parse", e.check());
    }

    @Property(tries = 3000)
    void aChangedByteIsAnInvalidSignature(@ForAll @IntRange(min = 0, max = 10_000) int position, @ForAll byte xor) {
        byte[] mangled = DEVICE.clone();
        int i = position % mangled.length;
        mangled[i] ^= xor == 0 ? 1 : xor;
        onlySignatureInvalid(mangled);
    }

    @Property(tries = 1000)
    void aCutOrALengthenedSignatureIsInvalid(@ForAll("cuts") byte[] mangled) {
        onlySignatureInvalid(mangled);
    }

    @Provide
    Arbitrary<byte[]> cuts() {
        return Arbitraries.oneOf(
                Arbitraries.integers().between(0, DEVICE.length - 1).map(n -> Arrays.copyOf(DEVICE, n)),
                Arbitraries.bytes().array(byte[].class).ofMinSize(1).ofMaxSize(64).map(tail -> {
                    byte[] b = Arrays.copyOf(DEVICE, DEVICE.length + tail.length);
                    System.arraycopy(tail, 0, b, DEVICE.length, tail.length);
                    return b;
                }),
                Arbitraries.bytes().array(byte[].class).ofMaxSize(600));
    }

    private static void onlySignatureInvalid(byte[] mangled) {
        try {
            CmsVerifier.verifyDevice(mangled, M, PKI.deviceCert);
            CmsVerifier.verifyServer(mangled, M);
        } catch (SignatureInvalid expected) {
            return;
        }
        // A change that leaves the signature valid (a byte DER ignores) is no failure.
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            if (Arrays.equals(Arrays.copyOfRange(haystack, i, i + needle.length), needle)) {
                return i;
            }
        }
        throw new AssertionError("not found");
    }
}
