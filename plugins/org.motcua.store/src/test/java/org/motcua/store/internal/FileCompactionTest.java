package org.motcua.store.internal;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FileCompactionTest {

    private static final long LARGE = 300L << 20;

    @Test
    void aLargeFileWithMoreThanATenthFreeIsRewritten() {
        assertTrue(FileCompaction.mostlyFree(LARGE, 98, 30));
        assertTrue(FileCompaction.mostlyFree(LARGE, 100, 85), "85% live");
        assertTrue(FileCompaction.mostlyFree(LARGE, 60, 100), "60% live: the chunks are full, but free gaps between "
                + "them take the rest of the file");
    }

    @Test
    void aLargeFileAtLeastNineTenthsLiveIsLeftToTheNormalClose() {
        assertFalse(FileCompaction.mostlyFree(LARGE, 100, 95));
        assertFalse(FileCompaction.mostlyFree(LARGE, 95, 95), "90% live");
    }

    @Test
    void aSmallFileIsNeverRewritten() {
        assertFalse(FileCompaction.mostlyFree(FileCompaction.SMALL_FILE_BYTES, 90, 5));
        assertFalse(FileCompaction.mostlyFree(1 << 20, 10, 10));
    }
}
