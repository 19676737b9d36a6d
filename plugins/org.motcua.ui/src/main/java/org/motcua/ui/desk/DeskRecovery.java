package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.KeySlots;
import org.motcua.store.LoginThrottle;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.OfficerAccounts.Login;
import org.motcua.store.Store;
import org.motcua.store.StoreException;
import org.motcua.ui.Messages;

/**
 * "Forgot the password", without its dialog: the recovery code from the commune's safe opens the recovery key slot,
 * the store gives the named admin a new password (audited as {@code RECOVERY_USED}), the admin's key slot is
 * rewritten, and a NEW recovery code replaces the old one, to be shown once: the old code has been typed at this
 * desk and may have been seen. Wrong codes are counted by the {@link LoginThrottle} under the recovery slot's name,
 * so the code cannot be guessed at the desk either. The recovery slot is replaced last: if anything fails before,
 * the old code still works and the recovery can be run again.
 */
public final class DeskRecovery {

    /** What a recovery attempt gave. */
    public sealed interface Result permits Recovered, Invalid, NotOpened {
    }

    /** The admin is logged in with the new password; {@code newRecoveryCode} must be shown once. */
    public record Recovered(Desk desk, char[] newRecoveryCode) implements Result {
    }

    /** The request is wrong (passwords, not an admin); {@code problems} are in the officer's language. */
    public record Invalid(List<String> problems) implements Result {
    }

    /** The code was refused or is locked ({@link DeskLogin.Refused}, {@link DeskLogin.Locked}), or the store failed. */
    public record NotOpened(DeskLogin.Outcome outcome) implements Result {
    }

    private DeskRecovery() {
    }

    public static Result recover(DeskFiles files, String typedCode, String adminUsername, char[] newPassword,
            char[] again, DeadlineCalculator deadlines, Clock clock, Messages messages) {
        List<String> problems = AccountAdmin.checkNewPassword(newPassword, again, messages);
        if (!problems.isEmpty()) {
            return new Invalid(problems);
        }
        String admin = adminUsername == null ? "" : adminUsername.strip();
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        LoginThrottle throttle = files.loginThrottle();
        Optional<LocalDateTime> locked = throttle.lockedUntil(RecoveryCode.SLOT, now);
        if (locked.isPresent()) {
            return new NotOpened(new DeskLogin.Locked(locked.get()));
        }
        KeySlots slots = files.keySlots();
        char[] code = RecoveryCode.normalize(typedCode == null ? "" : typedCode);
        Optional<char[]> key = slots.unlock(RecoveryCode.SLOT, code);
        Arrays.fill(code, '\0');
        if (key.isEmpty()) {
            return new NotOpened(DeskLogin.refusedAtTheSlot(throttle.failed(RecoveryCode.SLOT, now)));
        }
        Store store = null;
        try {
            store = Store.open(files.baseName(), key.get());
            OfficerAccounts accounts = new OfficerAccounts(store);
            accounts.recover(admin, newPassword, now);
            slots.put(admin, newPassword, key.get());
            char[] newCode = RecoveryCode.generate();
            slots.put(RecoveryCode.SLOT, newCode, key.get());
            throttle.succeeded(RecoveryCode.SLOT, store, now);
            throttle.clear(admin);
            Login login = accounts.login(admin, newPassword, now);
            if (!(login instanceof Login.Success success)) {
                throw new IllegalStateException("the admin just given a new password cannot log in: " + login);
            }
            Desk desk = new Desk(store, success.officer(), deadlines, clock);
            store = null;
            return new Recovered(desk, newCode);
        } catch (ValidationException e) {
            return new Invalid(List.of(e.messages(messages.locale()).replace('\n', ' ')));
        } catch (StoreException e) {
            return new NotOpened(new DeskLogin.Failed(e.reason(), e.getMessage()));
        } finally {
            Arrays.fill(key.get(), '\0');
            if (store != null) {
                store.close();
            }
        }
    }
}
