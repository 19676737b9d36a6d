package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.HolidayCalendarLoader;
import org.motcua.core.calendar.WorkingSessions;
import org.motcua.core.catalogue.ProcedureCatalogue;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.DossierIntake;
import org.motcua.store.DossierSearch;
import org.motcua.store.DossierWorkflow;
import org.motcua.store.OfficerAccounts.Officer;
import org.motcua.store.Store;

/**
 * The session of one logged-in officer at this desk: the opened store, who is logged in and in which
 * role, the deadline calculator, the catalogue and the store's services. The e4 lifecycle puts it into the
 * application context, so every part receives it with {@code @Inject}. Closed when the client shuts down.
 */
public final class Desk implements AutoCloseable {

    private final Store store;
    private final Officer officer;
    private final DeadlineCalculator deadlines;
    private final Clock clock;
    private final DossierIntake intake;
    private final DossierWorkflow workflow;
    private final DossierSearch search;
    private final List<Runnable> changeListeners = new CopyOnWriteArrayList<>();
    private volatile ProcedureCatalogue catalogue;
    private volatile boolean closed;

    public Desk(Store store, Officer officer, DeadlineCalculator deadlines, Clock clock) {
        this.store = store;
        this.officer = officer;
        this.deadlines = deadlines;
        this.clock = clock;
        this.intake = new DossierIntake(store, deadlines);
        this.workflow = new DossierWorkflow(store, deadlines);
        this.search = new DossierSearch(store);
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
        return deadlines;
    }

    /** The desk's clock, to the second. */
    public LocalDateTime now() {
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
        return intake;
    }

    public DossierWorkflow workflow() {
        return workflow;
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

    /** Closes the store once; later calls do nothing. */
    @Override
    public synchronized void close() {
        if (!closed) {
            closed = true;
            store.close();
        }
    }
}
