package org.motcua.ui.desk;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.wizard.IWizard;
import org.eclipse.jface.wizard.WizardDialog;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Shell;
import org.motcua.ui.Messages;

/**
 * A wizard dialog whose buttons speak the desk's language: JFace labels them from its own resource bundle, which has
 * no Vietnamese, so the setup wizard would otherwise say "Next" and "Finish" to a Vietnamese officer.
 */
public final class VietnameseWizardDialog extends WizardDialog {

    private final Messages messages = Messages.current();

    public VietnameseWizardDialog(Shell parent, IWizard wizard) {
        super(parent, wizard);
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        super.createButtonsForButtonBar(parent);
        relabel(IDialogConstants.BACK_ID, "wizard.back");
        relabel(IDialogConstants.NEXT_ID, "wizard.next");
        relabel(IDialogConstants.FINISH_ID, "wizard.finish");
        relabel(IDialogConstants.CANCEL_ID, "dialog.cancel");
    }

    private void relabel(int id, String key) {
        Button button = getButton(id);
        if (button != null) {
            button.setText(messages.get(key));
            setButtonLayoutData(button);
        }
    }
}
