package org.motcua.ui.parts;

import java.util.UUID;
import org.eclipse.jface.dialogs.Dialog;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.swt.graphics.Point;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Shell;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.print.DeskForms;
import org.motcua.ui.print.FormOutput;

/** The dossier detail as a dialog over the list (Escape closes it). */
public final class DossierDetailDialog extends Dialog {

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final UUID dossierId;
    private final DeskForms forms;
    private final FormOutput output;

    public DossierDetailDialog(Shell parent, Desk desk, DeskForms forms, FormOutput output, UUID dossierId) {
        super(parent);
        this.desk = desk;
        this.forms = forms;
        this.output = output;
        this.dossierId = dossierId;
        setShellStyle(getShellStyle() | org.eclipse.swt.SWT.RESIZE | org.eclipse.swt.SWT.MAX);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("detail.window"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        Composite area = (Composite) super.createDialogArea(parent);
        new DossierDetailView(area, desk, forms, output, dossierId);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.CLOSE_ID, messages.get("dialog.close"), true);
    }

    @Override
    protected void buttonPressed(int buttonId) {
        if (buttonId == IDialogConstants.CLOSE_ID) {
            close();
        }
    }

    @Override
    protected Point getInitialSize() {
        return new Point(980, 720);
    }
}
