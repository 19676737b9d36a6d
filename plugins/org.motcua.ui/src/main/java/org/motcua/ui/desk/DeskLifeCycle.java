package org.motcua.ui.desk;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Supplier;
import org.eclipse.core.runtime.Platform;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.services.events.IEventBroker;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.lifecycle.PostContextCreate;
import org.eclipse.e4.ui.workbench.lifecycle.ProcessAdditions;
import org.eclipse.jface.window.Window;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.osgi.service.datalocation.Location;
import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Shell;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.print.FormsWarmup;
import org.motcua.print.PrinterService;
import org.motcua.sync.SyncConfig;
import org.motcua.sync.SyncService;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;
import org.motcua.ui.print.PreviewFormOutput;

/**
 * The e4 life cycle (product property {@code lifeCycleURI}): before the workbench window appears, opens the
 * desk (setup wizard on the first start, offline login afterwards, or the demo desk with
 * {@code -Dmotcua.demo=true}) and puts the {@link Desk}, its {@link DeskFiles}, its {@link DeskForms} and the
 * {@link FormOutput} (the print preview) into the application context, and starts the desk's sync with the province
 * in the background. Cancelling the wizard or the login ends the program. Sync stops and the store closes on shutdown.
 */
public class DeskLifeCycle {

    @PostContextCreate
    public void openDesk(IEclipseContext context, IEventBroker broker, PrinterService printers) {
        GtkAnimations.turnOff(Display.getDefault());   // before any window: see the class
        DeskFiles files = new DeskFiles(instanceDirectory());
        Supplier<DeadlineCalculator> deadlines = deadlinesInBackground();
        Clock clock = Clock.systemDefaultZone();
        Desk desk = DemoDesk.requested() ? DemoDesk.openOrCreate(files, deadlines.get(), clock)
                : files.exists() ? login(files, deadlines, clock) : setup(files, deadlines.get(), clock);
        if (desk == null) {
            abandonStart();
            System.out.println("MOTCUA-CLIENT-CANCELLED");
            System.exit(0);
        }
        context.set(Desk.class, desk);
        context.set(DeskFiles.class, files);
        DeskForms forms = new DeskForms(desk, files.directory());
        context.set(DeskForms.class, forms);
        if (context.get(FormOutput.class) == null) {
            context.set(FormOutput.class, new PreviewFormOutput(forms, printers));
        }
        SyncService sync = desk.startSync(SyncConfig.of(files.directory().resolve("blobs")));
        if (DemoDesk.requested()) {
            DemoDesk.enrolWithLocalServer(sync);
        }
        desk.startBackups();
        FormsWarmup.start();  // fonts, the first receipts and a preview in the background: the first real one is fast
        broker.subscribe(UIEvents.UILifeCycle.APP_SHUTDOWN_STARTED, e -> {
            // Closing may rewrite a mostly free database file whole (seconds on a large desk): the window goes first.
            Display display = Display.getCurrent();   // the UI thread closes the workbench; nothing to hide elsewhere
            if (display != null) {
                for (Shell shell : display.getShells()) {
                    shell.setVisible(false);
                }
            }
            desk.close();
        });
        Runtime.getRuntime().addShutdownHook(new Thread(desk::close, "motcua-desk-close"));
    }

    /**
     * After the application model is loaded and before it is rendered: the main window opens maximized the first
     * time and as it was left afterwards ({@link WindowPlacement}); its placement is kept when it closes.
     */
    @ProcessAdditions
    public void placeWindow(MApplication application, DeskFiles files, IEventBroker broker) {
        WindowPlacement placement = new WindowPlacement(files.directory());
        application.getChildren().forEach(placement::apply);
        broker.subscribe(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE, e -> application.getChildren().forEach(w -> {
            if (w.getWidget() instanceof Shell shell) {
                shell.addListener(SWT.Dispose, x -> {
                    try {
                        placement.remember(shell);
                    } catch (IOException | RuntimeException ignored) {
                        // the next start opens maximized: nothing is lost
                    }
                });
            }
        }));
    }

    /**
     * The sample calendar (the desk adds Saturday morning when its settings say so). Reading it loads Jackson, about
     * 0.15 s of a fresh JVM that the login window does not need: it is read on its own thread while the window paints
     * and the officer types, and the login waits for it only if it is somehow not there yet.
     */
    private static Supplier<DeadlineCalculator> deadlinesInBackground() {
        FutureTask<DeadlineCalculator> reading = new FutureTask<>(Desk::sampleDeadlines);
        Thread thread = new Thread(reading, "motcua-calendar");
        thread.setDaemon(true);
        thread.start();
        return () -> {
            try {
                return reading.get();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while reading the calendar", e);
            } catch (ExecutionException e) {
                throw e.getCause() instanceof RuntimeException r ? r : new IllegalStateException(e.getCause());
            }
        };
    }

    private static Desk login(DeskFiles files, Supplier<DeadlineCalculator> deadlines, Clock clock) {
        LoginDialog dialog = new LoginDialog(null, files, deadlines, clock);
        return dialog.open() == Window.OK ? dialog.desk() : null;
    }

    private static Desk setup(DeskFiles files, DeadlineCalculator deadlines, Clock clock) {
        SetupWizard wizard = new SetupWizard(files, deadlines, clock);
        WizardDialog dialog = new VietnameseWizardDialog(null, wizard);
        if (dialog.open() != Window.OK || wizard.created() == null) {
            return null;
        }
        new RecoveryCodeDialog(Display.getDefault().getActiveShell(), wizard.created().recoveryCode()).open();
        return wizard.created().desk();
    }

    /** A cancelled login says nothing about a new version: the boot does not count it as a failed start. */
    private static void abandonStart() {
        org.motcua.boot.Installation.running().ifPresent(installation -> {
            try {
                installation.abandonStart();
            } catch (IOException e) {
                // the start stays counted: at worst a working version is rolled back, which the officer can redo
            }
        });
    }

    /** The {@code -data} directory, or ~/.motcua/client when the product was started without one. */
    static Path instanceDirectory() {
        Location location = Platform.getInstanceLocation();
        Path dir;
        try {
            dir = location != null && location.getURL() != null
                    ? Path.of(location.getURL().toURI().getSchemeSpecificPart())
                    : Path.of(System.getProperty("user.home"), ".motcua", "client");
        } catch (URISyntaxException e) {
            dir = Path.of(location.getURL().getPath());
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return dir;
    }
}
