package org.motcua.sync.backup;

import java.time.Clock;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.IStatus;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.motcua.store.BackupLog;
import org.motcua.store.DeskBackups;
import org.motcua.store.Store;

/**
 * The daily backup in the background: an Eclipse {@link Job} (a system job, out of the officer's way) that wakes a
 * little after the desk opens and then every hour, and makes, checks and prunes a backup when one is due
 * ({@link DeskBackups#due}: none good today). The schedule lives in the desk's {@link BackupLog} beside the database,
 * not in this object, so it survives restarts: a desk opened twice a day backs up once, a desk closed for the weekend
 * backs up on Monday shortly after it opens. Nothing here touches the UI thread; listeners are told on the job's thread.
 */
public final class BackupScheduler implements AutoCloseable {

    /** After the desk opens, the first look waits this long, so the backup never competes with the cold start. */
    public static final Duration FIRST_LOOK = Duration.ofMinutes(2);
    public static final Duration LOOK_EVERY = Duration.ofHours(1);
    /** The job family, for whoever waits for backups (tests, shutdown). */
    public static final Object FAMILY = BackupScheduler.class;

    private final DeskBackups backups;
    private final Clock clock;
    private final Duration lookEvery;
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final Job job;
    private volatile boolean forced;
    private volatile boolean closed;
    /** How many times the job looked, for tests. */
    final java.util.concurrent.atomic.AtomicInteger looks = new java.util.concurrent.atomic.AtomicInteger();

    public BackupScheduler(Store store, Clock clock) {
        this(store, clock, LOOK_EVERY);
    }

    BackupScheduler(Store store, Clock clock, Duration lookEvery) {
        this.backups = new DeskBackups(store);
        this.clock = clock;
        this.lookEvery = lookEvery;
        this.job = new Job("MotCua daily backup") {   // a system job: never shown to the officer
            @Override
            protected IStatus run(IProgressMonitor monitor) {
                return look(monitor);
            }

            @Override
            public boolean belongsTo(Object family) {
                return family == FAMILY;
            }
        };
        job.setSystem(true);
        job.setPriority(Job.DECORATE);   // the lowest: sync and the counter come first
    }

    /** Starts looking, first after {@code firstLook}. */
    public BackupScheduler start(Duration firstLook) {
        backups.log().watchFrom(LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS));
        job.schedule(firstLook.toMillis());
        return this;
    }

    /** Makes a backup now even if today's is done (the settings' "back up now"); runs in the background. */
    public void backupNow() {
        forced = true;
        runSoon();
    }

    /** Looks now whether a backup is due (when the chosen directory changed, or a stick was plugged in). */
    public void lookNow() {
        runSoon();
    }

    /** A sleeping job ignores a new schedule() (it keeps its wake-up time), so it is woken instead. */
    private void runSoon() {
        if (job.getState() == Job.SLEEPING) {
            job.wakeUp();
        } else {
            job.schedule();
        }
    }

    public DeskBackups backups() {
        return backups;
    }

    public BackupLog.State state() {
        return backups.log().read();
    }

    public boolean running() {
        return job.getState() == Job.RUNNING;
    }

    /** Told after each attempt (on the job's thread) and when one starts. */
    public void addListener(Runnable listener) {
        listeners.add(listener);
    }

    public void removeListener(Runnable listener) {
        listeners.remove(listener);
    }

    /** Waits for the job's current run, if any (tests). */
    public void join() throws InterruptedException {
        job.join();
    }

    Job job() {
        return job;
    }

    private IStatus look(IProgressMonitor monitor) {
        if (closed || monitor.isCanceled()) {
            return Status.CANCEL_STATUS;
        }
        LocalDateTime now = LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
        boolean force = forced;
        forced = false;
        try {
            if (force || backups.due(now)) {
                listeners.forEach(Runnable::run);
                BackupLog.Attempt outcome = backups.runOnce(now);
                System.getLogger(BackupScheduler.class.getName()).log(System.Logger.Level.INFO, "backup: " + outcome);
                listeners.forEach(Runnable::run);
            }
        } catch (RuntimeException e) {
            // never let one failure end the schedule; the log holds what the officer sees
            backups.log().record(now, BackupLog.Attempt.FAILED, String.valueOf(e.getMessage()), java.util.Optional.empty());
            listeners.forEach(Runnable::run);
        } finally {
            looks.incrementAndGet();
            if (!closed) {
                job.schedule(lookEvery.toMillis());
            }
        }
        return Status.OK_STATUS;
    }

    /** Stops the schedule; a backup being written is left to finish or fail (it is then cleaned up next time). */
    @Override
    public void close() {
        closed = true;
        job.cancel();
    }
}
