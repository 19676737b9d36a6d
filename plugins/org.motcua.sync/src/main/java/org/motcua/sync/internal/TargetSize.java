package org.motcua.sync.internal;

import org.motcua.store.sync.SyncLedger;

/**
 * The adaptive target wire size of a batch (§8.2 step 1): starts at {@code recommendedBatchWireBytes}, doubles after each
 * acknowledged batch and halves after each failed attempt, never above {@code maxBatchWireBytes} (and the freezer never
 * goes below one event). Kept in the database, so a restart on a bad link does not start big again.
 */
public final class TargetSize {

    private static final long FLOOR = 1024;
    private final SyncContext ctx;

    public TargetSize(SyncContext ctx) {
        this.ctx = ctx;
    }

    public long get() {
        long stored = ctx.ledger.get(SyncLedger.Key.TARGET_WIRE_BYTES).map(Long::parseLong)
                .orElse(ctx.limits().recommendedBatchWireBytes());
        return Math.max(FLOOR, Math.min(stored, ctx.limits().maxBatchWireBytes()));
    }

    public void succeeded() {
        set(Math.min(get() * 2, ctx.limits().maxBatchWireBytes()));
    }

    public void failed() {
        set(Math.max(FLOOR, get() / 2));
    }

    private void set(long value) {
        ctx.ledger.put(SyncLedger.Key.TARGET_WIRE_BYTES, Long.toString(value));
    }
}
