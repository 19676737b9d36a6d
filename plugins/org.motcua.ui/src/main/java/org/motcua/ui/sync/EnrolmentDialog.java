package org.motcua.ui.sync;

import java.net.URI;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.IMessageProvider;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.graphics.Font;
import org.eclipse.swt.graphics.FontData;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.DirectoryDialog;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.FileDialog;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.protocol.enrol.EnrolmentCode;
import org.motcua.sync.EnrolmentOffer;
import org.motcua.sync.SyncService;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Enrols this desk with the province (admin only): the server's address and the enrolment code the province gave,
 * typed in its groups of four; the desk sends the request, checks the signed answer, then shows the province's CA
 * fingerprint so the admin compares it, group by group, with the one printed beside the code. Only "Khớp" commits.
 * Without a link the request goes out as a file and the answer comes back as one (the same checks apply).
 * Re-enrolment with a code the province issued for this device works the same way. The network and file steps run
 * on the sync engine's thread; the dialog only waits for their futures.
 */
public final class EnrolmentDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final SyncService sync;
    private final URI defaultServer;
    private final SyncWords words;
    private Text server;
    private Text code;
    private Composite offerBox;
    private Label offerLabel;
    private Label fingerprint;
    private Label status;
    private Font monospace;
    private EnrolmentOffer offer;
    private boolean busy;
    private boolean enrolled;

    public EnrolmentDialog(Shell parent, SyncService sync, URI defaultServer, SyncWords words) {
        super(parent);
        this.sync = sync;
        this.defaultServer = defaultServer;
        this.words = words;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("enrol.title"));
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("enrol.title"));
        setMessage(messages.get("enrol.message"));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite box = new Composite(area, SWT.NONE);
        box.setLayout(new GridLayout(2, false));
        box.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
        new Label(box, SWT.NONE).setText(messages.get("enrol.server"));
        server = UiIds.name(new Text(box, SWT.BORDER | SWT.SINGLE), "enrol.server");
        server.setText(defaultServer.toString());
        server.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(box, SWT.NONE).setText(messages.get("enrol.code"));
        code = UiIds.name(new Text(box, SWT.BORDER | SWT.SINGLE), "enrol.code");
        monospace = new Font(code.getDisplay(), new FontData("Monospace", code.getFont().getFontData()[0].getHeight() + 2,
                SWT.BOLD));
        code.setFont(monospace);
        code.setMessage("XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XXXX-XX");
        code.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        code.addListener(SWT.Modify, e -> setErrorMessage(null));

        Composite files = new Composite(box, SWT.NONE);
        files.setLayout(new GridLayout(2, false));
        files.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        button(files, "enrol.offline", this::writeRequestFile);
        button(files, "enrol.offlineRead", this::readResponseFile);

        offerBox = new Composite(box, SWT.NONE);
        offerBox.setLayout(new GridLayout(1, false));
        GridData od = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
        od.exclude = true;
        offerBox.setLayoutData(od);
        offerBox.setVisible(false);
        offerLabel = UiIds.name(new Label(offerBox, SWT.WRAP), "enrol.offer");
        offerLabel.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        new Label(offerBox, SWT.WRAP).setText(messages.get("enrol.fingerprint"));
        fingerprint = UiIds.name(new Label(offerBox, SWT.NONE), "enrol.fingerprint");
        fingerprint.setFont(monospace);

        status = UiIds.name(new Label(box, SWT.WRAP), "enrol.status");
        status.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        area.addDisposeListener(e -> monospace.dispose());
        return area;
    }

    private void button(Composite parent, String key, Runnable action) {
        Button b = UiIds.name(new Button(parent, SWT.PUSH), key);
        b.setText(messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        UiIds.name(createButton(parent, IDialogConstants.OK_ID, messages.get("enrol.send"), true), "enrol.ok");
        UiIds.name(createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false), "enrol.cancel");
    }

    /** OK sends the code first, and confirms the offer once the fingerprint is shown. */
    @Override
    protected void okPressed() {
        if (busy) {
            return;
        }
        if (enrolled) {
            super.okPressed();
        } else if (offer == null) {
            send();
        } else {
            confirm();
        }
    }

    /** Cancel forgets an answer that was not confirmed, so nothing half-done is kept. */
    @Override
    protected void cancelPressed() {
        if (busy) {
            return;
        }
        if (offer != null && !enrolled) {
            sync.cancelEnrolment(offer);
        }
        super.cancelPressed();
    }

    private void send() {
        URI address = address();
        String typed = code.getText();
        if (address == null || !codeLooksRight(typed)) {
            return;
        }
        run(messages.get("enrol.sending"), () -> sync.beginEnrolment(address, typed), this::offered);
    }

    private void writeRequestFile() {
        URI address = address();
        String typed = code.getText();
        if (address == null || !codeLooksRight(typed)) {
            return;
        }
        DirectoryDialog chooser = new DirectoryDialog(getShell());
        chooser.setMessage(messages.get("enrol.offline.where"));
        String dir = chooser.open();
        if (dir != null) {
            run(messages.get("enrol.writing"), () -> sync.writeEnrolmentRequest(address, typed, Path.of(dir)),
                    file -> show(messages.get("enrol.offlineWritten", file), false));
        }
    }

    private void readResponseFile() {
        FileDialog chooser = new FileDialog(getShell(), SWT.OPEN);
        chooser.setFilterExtensions(new String[] {"*.json"});
        String file = chooser.open();
        if (file != null) {
            run(messages.get("enrol.reading"), () -> sync.readEnrolmentResponse(Path.of(file)), this::offered);
        }
    }

    /** For tests and the file path: shows a verified offer and waits for the admin's comparison. */
    void offered(EnrolmentOffer o) {
        offer = o;
        offerLabel.setText(messages.get(o.reenrolment() ? "enrol.offer.again" : "enrol.offer", o.unitName(), o.unitCode(),
                o.deviceNumber()));
        fingerprint.setText(groupedInLines(o.caFingerprint()));
        ((GridData) offerBox.getLayoutData()).exclude = false;
        offerBox.setVisible(true);
        server.setEnabled(false);
        code.setEnabled(false);
        getButton(IDialogConstants.OK_ID).setText(messages.get("enrol.confirm"));
        getButton(IDialogConstants.CANCEL_ID).setText(messages.get("enrol.reject"));
        show(messages.get("enrol.compare"), false);
        getShell().pack();
        getShell().layout(true, true);
    }

    private void confirm() {
        EnrolmentOffer confirmed = offer;
        run(messages.get("enrol.confirming"), () -> sync.confirmEnrolment(confirmed), done -> {
            enrolled = true;
            getButton(IDialogConstants.OK_ID).setText(messages.get("dialog.close"));
            getButton(IDialogConstants.CANCEL_ID).setEnabled(false);
            show(messages.get("enrol.done"), false);
        });
    }

    /** Runs one step on the engine's thread; its answer (or why it failed) comes back to the dialog. */
    private <T> void run(String doing, Supplier<CompletableFuture<T>> step, java.util.function.Consumer<T> then) {
        busy = true;
        show(doing, false);
        Display display = getShell().getDisplay();
        step.get().whenComplete((value, failure) -> display.asyncExec(() -> {
            busy = false;
            if (getShell() == null || getShell().isDisposed()) {
                return;
            }
            if (failure != null) {
                show(words.failure(failure), true);
            } else {
                then.accept(value);
            }
        }));
    }

    private URI address() {
        try {
            URI uri = URI.create(server.getText().strip());
            if (uri.getHost() == null || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
                throw new IllegalArgumentException();
            }
            return uri;
        } catch (IllegalArgumentException e) {
            show(messages.get("enrol.serverInvalid"), true);
            return null;
        }
    }

    private boolean codeLooksRight(String typed) {
        try {
            EnrolmentCode.parse(typed);
            return true;
        } catch (IllegalArgumentException e) {
            show(messages.get("sync.failure.CODE_MALFORMED"), true);
            return false;
        }
    }

    private void show(String text, boolean error) {
        if (error) {
            setErrorMessage(text);
            status.setText("");
        } else {
            setErrorMessage(null);
            setMessage(messages.get("enrol.message"), IMessageProvider.NONE);
            status.setText(text);
        }
        status.getParent().layout(true);
    }

    /** The fingerprint's 16 groups, four to a line, as the province's printout shows them. */
    static String groupedInLines(String fingerprint) {
        String[] groups = fingerprint.split(" ");
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < groups.length; i++) {
            out.append(groups[i]).append(i % 4 == 3 ? "\n" : "  ");
        }
        return out.toString().strip();
    }

    /** For tests: whether the dialog waits for a step of the engine. */
    boolean busy() {
        return busy;
    }

    /** For tests: the offer shown, null before. */
    EnrolmentOffer offer() {
        return offer;
    }
}
