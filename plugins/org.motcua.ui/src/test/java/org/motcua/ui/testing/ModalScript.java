package org.motcua.ui.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import java.util.function.BooleanSupplier;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;

/**
 * Drives a modal dialog from inside its own event loop, as a person would: each step waits on the UI thread until its
 * condition holds (a label filled, a button enabled), then acts. Start it before the call that opens the dialog and
 * blocks; {@link #verify()} afterwards rethrows whatever went wrong. A step that waits too long closes the dialog so
 * the test ends instead of hanging.
 */
public final class ModalScript {

    private record Step(String what, BooleanSupplier ready, Runnable action) {
    }

    private static final long STEP_TIMEOUT_MS = 90_000;

    private final Display display;
    private final Deque<Step> steps = new ArrayDeque<>();
    private long stepStarted;
    private AssertionError failure;

    public ModalScript(Display display) {
        this.display = display;
    }

    /** When {@code ready} holds, run {@code action}. */
    public ModalScript when(String what, BooleanSupplier ready, Runnable action) {
        steps.add(new Step(what, ready, action));
        return this;
    }

    public void start() {
        stepStarted = System.currentTimeMillis();
        display.timerExec(30, this::tick);
    }

    private void tick() {
        if (steps.isEmpty() || failure != null) {
            return;
        }
        Step step = steps.peek();
        try {
            if (step.ready().getAsBoolean()) {
                steps.poll();
                step.action().run();
                stepStarted = System.currentTimeMillis();
            } else if (System.currentTimeMillis() - stepStarted > STEP_TIMEOUT_MS) {
                throw new AssertionError("the dialog never got to: " + step.what());
            }
        } catch (RuntimeException | AssertionError e) {
            failure = e instanceof AssertionError a ? a : new AssertionError("step '" + step.what() + "' failed", e);
            Shell active = display.getActiveShell();
            if (active != null && active.getParent() != null) {
                active.close();
            }
            return;
        }
        display.timerExec(30, this::tick);
    }

    /** Rethrows a failed step; fails when steps were left undone. */
    public void verify() {
        if (failure != null) {
            throw failure;
        }
        if (!steps.isEmpty()) {
            throw new AssertionError("the dialog closed before: " + steps.peek().what());
        }
    }
}
