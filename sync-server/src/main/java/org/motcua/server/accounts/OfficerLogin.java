package org.motcua.server.accounts;

import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.Dialect;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;

/** Checks an officer's name and password under the login throttle; the web's login form calls it. */
public final class OfficerLogin {

    /** What a login attempt came to. {@code lockedUntil} is set only for {@link Outcome#LOCKED}. */
    public record Result(Outcome outcome, Account account, Instant lockedUntil) {
    }

    public enum Outcome {
        SIGNED_IN, WRONG, LOCKED
    }

    /** Verified against when the name is unknown, so an unknown name costs the same time as a wrong password. */
    private static final String DECOY = PasswordHasher.hash("decoy-password-never-used".toCharArray());

    private final ServerDatabase db;
    private final Clock clock;

    public OfficerLogin(ServerDatabase db, Clock clock) {
        this.db = db;
        this.clock = clock;
    }

    public Result attempt(String username, char[] password, String address) throws Rejection {
        String name = Accounts.normalise(username);
        String accountKey = LoginThrottle.accountKey(name);
        String addressKey = LoginThrottle.addressKey(address);
        Instant now = clock.instant();
        Optional<Instant> locked = Tx.read(db, c -> LoginThrottle.lockedUntil(c, now, accountKey, addressKey));
        if (locked.isPresent()) {
            return new Result(Outcome.LOCKED, null, locked.get());
        }
        Optional<String> phc = Tx.read(db, c -> Accounts.activePasswordHash(c, name));
        boolean ok = PasswordHasher.verify(password, phc.orElse(DECOY)) && phc.isPresent()
                && password.length <= Accounts.MAX_PASSWORD;
        if (ok) {
            Tx.plain(db, c -> {
                LoginThrottle.clear(c, accountKey);
                return null;
            });
            return new Result(Outcome.SIGNED_IN, Tx.read(db, c -> Accounts.find(c, name)).orElseThrow(), null);
        }
        Optional<Instant> lock = countFailure(accountKey, addressKey, now);
        return lock.map(until -> new Result(Outcome.LOCKED, null, until)).orElse(new Result(Outcome.WRONG, null, null));
    }

    private Optional<Instant> countFailure(String accountKey, String addressKey, Instant now) throws Rejection {
        for (int attempt = 0; ; attempt++) {
            try {
                return Tx.durable(db, c -> {
                    Optional<Instant> a = LoginThrottle.fail(c, accountKey, LoginThrottle.ACCOUNT_FAILURES, now);
                    Optional<Instant> b = LoginThrottle.fail(c, addressKey, LoginThrottle.ADDRESS_FAILURES, now);
                    return a.isPresent() ? a : b;
                });
            } catch (Tx.DatabaseFailure e) {
                // two first failures of one key at once: the loser's INSERT met the winner's row; count again
                if (attempt > 2 || !(Dialect.isUniqueViolation(e.sqlException()) || Dialect.isLockTimeout(e.sqlException()))) {
                    throw e;
                }
            }
        }
    }
}
