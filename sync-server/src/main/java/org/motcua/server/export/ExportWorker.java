package org.motcua.server.export;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.motcua.server.Rejection;
import org.motcua.server.persistence.ServerDatabase;
import org.motcua.server.persistence.Tx;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Derives and sends the national portal's records on its own thread, so the ingest never waits for them: each round
 * first derives the records of batches committed since ({@link ExportFeed#derive}, its own transaction), then claims due
 * rows ({@link OutboxRows#claim}), builds and delivers each record and marks it sent in the claim's transaction. A
 * record the endpoint refuses gets its next attempt after {@link Backoff} (from its own count of attempts) and ends the
 * round; the worker then waits its own back-off before claiming again. Every instance may run one: the claim's
 * {@code SKIP LOCKED} shares the rows out and the order check keeps each dossier's records in order.
 */
public final class ExportWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ExportWorker.class);

    /** What one round did: batches whose records it derived, records sent, records refused. */
    public record Round(int derived, int sent, int failed) {
    }

    /** Committed batches derived per round: a batch holds at most a few hundred events. */
    static final int DERIVE_BATCHES = 20;

    private final ServerDatabase db;
    private final Clock clock;
    private final ExportSettings settings;
    private final PortalDelivery delivery;
    private Thread thread;
    private volatile boolean running;

    public ExportWorker(ServerDatabase db, Clock clock, ExportSettings settings) {
        this.db = db;
        this.clock = clock;
        this.settings = settings;
        this.delivery = new PortalDelivery(settings);
    }

    /** One round: derive, then claim, deliver, mark. Tests call it directly; the thread calls it in a loop. */
    public Round runOnce() throws Rejection {
        int derived = Tx.plain(db, c -> ExportFeed.derive(c, DERIVE_BATCHES, clock.instant()));
        return Tx.plain(db, c -> {
            List<OutboxRows.Row> rows = OutboxRows.claim(c, clock.instant(), settings.batch());
            int sent = 0;
            int failed = 0;
            for (OutboxRows.Row row : rows) {
                try {
                    delivery.deliver(row.key(), RecordSource.build(c, row), clock.instant());
                    OutboxRows.sent(c, row, clock.instant());
                    sent++;
                } catch (RecordSource.Unreadable e) {
                    failed++;
                    retryLater(c, row, e.getMessage());
                } catch (PortalDelivery.Failed | IOException e) {
                    failed++;
                    retryLater(c, row, e.getMessage());
                    break; // the endpoint (or the disk) is failing: the other rows stay due, untouched
                }
            }
            forceWritten(); // the day file holds every line this transaction marks sent before it commits
            return new Round(derived, sent, failed);
        });
    }

    private void forceWritten() {
        try {
            delivery.forceWritten();
        } catch (IOException e) {
            throw new UncheckedIOException("the national export's day file could not be forced to disk", e);
        }
    }

    private void retryLater(java.sql.Connection c, OutboxRows.Row row, String error) throws java.sql.SQLException {
        Instant retry = clock.instant().plus(settings.backoff().after(row.attempts() + 1));
        OutboxRows.failed(c, row, retry, error);
        LOG.warn("national export of {} failed (attempt {}): {}; next attempt at {}", row.key(), row.attempts() + 1, error, retry);
    }

    /** Records not sent yet, counting those of committed batches not derived yet. */
    public long pending() throws Rejection {
        return Tx.read(db, c -> OutboxRows.pending(c) + ExportFeed.underivedRecords(c));
    }

    public synchronized ExportWorker start() {
        if (thread != null) {
            return this;
        }
        running = true;
        thread = new Thread(this::loop, "motcua-national-export");
        thread.setDaemon(true);
        thread.start();
        return this;
    }

    private void loop() {
        int failedRounds = 0;
        while (running) {
            Duration wait;
            try {
                Round r = runOnce();
                failedRounds = r.failed() > 0 ? failedRounds + 1 : 0;
                wait = r.failed() > 0 ? settings.backoff().after(failedRounds)
                        : r.sent() == 0 && r.derived() == 0 ? settings.idle() : Duration.ZERO;
            } catch (Rejection | RuntimeException e) {
                failedRounds++;
                wait = settings.backoff().after(failedRounds);
                LOG.warn("national export round failed: {}; next round in {}", e.getMessage(), wait);
            }
            if (!wait.isZero()) {
                try {
                    Thread.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    @Override
    public synchronized void close() {
        running = false;
        if (thread != null) {
            thread.interrupt();
            try {
                thread.join(30_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            thread = null;
        }
    }
}
