package org.motcua.ui.addons;

import jakarta.inject.Inject;
import java.util.Locale;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.osgi.service.event.Event;

/**
 * Prints one line when the workbench has finished starting. The launcher script and the product smoke
 * test wait for it; it also tells a support person reading the console that the window is up.
 */
public class ReadyLogAddon {

    /** The line's fixed prefix. Changing it breaks {@code ./motcua} and the smoke test. */
    public static final String READY_MARKER = "MOTCUA-CLIENT-READY";

    @Inject
    @Optional
    public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event,
            MApplication application) {
        String title = application.getChildren().isEmpty() ? "" : application.getChildren().get(0).getLocalizedLabel();
        // stdout on purpose: this line is for the process that launched the client, not for the log file.
        System.out.println(READY_MARKER + " title=\"" + title + "\" locale=" + Locale.getDefault()
                + " java=" + Runtime.version());
        System.out.flush();
    }
}
