package org.motcua.ui.desk;

import java.time.LocalDateTime;
import org.motcua.store.BackupCheck;
import org.motcua.store.BackupRestore;
import org.motcua.store.BackupSet;
import org.motcua.store.BackupVerifier;
import org.motcua.store.StoreException;
import org.motcua.ui.Messages;

/**
 * "Restore from a backup" without its dialog: only the logged-in admin, only with the recovery code (counted against
 * guessing like a password), only a backup that checks good with the key the code opens. Then the desk is closed (its
 * sync and backups stop, the store is released) and the backup replaces the database; the next start opens it behind
 * its marker, so it begins a new sync epoch (§8.4). The caller ends the program after a {@link Done}.
 */
public final class DeskRestore {

    /** How a restore attempt ended; {@code message} is the officer's sentence. */
    public sealed interface Result permits Refused, Done {
        String message();
    }

    /** Nothing was changed and the desk is still open. */
    public record Refused(String message) implements Result {
    }

    /** The desk is closed (restored, or failed halfway and kept the database it had); the program must end. */
    public record Done(boolean restored, String message) implements Result {
    }

    private DeskRestore() {
    }

    public static Result restore(Desk desk, DeskFiles files, BackupSet set, String typedCode, Messages messages) {
        LocalDateTime now = desk.now();
        char[] code = RecoveryCode.normalize(typedCode == null ? "" : typedCode);
        BackupRestore.Unlock unlock = BackupRestore.unlock(desk.role(), files.baseName(), set, code, now);
        java.util.Arrays.fill(code, '\0');
        if (unlock instanceof BackupRestore.Refused r) {
            return new Refused(messages.get("restore.refused." + r.reason().name(),
                    r.lockedUntil().map(t -> t.format(java.time.format.DateTimeFormatter.ofPattern("HH:mm dd/MM/yyyy"))).orElse("")));
        }
        char[] key = ((BackupRestore.Unlocked) unlock).databaseKey();
        try {
            BackupCheck check = BackupVerifier.check(set, key, files.directory().resolve("restore-check.tmp"), now);
            if (!check.good()) {
                return new Refused(messages.get("restore.unusable", messages.get("restore.outcome." + check.outcome().name())));
            }
            desk.close();
            BackupRestore.Restored restored = BackupRestore.restoreChecked(set, files.baseName(), key, check, now);
            return new Done(true, messages.get("restore.done", set.takenAt().format(
                    java.time.format.DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm")), restored.check().dossiers()));
        } catch (StoreException e) {
            return new Done(false, messages.get("restore.failed", e.getMessage()));
        } finally {
            BackupRestore.wipe(key);
        }
    }
}
