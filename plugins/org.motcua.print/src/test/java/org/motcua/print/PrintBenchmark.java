package org.motcua.print;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/**
 * {@code ./motcua bench print}: the cold first receipt of a fresh JVM (fonts parsed, classes loaded), the warm
 * receipt (form 01, both copies, median of 300 after 1,000 unmeasured: the steady state a desk reaches after the
 * start-up warm-up, see {@link FormsWarmup}) and the register book of 1,000 dossiers (median of 5 after two
 * unmeasured). Prints {@code BENCH <name> <value> <unit>} lines and asserts nothing about
 * time. Excluded from the normal test run (see the pom); run alone so "cold" really is the first document.
 */
class PrintBenchmark {

    @Test
    void benchmark() throws Exception {
        ReceiptData receipt = FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(), "Trần Văn Bình");

        long s = System.nanoTime();
        OneStopForms forms = FormFixtures.forms();
        forms.receipt(receipt);
        report("print.receipt.cold", ms(s));

        for (int i = 0; i < 1000; i++) {
            forms.receipt(receipt);
        }
        double[] warm = new double[300];
        int bytes = 0;
        for (int i = 0; i < warm.length; i++) {
            long t = System.nanoTime();
            bytes = forms.receipt(receipt).pdf().length;
            warm[i] = ms(t);
        }
        Arrays.sort(warm);
        System.out.printf("bench: warm receipt p50 %.2f ms, p95 %.2f ms, max %.2f ms, %,d bytes%n",
                warm[warm.length / 2], warm[warm.length * 95 / 100], warm[warm.length - 1], bytes);
        report("print.receipt.warm", warm[warm.length / 2]);

        RegisterData register = RegisterBookFormTest.register(1000);
        PrintedForm book = forms.register(register);
        book = forms.register(register);
        double[] reg = new double[5];
        for (int i = 0; i < reg.length; i++) {
            long t = System.nanoTime();
            book = forms.register(register);
            reg[i] = ms(t);
        }
        Arrays.sort(reg);
        System.out.printf("bench: register of 1,000 dossiers: %d pages, %,d bytes%n", book.pages(), book.pdf().length);
        report("print.register1000", reg[reg.length / 2]);
    }

    private static double ms(long startNanos) {
        return (System.nanoTime() - startNanos) / 1e6;
    }

    private static void report(String name, double millis) {
        System.out.println(String.format(java.util.Locale.ROOT, "BENCH %s %.2f ms", name, millis));   // one write: logs interleave
    }
}
