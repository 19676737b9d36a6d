package org.motcua.ui.parts;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.ScanFile;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Asks who receives the dossier next and the note; the note is required where it is the citizen's reason. Marking a
 * dossier done also takes its digitised result: the number of the decision or certificate and its scans (both, or
 * neither; the store refuses one without the other).
 */
final class ActionDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final DossierAction action;
    private final String initialTo;
    private final boolean reasonRequired;
    private Text to;
    private Text note;
    private Spinner days;
    private Text resultNumber;
    private Label resultFiles;
    private final List<ScanFile> resultScans = new ArrayList<>();
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
        shell.setData(ActionDialog.class.getName(), this);   // tests reach the dialog through its shell
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
        if (action == DossierAction.MARK_DONE) {
            resultRows(c);
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

    /** The digitised result: its number, and a button choosing its scans with the list of those chosen. */
    private void resultRows(Composite c) {
        new Label(c, SWT.NONE).setText(messages.get("action.resultNumber"));
        resultNumber = UiIds.name(new Text(c, SWT.BORDER), "action.resultNumber");
        resultNumber.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(c, SWT.NONE).setText(messages.get("action.resultFiles"));
        Composite files = new Composite(c, SWT.NONE);
        files.setLayout(new GridLayout(2, false));
        files.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        Button choose = UiIds.name(new Button(files, SWT.PUSH), "action.resultChoose");
        choose.setText(messages.get("action.resultChoose"));
        choose.addListener(SWT.Selection, e -> chooseResultFiles(ScanAttachments.fileDialog(getShell())));
        resultFiles = UiIds.name(new Label(files, SWT.WRAP), "action.resultFiles");
        resultFiles.setText(messages.get("action.resultNone"));
        resultFiles.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    /** Checks each chosen file as a scan; the good ones become the result's, the refused are said why. */
    void chooseResultFiles(List<Path> files) {
        List<String> refused = new ArrayList<>();
        for (Path f : files) {
            try {
                ScanFile scan = ScanFile.read(f).forDocument(messages.get("action.resultDocument"));
                if (resultScans.stream().noneMatch(s -> s.sha256().equals(scan.sha256()))) {
                    resultScans.add(scan);
                }
            } catch (ValidationException e) {
                refused.add(e.messages(messages.locale()));
            }
        }
        resultFiles.setText(resultScans.isEmpty() ? messages.get("action.resultNone")
                : String.join(", ", resultScans.stream().map(ScanFile::fileName).toList()));
        setErrorMessage(refused.isEmpty() ? null : String.join("\n", refused));
        getShell().layout(true, true);
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
        answer = new ActionRunner.Answer(to.getText().strip(), note.getText().strip(), days == null ? 0 : days.getSelection(),
                null, resultNumber == null ? "" : resultNumber.getText().strip(), List.copyOf(resultScans));
        super.okPressed();
    }

    ActionRunner.Answer answer() {
        return answer;
    }
}
