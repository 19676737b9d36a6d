package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class FormsWarmupTest {

    @Test
    void theWarmUpRunsInTheBackgroundAndLeavesThePrintPathReady() throws Exception {
        var future = FormsWarmup.start();
        // a receipt can be asked for while the warm-up runs: documents are built one at a time
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(),
                "Trần Văn Bình"));
        Duration took = future.get(60, TimeUnit.SECONDS);
        assertTrue(!took.isNegative() && form.pages() == 2);
        long start = System.nanoTime();
        FormFixtures.forms().receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(), "Trần Văn Bình"));
        assertTrue(System.nanoTime() - start < TimeUnit.SECONDS.toNanos(5), "a warm receipt is quick");
    }
}
