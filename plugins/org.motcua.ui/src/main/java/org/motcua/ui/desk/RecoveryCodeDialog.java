package org.motcua.ui.desk;

import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.ui.Messages;

/** Shows the recovery code once, in large type; OK only after the officer confirms it is written down. */
final class RecoveryCodeDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final String code;
    private Font big;
    private Button written;

    RecoveryCodeDialog(Shell parent, char[] code) {
        super(parent);
        this.code = new String(code);
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("recovery.window"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("recovery.title"));
        setMessage(messages.get("recovery.message"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite box = new Composite(area, SWT.NONE);
        box.setLayout(new GridLayout(1, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        Text shown = new Text(box, SWT.BORDER | SWT.READ_ONLY | SWT.SINGLE);
        FontData fd = shown.getFont().getFontData()[0];
        big = new Font(shown.getDisplay(), "Monospace", Math.max(14, fd.getHeight() + 4), SWT.BOLD);
        shown.setFont(big);
        shown.setText(code);
        shown.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(box, SWT.WRAP).setText(messages.get("recovery.keep"));
        written = new Button(box, SWT.CHECK);
        written.setText(messages.get("recovery.written"));
        written.addListener(SWT.Selection, e -> getButton(IDialogConstants.OK_ID).setEnabled(written.getSelection()));
        shown.addDisposeListener(e -> big.dispose());
        return area;
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        createButton(parent, IDialogConstants.OK_ID, messages.get("dialog.continue"), true).setEnabled(false);
    }

    @Override
    protected void handleShellCloseEvent() {
        // Escape or the window's close box must not skip the code: it is shown only this once.
        if (written.getSelection()) {
            super.handleShellCloseEvent();
        }
    }
}
