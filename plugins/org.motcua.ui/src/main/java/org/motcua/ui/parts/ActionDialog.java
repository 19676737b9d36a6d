package org.motcua.ui.parts;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/** Asks who receives the dossier next and the note; the note is required where it is the citizen's reason. */
final class ActionDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final DossierAction action;
    private final String initialTo;
    private final boolean reasonRequired;
    private Text to;
    private Text note;
    private Spinner days;
    private ActionRunner.Answer answer;

    ActionDialog(Shell parent, DossierAction action, String initialTo, boolean reasonRequired) {
        super(parent);
        this.action = action;
        this.initialTo = initialTo;
        this.reasonRequired = reasonRequired;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(action.displayName(messages.locale()));
        UiIds.name(shell, "action.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(action.displayName(messages.locale()));
        setMessage(messages.get(reasonRequired ? "action.reasonRequired" : "action.noteOptional"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(2, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(c, SWT.NONE).setText(messages.get("action.to"));
        to = new Text(c, SWT.BORDER);
        to.setText(initialTo);
        to.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        if (action == DossierAction.EXTEND_DEADLINE) {
            new Label(c, SWT.NONE).setText(messages.get("action.days"));
            days = new Spinner(c, SWT.BORDER);
            days.setValues(3, 1, 60, 0, 1, 5);
        }
        new Label(c, SWT.NONE).setText(messages.get(reasonRequired ? "action.reason" : "action.note"));
        note = UiIds.name(new Text(c, SWT.BORDER | SWT.MULTI | SWT.WRAP | SWT.V_SCROLL), "action.note");
        GridData nd = new GridData(SWT.FILL, SWT.FILL, true, true);
        nd.heightHint = 80;
        nd.widthHint = 380;
        note.setLayoutData(nd);
        note.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;   // Tab leaves the note instead of typing a tab
            }
        });
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.get("action.ok"), true);
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false);
    }

    @Override
    protected void okPressed() {
        if (reasonRequired && note.getText().isBlank()) {
            setErrorMessage(messages.get("action.reasonMissing"));
            note.setFocus();
            return;
        }
        answer = new ActionRunner.Answer(to.getText().strip(), note.getText().strip(), days == null ? 0 : days.getSelection());
        super.okPressed();
    }

    ActionRunner.Answer answer() {
        return answer;
    }
}
