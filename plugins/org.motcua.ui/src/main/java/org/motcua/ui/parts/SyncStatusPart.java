package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
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
import org.motcua.protocol.HealthStatus;
import org.motcua.sync.HealthClient;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncException;
import org.motcua.ui.Messages;

/**
 * Shows where the upstream server is and whether it answers. The check runs in a {@link Job} so a slow
 * mobile link never freezes the window, and comes back to the UI thread with {@code asyncExec}.
 */
public class SyncStatusPart {

    private static final Duration TIMEOUT = Duration.ofSeconds(10);

    private final Messages messages = Messages.current();
    private URI server;
    private Label state;
    private Button check;
    private Job running;

    @PostConstruct
    public void createControls(Composite parent) {
        server = ServerAddress.configured();
        parent.setLayout(new GridLayout(1, false));

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
            HealthStatus up = client.check();
            return messages.get("sync.up", up.protocolVersion());
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
        if (running != null) {
            running.cancel();
        }
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
