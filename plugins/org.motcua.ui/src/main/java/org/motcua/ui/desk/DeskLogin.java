package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.OfficerAccounts.Login;
import org.motcua.store.Store;
import org.motcua.store.StoreException;

/**
 * The offline login, without its dialog: the typed password unwraps the officer's key slot, the key
 * opens the encrypted store, and the store checks the account (role, active, lockout).
 */
public final class DeskLogin {

    /** What a login attempt gave. */
    public sealed interface Outcome permits Opened, Refused, Locked, Failed {
    }

    public record Opened(Desk desk) implements Outcome {
    }

    /** Wrong name or password; {@code attemptsLeft} is empty when the key slot already refused it. */
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
        Optional<char[]> key = name.isEmpty() || name.startsWith("#") ? Optional.empty()
                : files.keySlots().unlock(name, password);
        if (key.isEmpty()) {
            return new Refused(Optional.empty());
        }
        Store store;
        try {
            store = Store.open(files.baseName(), key.get());
        } catch (StoreException e) {
            return new Failed(e.reason(), e.getMessage());
        } finally {
            Arrays.fill(key.get(), '\0');
        }
        Desk draft = new Desk(store, null, deadlines, clock);
        Login login = new OfficerAccounts(store).login(name, password, draft.now());
        return switch (login) {
            case Login.Success s -> new Opened(new Desk(store, s.officer(), deadlines, clock));
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
}
