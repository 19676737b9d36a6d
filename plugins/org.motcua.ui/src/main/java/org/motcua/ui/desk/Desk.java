package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.motcua.core.calendar.CalendarEntry;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.HolidayCalendarLoader;
import org.motcua.core.calendar.WorkingSessions;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierSearch;
import org.motcua.store.DeskSettings;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.OfficerAccounts.Officer;
import org.motcua.store.Store;
import org.motcua.store.sync.ReferenceData;
import org.motcua.sync.SyncConfig;
import org.motcua.sync.SyncEngine;
import org.motcua.sync.SyncService;
import org.motcua.sync.backup.BackupScheduler;

/**
 * The session of one logged-in officer at this desk: the opened store, who is logged in and in which
 * role, the deadline calculator, the catalogue and the store's services. The e4 lifecycle puts it into the
 * application context, so every part receives it with {@code @Inject}. Closed when the client shuts down.
 *
 * <p>The calculator given is the compiled-in sample calendar with the usual sessions. Each year the province's feed
 * sent replaces that year of it ({@link ReferenceData#calendarEntries()}); when the desk's settings make Saturday
 * morning a working session ({@link DeskSettings.Key#SATURDAY_MORNING}), the desk adds it, and
 * {@link #workingSessionsChanged()} applies a changed setting at once to every due date computed afterwards. When a
 * feed page (online or from a USB reply) changes the catalogue or the calendar, the store tells the desk after the
 * commit: the catalogue is read again and the calculator rebuilt, then the parts listening here
 * ({@link #addReferenceListener}) are told, so intake uses them without a restart. Due dates already stored never
 * change.
 */
public final class Desk implements AutoCloseable {

    private final Store store;
    private final Officer officer;
    private final DeadlineCalculator usualDeadlines;
    private final Clock clock;
    private final DossierSearch search;
    private volatile Deadlines current;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private final List<Runnable> referenceListeners = new CopyOnWriteArrayList<>();
    private final Runnable referenceDataChanged = this::referenceDataChanged;
    private volatile ProcedureCatalogue catalogue;
    private volatile SyncService sync;
    private volatile BackupScheduler backups;
    private volatile boolean closed;

    public Desk(Store store, Officer officer, DeadlineCalculator deadlines, Clock clock) {
        this.store = store;
        this.officer = officer;
        this.usualDeadlines = deadlines;
        this.clock = clock;
        this.search = new DossierSearch(store);
        this.current = deadlinesOfThisDesk();
        store.addReferenceDataListener(referenceDataChanged);
    }

    /** The calculator and the services that compute due dates with it, swapped together. */
    private record Deadlines(DeadlineCalculator calculator, DossierIntake intake, DossierWorkflow workflow) {
    }

    private Deadlines deadlinesOfThisDesk() {
        boolean saturday = Boolean.parseBoolean(new DeskSettings(store).get(DeskSettings.Key.SATURDAY_MORNING));
        Map<Integer, List<CalendarEntry>> province = new ReferenceData(store).calendarEntries();
        DeadlineCalculator unit = province.isEmpty() ? usualDeadlines
                : new DeadlineCalculator(usualDeadlines.calendar().withYearsReplaced(province));
        DeadlineCalculator calculator = saturday ? withSaturdayMorning(unit) : unit;
        return new Deadlines(calculator, new DossierIntake(store, calculator), new DossierWorkflow(store, calculator));
    }

    static DeadlineCalculator withSaturdayMorning(DeadlineCalculator usual) {
        return new DeadlineCalculator(usual.calendar().withSessions(usual.calendar().sessions().withSaturdayMorning()));
    }

    /** The Saturday-morning setting changed: due dates computed from now on follow it. */
    public void workingSessionsChanged() {
        current = deadlinesOfThisDesk();
    }

