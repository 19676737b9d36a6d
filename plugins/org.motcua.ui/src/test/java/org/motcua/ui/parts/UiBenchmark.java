package org.motcua.ui.parts;

import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.IntConsumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Event;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ScrollBar;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableItem;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.print.PrintedForm;
import org.motcua.store.DossierSummary;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;
import org.motcua.print.FormPreview;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;
import org.motcua.ui.testing.RecordingFormOutput;
import org.motcua.ui.testing.VietnameseDisplay;

/**
 * {@code ./motcua bench ui}: the intake part from Save to the receipt handed to the printer, and the dossier list
 * part jumping around 300,000 dossiers. Real widgets under Xvfb, real encrypted store; prints
 * {@code BENCH <name> <value> <unit>} and asserts nothing about time. Excluded from the normal test run (see the
 * ui pom); {@code -Dmotcua.bench.dossiers=N} sets the list's size. The cold start is measured by the motcua script.
 */
@ExtendWith(VietnameseDisplay.class)
class UiBenchmark {

    private static final int INTAKE_RUNS = 50;
    private static final int INTAKE_WARMUP = 3;
    /** Jumps in the list; {@code -Dmotcua.bench.jumps=N} changes it. */
    private static final int JUMPS = Integer.getInteger("motcua.bench.jumps", 30);
    /** How long one step may take before the benchmark gives up (a jump must never take minutes). */
    private static final long STEP_LIMIT_NANOS = Long.getLong("motcua.bench.stepLimitSeconds", 300) * 1_000_000_000L;

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;

    /**
     * Save pressed (the store's durable write and the receipt's layout in the save job) until the receipt's first
     * page is rendered for the preview. The first runs warm PDFBox and the fonts, as
     * {@code FormsWarmup} does at the product's start, and are not counted.
     */
    @Test
    void intakeSaveToPreview() throws Exception {
        PreviewTimer printers = new PreviewTimer();
        try (Desk desk = TestDesks.as(dir.resolve("intake"), Role.RECEIVING_OFFICER)) {
            Shell shell = new Shell(display);
            shell.setSize(1100, 850);
            IntakePart part = new IntakePart(desk, new DeskForms(desk, dir), printers);
            part.createControls(shell);
            shell.open();
            named(shell, Text.class, "intake.procedure.search").setText("1.001193");
            org.eclipse.swt.widgets.List list = named(shell, org.eclipse.swt.widgets.List.class, "intake.procedure.list");
            list.select(0);
            list.notifyListeners(SWT.Selection, new Event());
            Label feedback = named(shell, Label.class, "intake.feedback");
            double[] ms = new double[INTAKE_RUNS];
            for (int i = -INTAKE_WARMUP; i < INTAKE_RUNS; i++) {
                named(shell, Text.class, "intake.name").setText("Nguyễn Văn Bền " + i);
                named(shell, Text.class, "intake.citizenId").setText(String.format("0010850%05d", i + 100));
                for (TableItem item : named(shell, Table.class, "intake.checklist").getItems()) {
                    item.setChecked(true);
                }
                printers.handedAt = 0;
                long pressed = System.nanoTime();
                named(shell, Button.class, "intake.save").notifyListeners(SWT.Selection, new Event());
                pump(() -> printers.handedAt != 0);
                if (i >= 0) {
                    ms[i] = (printers.handedAt - pressed) / 1e6;
                }
                pump(() -> feedback.getText().startsWith("Đã tiếp nhận"));
                if (part.runningSave() != null) {
                    throw new AssertionError("the save did not finish: " + feedback.getText());
                }
            }
            shell.dispose();
            report("ui.intake.save_to_preview.p50", percentile(ms, 0.50), "ms");
        }
    }

    /**
     * Keys a trained officer presses to receive the sample dossier with the keyboard alone (the same typing as
     * {@code IntakeKeyboardUiTest}, which checks what is saved), and the seconds that takes at 150 keys a minute, a
     * slow typist's pace: the target is under a minute.
     */
    @Test
    void intakeKeystrokes() throws Exception {
        try (Desk desk = TestDesks.as(dir.resolve("keys"), Role.RECEIVING_OFFICER)) {
            Shell shell = new Shell(display);
            shell.setSize(1100, 850);
            IntakePart part = new IntakePart(desk, new DeskForms(desk, dir), new PreviewTimer());
            part.createControls(shell);
            shell.open();
            shell.forceActive();
            part.focus();
            org.motcua.ui.testing.Keyboard keyboard = new org.motcua.ui.testing.Keyboard(display);
            KeyboardIntake.typeSampleDossier(keyboard);
            Label feedback = named(shell, Label.class, "intake.feedback");
            pump(() -> feedback.getText().startsWith("Đã tiếp nhận"));
            shell.dispose();
            report("ui.intake.keystrokes", keyboard.keystrokes(), "keys");
            report("ui.intake.keyboard_seconds_at_150_keys_per_minute", keyboard.keystrokes() * 60.0 / 150, "s");
        }
    }

