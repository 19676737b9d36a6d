package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 7 daily, 4 weekly, 12 monthly over a hand-made series of backup times. */
class BackupRetentionTest {

    @TempDir
    Path dir;

    /** Every day at 08:30 from 1 Feb 2025 to Monday 9 March 2026, two on 8 March, none from 10 to 20 February 2026. */
    static List<LocalDateTime> series() {
        List<LocalDateTime> out = new ArrayList<>();
        for (LocalDate d = LocalDate.of(2025, 2, 1); !d.isAfter(LocalDate.of(2026, 3, 9)); d = d.plusDays(1)) {
            if (d.isAfter(LocalDate.of(2026, 2, 9)) && d.isBefore(LocalDate.of(2026, 2, 21))) {
                continue;
            }
            out.add(d.atTime(8, 30));
        }
        out.add(LocalDateTime.of(2026, 3, 8, 16, 0));
        return out;
    }

    static Set<LocalDateTime> expected() {
        Set<LocalDateTime> keep = new TreeSet<>();
        // daily: the newest of each of the last 7 days (8 March's afternoon one, not its morning one)
        for (int day = 3; day <= 9; day++) {
            keep.add(day == 8 ? LocalDateTime.of(2026, 3, 8, 16, 0) : LocalDate.of(2026, 3, day).atTime(8, 30));
        }
        // weekly (ISO weeks, Monday first): weeks of 9 March, 2 March (its Sunday the 8th), 23 Feb (Sunday 1 March), 16 Feb
        keep.add(LocalDateTime.of(2026, 3, 1, 8, 30));
        keep.add(LocalDateTime.of(2026, 2, 22, 8, 30));
        // monthly: the last day of each month back to April 2025 (March 2026 is the 9th, already kept)
        for (String d : List.of("2026-02-28", "2026-01-31", "2025-12-31", "2025-11-30", "2025-10-31", "2025-09-30",
                "2025-08-31", "2025-07-31", "2025-06-30", "2025-05-31", "2025-04-30")) {
            keep.add(LocalDate.parse(d).atTime(8, 30));
        }
        return keep;
    }

    @Test
    void keepsExactlyTheNewestOfSevenDaysFourWeeksAndTwelveMonths() {
        assertEquals(20, expected().size());
        assertEquals(expected(), new TreeSet<>(BackupRetention.keep(series())));
    }

    @Test
    void aGapKeepsOlderBackupsInsteadOfLeavingNone() {
        // the stick was away from 10 to 20 February: the last 7 days with backups reach back across the gap
        List<LocalDateTime> beforeGap = series().stream().filter(t -> t.isBefore(LocalDateTime.of(2026, 2, 12, 0, 0))).toList();
        Set<LocalDateTime> kept = BackupRetention.keep(beforeGap);
        for (int day = 3; day <= 9; day++) {
            assertEquals(true, kept.contains(LocalDateTime.of(2026, 2, day, 8, 30)), "2026-02-0" + day);
        }
    }

    @Test
    void applyDeletesTheRestFromTheDiskAndFailedOnesOnceANewerGoodOneExists() throws Exception {
        Path folder = dir.resolve("MotCua-desk");
        for (LocalDateTime t : series()) {
            make(folder, t, BackupCheck.Outcome.GOOD);
        }
        make(folder, LocalDateTime.of(2026, 3, 7, 12, 0), BackupCheck.Outcome.DAMAGED);
        make(folder, LocalDateTime.of(2026, 3, 9, 12, 0), BackupCheck.Outcome.DAMAGED);   // newest: kept to be seen
        BackupRetention.apply(folder);
        Set<LocalDateTime> left = new TreeSet<>();
        BackupSet.list(folder).forEach(s -> left.add(s.takenAt()));
        Set<LocalDateTime> want = new TreeSet<>(expected());
        want.add(LocalDateTime.of(2026, 3, 9, 12, 0));
        assertEquals(want, left);
    }

    private static void make(Path folder, LocalDateTime t, BackupCheck.Outcome outcome) throws Exception {
        Path d = Files.createDirectories(folder.resolve(t.format(BackupSet.NAME)));
        Files.writeString(d.resolve("desk.zip"), "x");
        BackupJson.writeCheck(d.resolve(BackupSet.CHECK), new BackupCheck(outcome, "", 16, Map.of(), t));
    }
}
