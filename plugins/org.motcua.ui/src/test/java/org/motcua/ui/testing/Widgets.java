package org.motcua.ui.testing;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.motcua.ui.UiIds;

/** Finds widgets in a real Shell and runs its event loop, for the SWT tests. */
public final class Widgets {

    private Widgets() {
    }

    public static List<String> labels(Composite root) {
        return all(root, Label.class).stream().map(Label::getText).toList();
    }

    public static <T extends Control> List<T> all(Composite root, Class<T> type) {
        List<T> found = new ArrayList<>();
        for (Control c : root.getChildren()) {
            if (type.isInstance(c)) {
                found.add(type.cast(c));
            }
            if (c instanceof Composite composite) {
                found.addAll(all(composite, type));
            }
        }
        return found;
    }

    /** The control named {@code id} with {@link UiIds}. */
    public static <T extends Control> T named(Composite root, Class<T> type, String id) {
        return all(root, type).stream().filter(c -> id.equals(c.getData(UiIds.KEY))).findFirst()
                .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " named " + id));
    }

    public static boolean has(Composite root, Class<? extends Control> type, String id) {
        return all(root, type).stream().anyMatch(c -> id.equals(c.getData(UiIds.KEY)));
    }

    /** Waits for {@code job} (if any), then dispatches events until {@code done} or 20 s pass. */
    public static void settle(Display display, Job job, BooleanSupplier done) throws InterruptedException {
        if (job != null) {
            job.join(20_000, null);
        }
        long deadline = System.currentTimeMillis() + 20_000;
        while (!done.getAsBoolean() && System.currentTimeMillis() < deadline) {
            if (!display.readAndDispatch()) {
                Thread.sleep(5);
            }
        }
        while (display.readAndDispatch()) {
            // drain what is left
        }
    }
}
