package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.motcua.protocol.doc.Health;
import org.motcua.sync.HealthClient;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncException;
import org.motcua.store.ChainCheck;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;

/**
 * Shows who is logged in, where the upstream server is and whether it answers, and the local outbox: how
 * many events wait for sync (all of them until sync exists) and whether the outbox and audit hash chains
 * verify. Checks run in {@link Job}s so a slow mobile link or a long chain never freezes the window, and
 * come back to the UI thread with {@code asyncExec}.
 */
public class SyncStatusPart {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final Runnable onChange = this::startOutboxCheck;
    private URI server;
    private Label outbox;
    private Label chains;
    private Job outboxJob;
    private Label state;
    private Button check;
    private Job running;

    @Inject
    public SyncStatusPart(Desk desk) {
        this.desk = desk;
    }

    @PostConstruct
    public void createControls(Composite parent) {
        server = ServerAddress.configured();
        parent.setLayout(new GridLayout(1, false));

        Label who = UiIds.name(new Label(parent, SWT.WRAP), "sync.officer");
        who.setText(messages.get("sync.officer", desk.officer().fullName(), desk.username(),
                desk.role().displayName(messages.locale()), desk.store().device().unitName(),
                desk.store().device().deviceNumber()));
        who.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        Label title = new Label(parent, SWT.NONE);
        title.setText(messages.get("sync.title"));

        Label address = new Label(parent, SWT.NONE);
        address.setText(messages.get("sync.server", server));

        state = new Label(parent, SWT.WRAP);
        state.setText(messages.get("sync.notChecked"));
        state.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));

        check = new Button(parent, SWT.PUSH);
        check.setText(messages.get("sync.check"));
        check.addListener(SWT.Selection, e -> startCheck());

        Label outboxTitle = new Label(parent, SWT.NONE);
        outboxTitle.setText(messages.get("sync.outbox.title"));
        outbox = UiIds.name(new Label(parent, SWT.WRAP), "sync.outbox");
        outbox.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        chains = UiIds.name(new Label(parent, SWT.WRAP), "sync.chains");
        chains.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        desk.addChangeListener(onChange);
        startOutboxCheck();
    }

    /** Counts the waiting events and verifies both chains, off the UI thread. */
    void startOutboxCheck() {
        if (outbox.isDisposed()) {
            return;
        }
        outbox.setText(messages.get("sync.outbox.checking"));
        Display display = outbox.getDisplay();
        outboxJob = Job.create(messages.get("sync.outbox.title"), (IProgressMonitor monitor) -> {
            String waiting;
            String verified;
            try {
                long n = desk.store().count("outbox");
                ChainCheck out = desk.store().verifyOutbox();
                ChainCheck audit = desk.store().verifyAudit();
                waiting = messages.get("sync.outbox.waiting", n);
                verified = describe("sync.chain.outbox", out) + "\n" + describe("sync.chain.audit", audit);
            } catch (RuntimeException e) {
                waiting = messages.get("sync.outbox.failed", String.valueOf(e.getMessage()));
                verified = "";
            }
            String w = waiting;
            String v = verified;
            display.asyncExec(() -> {
                if (!outbox.isDisposed()) {
                    outbox.setText(w);
                    chains.setText(v);
                    outbox.getParent().layout(true);
                }
            });
            return Status.OK_STATUS;
        });
        outboxJob.setSystem(true);
        outboxJob.schedule();
    }

    private String describe(String key, ChainCheck check) {
        return messages.get(key) + " " + (check.intact() ? messages.get("sync.chain.intact", check.checked())
                : messages.get("sync.chain.broken", check.firstBroken().getAsLong()));
    }

    void startCheck() {
        check.setEnabled(false);
        state.setText(messages.get("sync.checking"));
        Display display = state.getDisplay();
        running = Job.create(messages.get("sync.check"), (IProgressMonitor monitor) -> {
            String text = checkAndDescribe();
            display.asyncExec(() -> {
                if (!state.isDisposed()) {
                    state.setText(text);
                    state.getParent().layout(true);
                    check.setEnabled(true);
                }
            });
            return Status.OK_STATUS;
        });
        running.setSystem(false);
        running.schedule();
    }

    /** Runs off the UI thread: asks the server and returns the sentence to show. */
    private String checkAndDescribe() {
        try (HealthClient client = new HealthClient(server, TIMEOUT)) {
            Health up = client.check();
            return messages.get("sync.up", up.protocol());
        } catch (SyncException e) {
            return switch (e.reason()) {
                case UNREACHABLE -> messages.get("sync.unreachable");
                case BAD_RESPONSE -> messages.get("sync.badResponse", e.getMessage());
                case INCOMPATIBLE -> messages.get("sync.incompatible", e.getMessage());
            };
        } catch (IOException e) {
            return messages.get("sync.unreachable");
        }
    }

    @PreDestroy
    public void dispose() {
        desk.removeChangeListener(onChange);
        if (running != null) {
            running.cancel();
        }
    }

    /** For tests: the job of the last outbox check. */
    Job outboxCheck() {
        return outboxJob;
    }

    /** For tests: the job of the last check, to wait on. */
    Job runningCheck() {
        return running;
    }

    /** For the test's eyes only: the status line as shown. */
    String stateText() {
        return state.getText();
    }
}