    /**
     * The store committed a feed page that changed the catalogue or the calendar (on the sync engine's thread): read
     * them again, then tell the parts.
     */
    private void referenceDataChanged() {
        if (closed) {
            return;
        }
        catalogue = null;
        current = deadlinesOfThisDesk();
        referenceListeners.forEach(Runnable::run);
    }

    /**
     * Parts that show the catalogue or compute due dates listen here; called after a feed page changed them, on a
     * background thread (a listener moves to the UI thread itself).
     */
    public void addReferenceListener(Runnable listener) {
        referenceListeners.add(listener);
    }

    public void removeReferenceListener(Runnable listener) {
        referenceListeners.remove(listener);
    }

    /** The working calendar of the sample data (holidays 2025–2026, Monday to Friday sessions). */
    public static DeadlineCalculator sampleDeadlines() {
        return new DeadlineCalculator(HolidayCalendarLoader.sampleCalendar(WorkingSessions.standard()));
    }

    public Store store() {
        return store;
    }

    public Officer officer() {
        return officer;
    }

    public Role role() {
        return officer.role();
    }

    public String username() {
        return officer.username();
    }

    public DeadlineCalculator deadlines() {
        return current.calculator();
    }

    /** The desk's clock as an instant (for comparing with times the province sends). */
    public java.time.Instant instant() {
        return clock.instant();
    }

    /** The desk's time zone (Vietnam's in production). */
    public java.time.ZoneId zone() {
        return clock.getZone();
    }

    /** The desk's clock, to the second. */
    public LocalDateTime now() {
        return now(clock);
    }

    /** {@code clock}'s time to the second, as a desk reads it (before a desk exists: setup and login). */
    public static LocalDateTime now(Clock clock) {
        return LocalDateTime.now(clock).truncatedTo(ChronoUnit.SECONDS);
    }

    /** The procedures stored on this desk (read once, then kept). */
    public ProcedureCatalogue catalogue() {
        ProcedureCatalogue c = catalogue;
        if (c == null) {
            c = store.catalogue();
            catalogue = c;
        }
        return c;
    }

    public DossierIntake intake() {
        return current.intake();
    }

    public DossierWorkflow workflow() {
        return current.workflow();
    }

    public DossierSearch search() {
        return search;
    }

    /** Parts that show dossiers listen here; called on the UI thread after a dossier was written. */
    public void addChangeListener(Runnable listener) {
        changeListeners.add(listener);
    }

    public void removeChangeListener(Runnable listener) {
        changeListeners.remove(listener);
    }

    public void dossiersChanged() {
        changeListeners.forEach(Runnable::run);
    }

    public boolean isClosed() {
        return closed;
    }

    /**
     * Starts syncing with the province in the background for as long as this desk is open (whoever is logged in:
     * the outbox belongs to the desk, not to the officer). Once only.
     */
    public synchronized SyncService startSync(SyncConfig config) {
        if (sync == null) {
            sync = new SyncEngine(store, config).start();
        }
        return sync;
    }

    /** The desk's sync service, once {@link #startSync} ran. */
    public Optional<SyncService> sync() {
        return Optional.ofNullable(sync);
    }

    /**
     * The daily backup in the background for as long as this desk is open; the job first looks after
     * {@link BackupScheduler#FIRST_LOOK}. Once only; the scheduler exists (for the settings) even before it runs.
     */
    public synchronized BackupScheduler startBackups() {
        BackupScheduler b = backups();
        b.start(BackupScheduler.FIRST_LOOK);
        return b;
    }

    /** The desk's backup scheduler (made at the first call, started by {@link #startBackups}). */
    public synchronized BackupScheduler backups() {
        if (backups == null) {
            backups = new BackupScheduler(store, clock);
        }
        return backups;
    }

    /** Stops the backups and syncing (the step in progress ends first), then closes the store; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            if (backups != null) {
                backups.close();
            }
            store.removeReferenceDataListener(referenceDataChanged);
            if (sync != null) {
                sync.close();
            }
            store.close();
        }
    }
}
