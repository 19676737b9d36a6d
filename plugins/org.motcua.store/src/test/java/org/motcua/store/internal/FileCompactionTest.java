package org.motcua.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileCompactionTest {

    private static final long LARGE = 300L << 20;

    @Test
    void aLargeFileMostlyFreeIsRewritten() {
        assertTrue(FileCompaction.mostlyFree(LARGE, 98, 30));
        assertTrue(FileCompaction.mostlyFree(LARGE, 60, 80), "48% live: chunks fill most of what they take, "
                + "but free gaps between chunks take the rest");
    }

    @Test
    void aFileHalfLiveOrMoreIsLeftToTheNormalClose() {
        assertFalse(FileCompaction.mostlyFree(LARGE, 100, 50));
        assertFalse(FileCompaction.mostlyFree(LARGE, 90, 95));
    }

    @Test
    void aSmallFileIsNeverRewritten() {
        assertFalse(FileCompaction.mostlyFree(FileCompaction.SMALL_FILE_BYTES, 90, 5));
        assertFalse(FileCompaction.mostlyFree(1 << 20, 10, 10));
    }
}
