package org.motcua.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;

/**
 * The daily backup of an open desk, one step at a time, without any thread of its own (the sync bundle's job runs
 * it): whether one is due, and making, checking and pruning it. The directory is the admin's choice in the settings
 * ({@link DeskSettings.Key#BACKUP_DIRECTORY}); what happened goes to the {@link BackupLog}.
 */
public final class DeskBackups {

    /** After a failed attempt, the next one waits this long (the stick may be plugged in meanwhile). */
    public static final java.time.Duration RETRY = java.time.Duration.ofHours(1);

    private final Store store;
    private final BackupLog log;

    public DeskBackups(Store store) {
        this.store = store;
        this.log = BackupLog.of(store);
    }

    public BackupLog log() {
        return log;
    }

    /** The chosen backup directory; empty when the admin has not chosen one. */
    public Optional<Path> directory() {
        String chosen = new DeskSettings(store).get(DeskSettings.Key.BACKUP_DIRECTORY);
        return chosen.isBlank() ? Optional.empty() : Optional.of(Path.of(chosen));
    }

    /** A backup is due when none was good today and no attempt failed within the last {@link #RETRY}. */
    public boolean due(LocalDateTime now) {
        BackupLog.State s = log.read();
        boolean goodToday = s.lastGood().map(t -> t.toLocalDate().equals(now.toLocalDate())).orElse(false);
        boolean retryWaits = s.lastAttempt().map(t -> t.plus(RETRY).isAfter(now) && !t.isAfter(now)).orElse(false);
        return !goodToday && !retryWaits;
    }

    /** The backups of this desk in the chosen directory, oldest first (none when no directory is reachable). */
    public List<BackupSet> list() {
        return directory().filter(Files::isDirectory).map(d -> BackupSet.list(BackupSet.deskFolder(d, store.device())))
                .orElse(List.of());
    }

    /** Makes a backup now, checks that it opens, prunes old ones; returns how it ended (also in the log). */
    public BackupLog.Attempt runOnce(LocalDateTime now) {
        Optional<Path> dir = directory();
        if (dir.isEmpty()) {
            log.record(now, BackupLog.Attempt.NO_DIRECTORY_CHOSEN, "", Optional.empty());
            return BackupLog.Attempt.NO_DIRECTORY_CHOSEN;
        }
        if (!Files.isDirectory(dir.get())) {
            log.record(now, BackupLog.Attempt.DIRECTORY_MISSING, dir.get().toString(), Optional.empty());
            return BackupLog.Attempt.DIRECTORY_MISSING;
        }
        BackupSet set;
        try {
            set = BackupMaker.make(store, dir.get(), now);
        } catch (StoreException e) {
            log.record(now, BackupLog.Attempt.FAILED, e.getMessage(), Optional.empty());
            return BackupLog.Attempt.FAILED;
        }
        BackupCheck check = BackupVerifier.check(store, set, now);
        BackupLog.Attempt outcome = BackupLog.Attempt.valueOf(check.outcome().name());
        log.record(now, outcome, check.detail(), Optional.of(set.name()));
        if (check.good()) {
            BackupRetention.apply(set.directory().getParent());
        }
        return outcome;
    }
}
