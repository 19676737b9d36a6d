package org.motcua.print;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import org.motcua.print.internal.SampleForms;

/**
 * Warms the print path up in the background at start-up: loads and parses the bundled fonts, builds receipts
 * until the JIT has compiled the layout code, PDFBox's writer and its font subsetter ({@value #RECEIPTS} of them,
 * about a second of one core, or {@value #MAX_MILLIS} ms at most on a slow PC) and renders one (the preview's
 * renderer). Measured: the first receipt of a fresh JVM takes ~0.6-1.3 s, receipts 1-100 ~16 ms, later ones ~7 ms;
 * after the warm-up the first real receipt of the day costs what the hundredth does. Nothing is written anywhere.
 */
public final class FormsWarmup {

    static final int RECEIPTS = 100;
    static final long MAX_MILLIS = 3_000;

    private FormsWarmup() {
    }

    /**
     * Starts the warm-up on a daemon thread and returns at once. The future completes with the time the warm-up
     * took, or exceptionally when something in the print path is broken (worth logging: printing would fail too).
     */
    public static CompletableFuture<Duration> start() {
        CompletableFuture<Duration> done = new CompletableFuture<>();
        Thread t = new Thread(() -> {
            long start = System.nanoTime();
            try {
                OneStopForms forms = OneStopForms.create(FormSettings.of(IssuingUnit.demo()));
                ReceiptData sample = SampleForms.receipt();
                PrintedForm receipt = forms.receipt(sample);
                FormPreview.render(receipt, 0, 36);
                long deadline = start + MAX_MILLIS * 1_000_000;
                for (int i = 1; i < RECEIPTS && System.nanoTime() < deadline; i++) {
                    forms.receipt(sample);
                }
                done.complete(Duration.ofNanos(System.nanoTime() - start));
            } catch (Throwable e) {
                done.completeExceptionally(e);
            }
        }, "motcua-print-warmup");
        t.setDaemon(true);
        t.setPriority(Thread.MIN_PRIORITY);
        t.start();
        return done;
    }
}
