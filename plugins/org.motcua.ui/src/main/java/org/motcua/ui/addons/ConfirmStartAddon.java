package org.motcua.ui.addons;

import jakarta.inject.Inject;
import java.io.IOException;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.motcua.boot.Installation;
import org.osgi.service.event.Event;

/**
 * Tells the product's boot that this version started: the officer logged in, the store opened and the workbench is up.
 * A new version that never gets here is started at most twice before the boot goes back to the previous one
 * ({@link org.motcua.boot.BootState#MAX_TRIES}). Also removes versions no slot needs any more. A desk started without
 * the boot (development, tests) has nothing to confirm.
 */
public class ConfirmStartAddon {

    private static final System.Logger LOG = System.getLogger(ConfirmStartAddon.class.getName());

    @Inject
    @Optional
    public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event) {
        Installation.running().ifPresent(installation -> {
            Thread t = new Thread(() -> {
                try {
                    installation.confirmStart();
                } catch (IOException | RuntimeException e) {
                    // an unconfirmed start counts as a failed one: say it, so a support person can see why it rolled back
                    LOG.log(System.Logger.Level.ERROR, "could not confirm this start to the boot", e);
                }
            }, "motcua-confirm-start");
            t.setDaemon(true);
            t.start();
        });
    }
}
