package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.motcua.core.calendar.DeadlineCalculator;
import java.time.temporal.ChronoUnit;
import org.motcua.store.LoginThrottle;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.OfficerAccounts.Login;
import org.motcua.store.Store;
import org.motcua.store.StoreException;

/**
 * The offline login, without its dialog: the typed password unwraps the officer's key slot, the key
 * opens the encrypted store, and the store checks the account (role, active, lockout). The
 * {@link LoginThrottle} is asked first, before any Argon2 work, and counts a password the key slot refuses,
 * which the store never sees. A name without a key slot is refused without counting: names are not secret
 * (the key slots file lists them), and a password typed into the name field must not land in a clear file.
 */
public final class DeskLogin {

    /** What a login attempt gave. */
    public sealed interface Outcome permits Opened, Refused, Locked, Failed {
    }

    public record Opened(Desk desk) implements Outcome {
    }

    /** Wrong name or password; {@code attemptsLeft} before the lockout, empty for a name without a key slot. */
    public record Refused(Optional<Integer> attemptsLeft) implements Outcome {
    }

    public record Locked(LocalDateTime until) implements Outcome {
    }

    /** The database could not be opened for another reason. */
    public record Failed(StoreException.Reason reason, String detail) implements Outcome {
    }

    private DeskLogin() {
    }

    public static Outcome login(DeskFiles files, String username, char[] password, DeadlineCalculator deadlines,
            Clock clock) {
        String name = username == null ? "" : username.strip();
        if (name.isEmpty() || name.startsWith("#") || !files.keySlots().names().contains(name)) {
            return new Refused(Optional.empty());
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LoginThrottle throttle = files.loginThrottle();
        Optional<LocalDateTime> locked = throttle.lockedUntil(name, now);
        if (locked.isPresent()) {
            return new Locked(locked.get());
        }
        Optional<char[]> key = files.keySlots().unlock(name, password);
        if (key.isEmpty()) {
            return refusedAtTheSlot(throttle.failed(name, now));
        }
        Store store;
        try {
            store = Store.open(files.baseName(), key.get());
        } catch (StoreException e) {
            return new Failed(e.reason(), e.getMessage());
        } finally {
            Arrays.fill(key.get(), '\0');
        }
        Login login = new OfficerAccounts(store).login(name, password, Desk.now(clock));
        return switch (login) {
            case Login.Success s -> {
                throttle.succeeded(name, store, now);
                yield new Opened(new Desk(store, s.officer(), deadlines, clock));
            }
            case Login.Refused r -> {
                store.close();
                yield new Refused(Optional.of(r.attemptsLeft()));
            }
            case Login.Locked l -> {
                store.close();
                yield new Locked(l.until());
            }
        };
    }

    /** What the throttle said about a secret the key slot refused. */
    static Outcome refusedAtTheSlot(Login counted) {
        return switch (counted) {
            case Login.Locked l -> new Locked(l.until());
            case Login.Refused r -> new Refused(Optional.of(r.attemptsLeft()));
            case Login.Success s -> throw new IllegalStateException("a refused secret cannot succeed");
        };
    }
}
