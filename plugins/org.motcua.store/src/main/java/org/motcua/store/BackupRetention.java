package org.motcua.store;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.YearMonth;
import java.time.temporal.IsoFields;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * Which backups to keep: the newest of each of the last 7 days that have one, of the last 4 ISO weeks and of the last
 * 12 months (a backup may count for several), the way restic's {@code --keep-daily 7 --keep-weekly 4
 * --keep-monthly 12} does. "Last" counts days with a good backup, not calendar days: a stick left unplugged for a
 * month never makes the desk delete the backups it still has. Only good (checked) backups count and are kept by these
 * rules; a backup that failed its check or was never checked goes once a newer good one exists.
 */
public final class BackupRetention {

    public static final int DAILY = 7;
    public static final int WEEKLY = 4;
    public static final int MONTHLY = 12;

    private BackupRetention() {
    }

    /** The times among {@code good} to keep. */
    public static Set<LocalDateTime> keep(List<LocalDateTime> good) {
        List<LocalDateTime> newestFirst = good.stream().sorted(Comparator.reverseOrder()).toList();
        Set<LocalDateTime> keep = new TreeSet<>();
        keep.addAll(newestPerBucket(newestFirst, LocalDateTime::toLocalDate, DAILY));
        keep.addAll(newestPerBucket(newestFirst, t -> t.get(IsoFields.WEEK_BASED_YEAR) * 100 + t.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR), WEEKLY));
        keep.addAll(newestPerBucket(newestFirst, YearMonth::from, MONTHLY));
        return keep;
    }

    private static Set<LocalDateTime> newestPerBucket(List<LocalDateTime> newestFirst, Function<LocalDateTime, Object> bucket,
            int buckets) {
        Set<Object> seen = new HashSet<>();
        Set<LocalDateTime> kept = new HashSet<>();
        for (LocalDateTime t : newestFirst) {
            if (seen.size() == buckets && !seen.contains(bucket.apply(t))) {
                break;
            }
            if (seen.add(bucket.apply(t))) {
                kept.add(t);
            }
        }
        return kept;
    }

    /**
     * Deletes from {@code deskFolder} the backups the rules do not keep; returns the ones deleted. Backups without a
     * good check go when a newer good backup exists.
     */
    public static List<BackupSet> apply(Path deskFolder) {
        List<BackupSet> all = BackupSet.list(deskFolder);
        List<LocalDateTime> good = all.stream().filter(s -> s.lastCheck().map(BackupCheck::good).orElse(false))
                .map(BackupSet::takenAt).toList();
        Set<LocalDateTime> keep = keep(good);
        LocalDateTime newestGood = good.stream().max(Comparator.naturalOrder()).orElse(LocalDateTime.MIN);
        List<BackupSet> removed = all.stream()
                .filter(s -> good.contains(s.takenAt()) ? !keep.contains(s.takenAt()) : s.takenAt().isBefore(newestGood))
                .toList();
        removed.forEach(s -> BackupMaker.deleteTree(s.directory()));
        return removed;
    }
}
