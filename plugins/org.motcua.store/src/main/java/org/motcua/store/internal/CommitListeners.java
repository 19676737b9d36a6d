package org.motcua.store.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * Listeners told after a transaction committed that something they watch changed (the chain, the reference data).
 * They run on the writer's thread and must return at once; one that throws is logged and the others still run,
 * because the commit they hear about has already happened.
 */
public final class CommitListeners {

    private static final System.Logger LOG = System.getLogger(CommitListeners.class.getName());

    private final String what;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();

    /** {@code what} names the change in the log ("chain", "reference-data"). */
    public CommitListeners(String what) {
        this.what = what;
    }

    public void add(Runnable listener) {
        listeners.add(listener);
    }

    public void remove(Runnable listener) {
        listeners.remove(listener);
    }

    public void tell() {
        for (Runnable l : listeners) {
            try {
                l.run();
            } catch (RuntimeException e) {
                LOG.log(System.Logger.Level.WARNING, "a " + what + " listener failed", e);
            }
        }
    }
}
