package org.motcua.store;

import java.time.LocalDateTime;
import java.util.Map;

/**
 * What checking one backup found: whether it opens with the store's key and holds an intact desk.
 *
 * @param outcome       {@link Outcome#GOOD} only when every check passed
 * @param detail        the first problem found, in English for the log (the UI words it from {@code outcome})
 * @param schemaVersion the backup's schema version (0 when it could not be read)
 * @param counts        rows per table of the backup (dossiers, events, audit entries…) and the number of files
 */
public record BackupCheck(Outcome outcome, String detail, int schemaVersion, Map<String, Long> counts,
        LocalDateTime checkedAt) {

    /** How a check ended. */
    public enum Outcome {
        /** Opens with the key, schema known, chains intact, every file decrypts. */
        GOOD,
        /** Missing parts, a file that differs from the manifest (flipped bytes, cut short), a broken chain. */
        DAMAGED,
        /** The database in the backup does not open with this key: another desk's backup, or not ours. */
        WRONG_KEY,
        /** Made by a newer program (a schema this one does not know): it cannot be restored here. */
        NEWER_SCHEMA
    }

    public BackupCheck {
        counts = Map.copyOf(counts);
    }

    public boolean good() {
        return outcome == Outcome.GOOD;
    }

    /** The number of dossiers in the backup. */
    public long dossiers() {
        return counts.getOrDefault("dossier", 0L);
    }

    static BackupCheck failed(Outcome outcome, String detail, LocalDateTime at) {
        return new BackupCheck(outcome, detail, 0, Map.of(), at);
    }
}
