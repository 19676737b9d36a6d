package org.motcua.ui.backup;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import org.motcua.store.BackupCheck;
import org.motcua.store.BackupLog;
import org.motcua.store.BackupSet;
import org.motcua.ui.Messages;

/** The officer's words for the backups' state, one place for the settings section and the warning line. */
public final class BackupWords {

    static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("dd/MM/yyyy HH:mm");

    private final Messages messages;

    public BackupWords(Messages messages) {
        this.messages = messages;
    }

    /** The warning to show, or "" while the last good backup is at most 3 days old. */
    public String warning(BackupLog.State state, LocalDateTime now) {
        if (!state.stale(now)) {
            return "";
        }
        return state.lastGood().map(t -> messages.get("settings.backup.warning", t.format(SHOWN)))
                .orElseGet(() -> messages.get("settings.backup.warning.never"));
    }

    String lastGood(BackupLog.State state) {
        return state.lastGood().map(t -> messages.get("settings.backup.lastGood.value", t.format(SHOWN)))
                .orElseGet(() -> messages.get("settings.backup.lastGood.none"));
    }

    String lastAttempt(BackupLog.State state) {
        if (state.lastAttempt().isEmpty() || state.lastOutcome().isEmpty()) {
            return messages.get("settings.backup.attempt.none");
        }
        return messages.get("settings.backup.attempt." + state.lastOutcome().get().name(),
                state.lastAttempt().get().format(SHOWN));
    }

    String item(BackupSet set) {
        String status = set.lastCheck().map(c -> c.good()
                ? messages.get("settings.backup.item.good", c.dossiers())
                : messages.get("settings.backup.item.bad")).orElseGet(() -> messages.get("settings.backup.item.unchecked"));
        return messages.get("settings.backup.item", set.takenAt().format(SHOWN), status);
    }

    String outcome(BackupCheck check) {
        return messages.get("restore.outcome." + check.outcome().name());
    }
}
