package org.motcua.ui.handlers;

import jakarta.inject.Named;
import org.eclipse.e4.core.di.annotations.Execute;
import org.eclipse.e4.ui.workbench.modeling.EPartService;
import org.eclipse.e4.ui.workbench.modeling.EPartService.PartState;

/** Ctrl+1 / Ctrl+2 / Ctrl+3 / Ctrl+9: brings the intake form, the dossier list, the sync status or the settings to the front. */
public class ShowPartHandler {

    public static final String PART_PARAMETER = "org.motcua.ui.command.showPart.partId";

    @Execute
    public void execute(EPartService parts, @Named(PART_PARAMETER) String partId) {
        parts.showPart(partId, PartState.ACTIVATE);
    }
}