    /** Random jumps in the list of all dossiers: from setting the top row until every visible row shows its dossier. */
    @Test
    void dossierListScrollPage() throws Exception {
        int count = Integer.getInteger("motcua.bench.dossiers", 300_000);
        Path cache = Path.of(System.getProperty("motcua.bench.data", System.getProperty("java.io.tmpdir")));
        Path deskDir = BenchDossiers.desk(cache, count, dir.resolve("list"));
        try (Desk desk = TestDesks.login(deskDir, Role.RECEIVING_OFFICER)) {
            Shell shell = new Shell(display);
            shell.setSize(1200, 800);
            DossierListPart part = new DossierListPart(desk, new DeskForms(desk, dir), new RecordingFormOutput());
            part.createControls(shell);
            shell.open();
            Table table = part.table();
            pump(() -> visibleRowsFilled(table));
            // the list index (a key per page and the count) is made in the background when the list opens; an officer
            // sees the first rows before jumping, so the jumps start once it is there, and its time is its own figure
            long indexStart = System.nanoTime();
            pump(() -> part.pages().indexed());
            double indexMs = (System.nanoTime() - indexStart) / 1e6;
            if (table.getItemCount() != count) {
                throw new AssertionError("the list shows " + table.getItemCount() + " rows, the store has " + count);
            }
            double[] ms = timeJumps("jump", part, count, new Random(7), table::setTopIndex);
            int jumpFetches = part.pages().fetches();
            System.out.printf("bench: %d pages fetched for %d jumps among %,d dossiers%n", jumpFetches, JUMPS, count);
            // The same jumps as an officer makes them, by dragging the scroll bar's thumb: GTK then shows the rows at
            // that height at once, where setTopIndex makes it reach the row in steps (estimated heights, corrected).
            ScrollBar bar = table.getVerticalBar();
            double[] dragMs = timeJumps("drag", part, count, new Random(11),
                    row -> bar.setSelection((int) ((long) row * (bar.getMaximum() - bar.getThumb()) / count)));
            shell.dispose();
            report("ui.list300k.scroll_page.p95", percentile(ms, 0.95), "ms");
            report("ui.list300k.scrollbar_drag.p95", percentile(dragMs, 0.95), "ms");
            report("ui.list300k.list_index_after_first_page", indexMs, "ms");
            report("ui.list300k.pages_per_jump", (double) jumpFetches / JUMPS, "pages");
        }
    }

    /** {@link #JUMPS} jumps to random rows made by {@code jumpTo}, each timed until every row in view is filled. */
    private double[] timeJumps(String kind, DossierListPart part, int count, Random random, IntConsumer jumpTo) {
        Table table = part.table();
        double[] ms = new double[JUMPS];
        for (int i = 0; i < JUMPS; i++) {
            int row = random.nextInt(count);
            int before = part.pages().arrivals().size();
            long s = System.nanoTime();
            jumpTo.accept(row);
            pump(() -> visibleRowsFilled(table));
            ms[i] = (System.nanoTime() - s) / 1e6;
            List<Integer> fetched = part.pages().arrivals();
            System.out.printf(java.util.Locale.ROOT, "bench: %s %d to row %d (page %d, top %d) took %.1f ms, fetched pages %s%n",
                    kind, i, row, row / DossierPages.PAGE_SIZE, table.getTopIndex(), ms[i],
                    fetched.subList(before, fetched.size()));
        }
        return ms;
    }

    /** True when every row in view shows its dossier (not the "loading" placeholder). */
    private static boolean visibleRowsFilled(Table table) {
        int top = table.getTopIndex();
        int rows = Math.max(1, (table.getClientArea().height - table.getHeaderHeight()) / table.getItemHeight());
        int last = Math.min(table.getItemCount(), top + rows);
        for (int i = top; i < last; i++) {
            if (!(table.getItem(i).getData() instanceof DossierSummary)) {
                return false;
            }
        }
        return true;
    }

    /** Runs the event loop until {@code done}; a 2 ms timer wakes the loop so no paint or reply waits on idle. */
    private void pump(BooleanSupplier done) {
        long deadline = System.nanoTime() + STEP_LIMIT_NANOS;
        while (!done.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("not done within " + STEP_LIMIT_NANOS / 1_000_000_000L + " s");
            }
            if (!display.readAndDispatch()) {
                display.timerExec(2, () -> { });
                display.sleep();
            }
        }
    }

    private static double percentile(double[] values, double p) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * p))];
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(java.util.Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));   // one write: logs interleave
    }

    /** The system's printers, noting when a finished form is handed over (then saved as PDF: no printer here). */
    /**
     * Stands in for the preview dialog: renders the receipt's first page at screen resolution, as the dialog's
     * first paint does, and notes when that image is ready.
     */
    private static final class PreviewTimer implements FormOutput {
        volatile long handedAt;

        @Override
        public String show(PrintedForm form, Shell shell) {
            try {
                FormPreview.render(form, 0, 96);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            handedAt = System.nanoTime();
            return "";
        }
    }
}
