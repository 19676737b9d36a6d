package org.motcua.ui.admin;

import java.util.List;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Combo;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * A dialog of the users section that does its account operation itself when OK is pressed and stays open with the
 * reason when the operation is refused; {@code onDone} refreshes the table afterwards. It does not block the
 * caller (the section opens it and returns), so the part and its tests drive it like any other window.
 */
abstract class AccountDialog extends TitleAreaDialog {

    protected final Messages messages = Messages.current();
    private final String titleKey;
    private final String okKey;
    private final Runnable onDone;
    private final Object[] titleArgs;

    AccountDialog(Shell parent, String titleKey, String okKey, Runnable onDone, Object... titleArgs) {
        super(parent);
        this.titleKey = titleKey;
        this.okKey = okKey;
        this.onDone = onDone;
        this.titleArgs = titleArgs;
        setBlockOnOpen(false);
    }

    /** Builds the fields into {@code form} (two columns: label, field). */
    protected abstract void createFields(Composite form);

    /**
     * Checks the fields and performs the operation.
     *
     * @return problems to show (the operation was not done); empty when done
     * @throws ValidationException when the store or {@link org.motcua.ui.desk.AccountAdmin} refuses
     */
    protected abstract List<String> perform();

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get(titleKey, titleArgs));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get(titleKey, titleArgs));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite form = new Composite(area, SWT.NONE);
        form.setLayout(new GridLayout(2, false));
        form.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        createFields(form);
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        UiIds.name(createButton(parent, IDialogConstants.OK_ID, messages.get(okKey), true), "account.dialog.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false);
    }

    @Override
    protected void okPressed() {
        List<?>[] problems = new List<?>[1];
        try {
            BusyIndicator.showWhile(getShell().getDisplay(), () -> problems[0] = perform());
        } catch (ValidationException e) {
            setErrorMessage(e.messages(messages.locale()).replace('\n', ' '));
            return;
        }
        if (!problems[0].isEmpty()) {
            setErrorMessage(String.join(" ", problems[0].stream().map(String::valueOf).toList()));
            return;
        }
        super.okPressed();
        onDone.run();
    }

    protected Text text(Composite form, String labelKey, String id, int style) {
        new Label(form, SWT.NONE).setText(messages.get(labelKey));
        Text t = UiIds.name(new Text(form, SWT.BORDER | SWT.SINGLE | style), id);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 300;
        t.setLayoutData(gd);
        return t;
    }

    protected Combo combo(Composite form, String labelKey, String id) {
        new Label(form, SWT.NONE).setText(messages.get(labelKey));
        return UiIds.name(new Combo(form, SWT.READ_ONLY), id);
    }

    /** The typed characters, for passwords (wiped by the caller). */
    protected static char[] chars(Text t) {
        return t.getText().toCharArray();
    }
}
