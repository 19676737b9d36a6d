package org.motcua.ui.parts;

import java.util.UUID;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Shell;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.testing.RecordingFormOutput;

/** For tests of other packages: the dossier detail view (package-private) as the only content of a shell. */
public final class DetailViews {

    private DetailViews() {
    }

    public static void open(Shell shell, Desk desk, UUID dossierId) {
        for (var c : shell.getChildren()) {
            c.dispose();
        }
        shell.setLayout(new FillLayout());
        new DossierDetailView(shell, desk, new DeskForms(desk, desk.store().file().getParent()), new RecordingFormOutput(),
                dossierId);
        shell.layout(true, true);
        shell.open();
    }
}
