package org.motcua.sync;

/**
 * Told of every change of the sync state. Called on the sync engine's own thread: a UI must hop to its display thread
 * (e.g. {@code Display.asyncExec}) and must not block.
 */
@FunctionalInterface
public interface SyncListener {
    void changed(SyncStatus status);
}
