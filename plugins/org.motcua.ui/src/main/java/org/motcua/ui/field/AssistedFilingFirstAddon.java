package org.motcua.ui.field;

import jakarta.inject.Inject;
import org.eclipse.e4.core.contexts.IEclipseContext;
import org.eclipse.e4.core.di.annotations.Optional;
import org.eclipse.e4.ui.di.UIEventTopic;
import org.eclipse.e4.ui.model.application.MApplication;
import org.eclipse.e4.ui.workbench.UIEvents;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;
import org.motcua.core.lifecycle.Role;
import org.motcua.ui.desk.Desk;
import org.osgi.service.event.Event;

/**
 * A community digital team volunteer works in the assisted filing, never at the counter's intake form: when
 * one logs in, the window opens on that part instead of the intake form (which would refuse their save).
 */
public class AssistedFilingFirstAddon {

    @Inject
    @Optional
    public void startupComplete(@UIEventTopic(UIEvents.UILifeCycle.APP_STARTUP_COMPLETE) Event event,
            MApplication application, Desk desk) {
        if (desk.role() != Role.COMMUNITY_ASSISTANT || application.getChildren().isEmpty()) {
            return;
        }
        IEclipseContext window = application.getChildren().get(0).getContext();
        if (window != null) {
            window.get(EPartService.class).showPart(AssistedFilingPart.ID, PartState.ACTIVATE);
        }
    }
}
