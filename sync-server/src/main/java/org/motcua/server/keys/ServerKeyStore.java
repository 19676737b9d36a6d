package org.motcua.server.keys;

import java.security.SecureRandom;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.motcua.protocol.pki.CertificateProfiles;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;

/**
 * Loads the server's keys from the database, or makes them on the very first start (§2): the CA (pathLen 0, 20
 * years), the response-signing certificate, the TLS certificate for {@code localhost}, {@code 127.0.0.1} and every
 * configured name, and the session-token secret. The PKCS#12 bytes, encrypted with the passphrase, are stored in one
 * row made under its primary key, so when two instances start at once on one PostgreSQL, one inserts and the other
 * loads what it inserted: both present the same CA and response key.
 */
public final class ServerKeyStore {

    /** The TLS certificate is renewed at start when it would expire within this time. */
    static final Duration TLS_RENEW_BEFORE = Duration.ofDays(30);
    static final int TLS_DAYS = 825;
    static final int RESPONSE_DAYS = 5 * 366;

    private final ServerDatabase db;
    private final char[] passphrase;
    private final Clock clock;

    public ServerKeyStore(ServerDatabase db, char[] passphrase, Clock clock) {
        this.db = db;
        this.passphrase = passphrase.clone();
        this.clock = clock;
    }

    /** The keys, made on first use; the TLS certificate covers at least {@code tlsNames}. */
    public ServerKeys load(Collection<String> tlsNames) {
        List<String> wanted = names(tlsNames);
        for (int attempt = 0; attempt < 3; attempt++) {
            Optional<Stored> stored = read();
            if (stored.isEmpty()) {
                ServerKeys fresh = create(wanted);
                if (insert(Keystores.write(fresh, passphrase))) {
                    return fresh;
                }
                continue; // another instance made them first: load theirs
            }
            ServerKeys keys = Keystores.read(stored.get().pkcs12(), passphrase);
            if (covers(keys.tls().certificate(), wanted)) {
                return keys;
            }
            ServerKeys renewed = new ServerKeys(keys.ca(), new CertificateProfiles.Issued(keys.responseCertificate(),
                    keys.responseKey()), CertificateProfiles.tlsServer(keys.ca(), union(keys.tls().certificate(), wanted),
                    clock.instant(), TLS_DAYS), keys.tokenKey());
            if (update(stored.get().revision(), Keystores.write(renewed, passphrase))) {
                return renewed;
            }
        }
        throw new IllegalStateException("the server keystore kept changing while it was being loaded");
    }

    private record Stored(byte[] pkcs12, int revision) {
    }

    private ServerKeys create(List<String> names) {
        Instant now = clock.instant();
        CertificateProfiles.Issued ca = CertificateProfiles.newCa("MotCua province CA", now);
        CertificateProfiles.Issued response = CertificateProfiles.responseSigner(ca, now, RESPONSE_DAYS);
        CertificateProfiles.Issued tls = CertificateProfiles.tlsServer(ca, names, now, TLS_DAYS);
        byte[] tokenKey = new byte[32];
        new SecureRandom().nextBytes(tokenKey);
        return new ServerKeys(ca, response, tls, tokenKey);
    }

    private Optional<Stored> read() {
        return call(c -> Sql.one(c, "SELECT pkcs12, revision FROM server_keystore WHERE id = 1",
                rs -> new Stored(rs.getBytes(1), rs.getInt(2))));
    }

    private boolean insert(byte[] pkcs12) {
        try {
            Instant now = clock.instant();
            call(c -> Sql.update(c, "INSERT INTO server_keystore (id, pkcs12, revision, created_at, updated_at) "
                    + "VALUES (1, ?, 1, ?, ?)", pkcs12, now, now));
            return true;
        } catch (Tx.DatabaseFailure e) {
            if (Dialect.isUniqueViolation(e.sqlException())) {
                return false;
            }
            throw e;
        }
    }

    private boolean update(int revision, byte[] pkcs12) {
        return call(c -> Sql.update(c, "UPDATE server_keystore SET pkcs12 = ?, revision = ?, updated_at = ? "
                + "WHERE id = 1 AND revision = ?", pkcs12, revision + 1, clock.instant(), revision)) == 1;
    }

    private <T> T call(Tx.Work<T> work) {
        try {
            return Tx.durable(db, work);
        } catch (Rejection e) {
            throw new IllegalStateException("the database is unavailable: " + e.getMessage());
        }
    }

    private boolean covers(X509Certificate tls, List<String> names) {
        if (tls.getNotAfter().toInstant().isBefore(clock.instant().plus(TLS_RENEW_BEFORE))) {
            return false;
        }
        return sans(tls).containsAll(names);
    }

    private static List<String> union(X509Certificate tls, List<String> names) {
        Set<String> all = new LinkedHashSet<>(sans(tls));
        all.addAll(names);
        return new ArrayList<>(all);
    }

    static Set<String> sans(X509Certificate cert) {
        Set<String> out = new LinkedHashSet<>();
        try {
            if (cert.getSubjectAlternativeNames() != null) {
                for (List<?> san : cert.getSubjectAlternativeNames()) {
                    out.add(String.valueOf(san.get(1)));
                }
            }
        } catch (CertificateParsingException e) {
            // no usable names: the certificate is renewed
        }
        return out;
    }

    private static List<String> names(Collection<String> extra) {
        Set<String> all = new LinkedHashSet<>(List.of("localhost", "127.0.0.1"));
        all.addAll(extra);
        return new ArrayList<>(all);
    }
}
