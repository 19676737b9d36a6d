package org.motcua.server.keys;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.pki.Certificates;
import org.motcua.protocol.pki.MotCuaOids;
import org.motcua.server.ServerConfig;
import org.motcua.server.ServerServices;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/** §2 keys: made once on first start, kept encrypted in the database, the passphrase outside it. */
class ServerKeysTest {

    @TempDir
    Path data;

    private ServerConfig config() {
        ServerConfig c = ServerConfig.embedded(data);
        c.environment = Map.of();
        return c;
    }

    @Test
    void firstStartMakesTheKeysAndAnOwnerOnlyPassphraseFile() throws Exception {
        X509Certificate ca;
        byte[] stored;
        try (ServerServices s = ServerServices.open(config())) {
            ca = s.keys.caCertificate();
            assertEquals(0, ca.getBasicConstraints(), "pathLen 0");
            assertTrue(ca.getKeyUsage()[5] && ca.getKeyUsage()[6], "keyCertSign and cRLSign");
            assertTrue(ca.getNotAfter().getTime() - ca.getNotBefore().getTime() > 19L * 365 * 86_400_000, "20 years");
            assertTrue(s.keys.responseCertificate().getExtendedKeyUsage().contains(MotCuaOids.KP_RESPONSE.getId()));
            s.keys.responseCertificate().verify(ca.getPublicKey());
            List<String> sans = ServerKeyStore.sans(s.keys.tls().certificate()).stream().toList();
            assertTrue(sans.containsAll(List.of("localhost", "127.0.0.1")), sans.toString());
            stored = Tx.plain(s.db, c -> Sql.one(c, "SELECT pkcs12 FROM server_keystore WHERE id = 1", rs -> rs.getBytes(1))).orElseThrow();
            byte[] scalar = ((java.security.interfaces.ECPrivateKey) s.keys.ca().key()).getS().toByteArray();
            byte[] last16 = java.util.Arrays.copyOfRange(scalar, scalar.length - 16, scalar.length);
            assertFalse(contains(stored, last16), "the CA's private scalar is not in the database in clear");
        }
        Path file = data.resolve(KeystorePassphrase.FILE_NAME);
        assertTrue(Files.exists(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (ServerServices again = ServerServices.open(config())) {
            assertEquals(Certificates.fingerprint(ca), Certificates.fingerprint(again.keys.caCertificate()), "loaded, not made again");
        }
    }

    @Test
    void aWrongPassphraseFailsWithAClearMessage() {
        try (ServerServices s = ServerServices.open(config())) {
            assertTrue(s.keys.caCertificate() != null);
        }
        ServerConfig wrong = config().passphrase("not the passphrase");
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> ServerServices.open(wrong).close());
        assertTrue(e.getMessage().contains("cannot be opened with this passphrase"), e.getMessage());
    }

    @Test
    void theEnvironmentPassphraseWinsOverTheFile() {
        ServerConfig c = config();
        c.environment = Map.of(KeystorePassphrase.ENV, "from-the-environment");
        try (ServerServices s = ServerServices.open(c)) {
            assertFalse(Files.exists(data.resolve(KeystorePassphrase.FILE_NAME)));
        }
    }

    @Test
    void aNewTlsNameRenewsOnlyTheTlsCertificate() throws Exception {
        String ca;
        try (ServerServices s = ServerServices.open(config())) {
            ca = Certificates.fingerprint(s.keys.caCertificate());
        }
        ServerConfig c = config();
        c.tlsNames = List.of("sync.tinh.example.invalid", "10.1.2.3");
        try (ServerServices s = ServerServices.open(c)) {
            assertEquals(ca, Certificates.fingerprint(s.keys.caCertificate()));
            var sans = ServerKeyStore.sans(s.keys.tls().certificate());
            assertTrue(sans.containsAll(List.of("localhost", "127.0.0.1", "sync.tinh.example.invalid", "10.1.2.3")), sans.toString());
            s.keys.tls().certificate().verify(s.keys.caCertificate().getPublicKey());
        }
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
