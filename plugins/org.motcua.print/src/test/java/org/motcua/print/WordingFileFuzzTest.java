package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The province's wording file damaged ({@link FileMutations} on the bundled {@code forms-2025.properties}, seeded;
 * {@code -Dmotcua.fuzz.deskCases=N}, {@code -Dmotcua.fuzz.seed=S}): either the receipt is laid out with whatever the
 * file says, or creating the forms fails with an {@link IOException} that names the file. Never another exception at
 * the counter.
 */
class WordingFileFuzzTest {

    @TempDir
    Path dir;

    @Test
    void aDamagedWordingFileGivesAReceiptOrAnErrorNamingTheFile() throws Exception {
        int cases = Integer.getInteger("motcua.fuzz.deskCases", 200);
        long seed = Long.getLong("motcua.fuzz.seed", System.nanoTime());
        byte[] original;
        try (InputStream in = WordingFileFuzzTest.class.getResourceAsStream("/org/motcua/print/wording/forms-2025.properties")) {
            original = in.readAllBytes();
        }
        Path file = dir.resolve(FormEdition.EDITION_2025.wordingFile());
        Random random = new Random(seed);
        int printed = 0;
        int refused = 0;
        for (int i = 0; i < cases; i++) {
            Files.write(file, FileMutations.mutate(original, random));
            String which = "seed " + seed + ", case " + i;
            try {
                OneStopForms forms = OneStopForms.create(new FormSettings(FormFixtures.unit(), FormEdition.EDITION_2025,
                        Optional.of(dir)));
                PrintedForm receipt = forms.receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(),
                        "Trần Văn Bình"));
                assertTrue(receipt.pages() >= 1, which);
                printed++;
            } catch (IOException e) {
                assertTrue(String.valueOf(e.getMessage()).contains(file.getFileName().toString()), which + ": " + e);
                refused++;
            } catch (RuntimeException e) {
                throw new AssertionError(which + ": " + e, e);
            }
        }
        System.out.println("wording fuzz: " + cases + " cases (seed " + seed + "), " + printed + " printed, " + refused
                + " refused with the file named");
    }
}
