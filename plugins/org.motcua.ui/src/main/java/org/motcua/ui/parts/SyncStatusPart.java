package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.net.URI;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.Optional;
import org.eclipse.core.runtime.IProgressMonitor;
import org.eclipse.core.runtime.Status;
import org.eclipse.core.runtime.jobs.Job;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.layout.RowLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.ProgressBar;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.ChainCheck;
import org.motcua.store.UpstreamDecisions;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncListener;
import org.motcua.sync.SyncService;
import org.motcua.sync.SyncStatus;
import org.motcua.ui.Feedback;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.sync.DecisionNotice;
import org.motcua.ui.sync.EnrolmentDialog;
import org.motcua.ui.sync.KeyRenewal;
import org.motcua.ui.sync.ProvinceRestoreAction;
import org.motcua.ui.sync.SyncWords;
import org.motcua.ui.sync.UsbTransfer;

/**
 * The desk's link with the province, in Vietnamese: enrolled or not (unit, device number), the last successful sync,
 * what waits, the upload in progress with a progress bar, the next attempt, the last problem in an officer's words,
 * and a warning when the PC's clock is off. "Đồng bộ ngay", enrolment and key renewal (admin only) and the USB
 * transfers are here.
 * The state comes from the desk's sync engine, which tells of every change on its own thread; the part hops to the
 * display thread. The outbox and audit chains are verified in a job, as before.
 */
public class SyncStatusPart {

    private final Messages messages = Messages.current();
    private final Desk desk;
    private final SyncWords words;
    private final Runnable onChange = this::startChainCheck;
    private final SyncListener listener = this::changed;
    private Label identity;
    private Label server;
    private Label lastSuccess;
    private Label waiting;
    private Label attempt;
    private ProgressBar progress;
    private Label next;
    private Label problem;
    private Label clock;
    private Label transfer;
    private Label chains;
    private Label decisions;
    private Button decisionsSeen;
    private Button enrol;
    private Job chainJob;

    @Inject
    public SyncStatusPart(Desk desk) {
        this.desk = desk;
        this.words = new SyncWords(messages, ZoneId.systemDefault());
    }

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(1, false));
        Label who = UiIds.name(new Label(parent, SWT.WRAP), "sync.officer");
        who.setText(messages.get("sync.officer", desk.officer().fullName(), desk.username(),
                desk.role().displayName(messages.locale()), desk.store().device().unitName(),
                desk.store().device().deviceNumber()));
        who.setLayoutData(wide());
        Label title = new Label(parent, SWT.NONE);
        title.setText(messages.get("sync.title"));
        identity = line(parent, "sync.identity");
        server = line(parent, "sync.server");
        lastSuccess = line(parent, "sync.lastSuccess");
        waiting = line(parent, "sync.waiting");
        attempt = line(parent, "sync.attempt");
        progress = UiIds.name(new ProgressBar(parent, SWT.HORIZONTAL | SWT.SMOOTH), "sync.progress");
        progress.setLayoutData(wide());
        next = line(parent, "sync.next");
        problem = line(parent, "sync.problem");
        clock = line(parent, "sync.clock");
        decisions = line(parent, "sync.decisions");
        decisionsSeen = button(parent, "sync.decisions.seen", this::decisionsSeen);

        Composite actions = new Composite(parent, SWT.NONE);
        RowLayout row = new RowLayout(SWT.HORIZONTAL);
        row.wrap = true;
        actions.setLayout(row);
        actions.setLayoutData(wide());
        Button now = button(actions, "sync.now", () -> desk.sync().ifPresent(SyncService::syncNow));
        enrol = button(actions, "sync.enrol", this::enrol);
        enrol.setVisible(desk.role() == Role.ADMIN);   // enrolment is the administrator's
        Button rekey = button(actions, "sync.rekey", () -> desk.sync().ifPresent(s -> new KeyRenewal(messages, s, words)
                .renew(actions.getShell(), desk.username(), desk.role(), this::told)));
        rekey.setVisible(desk.role() == Role.ADMIN);   // so is the device key
        Button restore = button(actions, "sync.fromProvince", () -> desk.sync().ifPresent(s -> new ProvinceRestoreAction(messages, s,
                words).restore(actions.getShell(), desk.username(), desk.role(), this::told)));
        restore.setVisible(desk.role() == Role.ADMIN);   // and a replacement PC's restore
        Button export = button(actions, "sync.usbExport", () -> usb().ifPresent(u -> u.export(actions.getShell(), this::told)));
        Button importReply = button(actions, "sync.usbImport",
                () -> usb().ifPresent(u -> u.importReply(actions.getShell(), this::told)));
        boolean running = desk.sync().isPresent();
        now.setEnabled(running);
        rekey.setEnabled(running);
        restore.setEnabled(running);
        export.setEnabled(running);
        importReply.setEnabled(running);
        transfer = line(parent, "sync.transfer");

        Label outboxTitle = new Label(parent, SWT.NONE);
        outboxTitle.setText(messages.get("sync.outbox.title"));
        chains = line(parent, "sync.chains");

        desk.sync().ifPresent(s -> s.addListener(listener));
        desk.addChangeListener(onChange);
        show(desk.sync().map(SyncService::status));
        startChainCheck();
    }

    private static GridData wide() {
        return new GridData(SWT.FILL, SWT.TOP, true, false);
    }

    private Label line(Composite parent, String id) {
        Label l = UiIds.name(new Label(parent, SWT.WRAP), id);
        l.setLayoutData(wide());
        return l;
    }

    private Button button(Composite parent, String key, Runnable action) {
        Button b = UiIds.name(new Button(parent, SWT.PUSH), key);
        b.setText(messages.get(key));
        b.addListener(SWT.Selection, e -> action.run());
        return b;
    }

    /** From the engine's thread: a new state to show. */
    private void changed(SyncStatus status) {
        Display display = identity.getDisplay();
        if (!display.isDisposed()) {
            display.asyncExec(() -> show(Optional.of(status)));
        }
    }

    void show(Optional<SyncStatus> maybe) {
        if (identity.isDisposed()) {
            return;
        }
        if (maybe.isEmpty()) {
            identity.setText(messages.get("sync.off"));
            server.setText(messages.get("sync.server", ServerAddress.configured()));
            progress.setVisible(false);
            relayout();
            return;
        }
        SyncStatus s = maybe.get();
        identity.setText(words.identity(s));
        server.setText(messages.get("sync.server", serverOf(s)));
        lastSuccess.setText(words.lastSuccess(s));
        waiting.setText(words.waiting(s));
        attempt.setText(words.attempt(s));
        s.attempt().ifPresentOrElse(a -> {
            progress.setMaximum((int) Math.max(1, Math.min(Integer.MAX_VALUE, a.bytesTotal())));
            progress.setSelection((int) Math.min(Integer.MAX_VALUE, a.bytesSent()));
            progress.setVisible(true);
        }, () -> progress.setVisible(false));
        next.setText(words.next(s));
        String trouble = words.problem(s);
        Feedback.show(problem, trouble, true);
        String clockWords = String.join("\n", java.util.stream.Stream.of(words.clock(s), words.restored(s))
                .filter(t -> !t.isEmpty()).toList());
        Feedback.show(clock, clockWords, true);
        showDecisions();
        relayout();
    }

    /** Decisions the province took since the officer last looked (a short indexed read of the unseen ones). */
    private void showDecisions() {
        String text = new DecisionNotice(messages).text(new UpstreamDecisions(desk.store()).unseen());
        Feedback.show(decisions, text, false);
        decisionsSeen.setVisible(!text.isEmpty());
    }

    private void decisionsSeen() {
        UpstreamDecisions store = new UpstreamDecisions(desk.store());
        store.markSeen(store.unseen().stream().map(UpstreamDecisions.Decision::decisionId).toList(), LocalDateTime.now());
        showDecisions();
        relayout();
    }

    /** The address the desk syncs with: the enrolled one, else the configured one. */
    private String serverOf(SyncStatus s) {
        if (s.enrolled()) {
            return new DeviceEnrolments(desk.store()).current().map(DeviceEnrolments.Enrolment::baseUrl)
                    .orElse(ServerAddress.configured().toString());
        }
        return ServerAddress.configured().toString();
    }

    private void relayout() {
        identity.getParent().layout(true, true);
    }

    private void enrol() {
        desk.sync().ifPresent(s -> {
            if (desk.role() != Role.ADMIN) {
                told(messages.get("enrol.adminOnly"), true);
                return;
            }
            URI address = ServerAddress.configured();
            new EnrolmentDialog(identity.getShell(), s, address, words).open();
            show(Optional.of(s.status()));
        });
    }

    private Optional<UsbTransfer> usb() {
        return desk.sync().map(s -> new UsbTransfer(messages, s, words));
    }

    private void told(String sentence, boolean isProblem) {
        if (!transfer.isDisposed()) {
            Feedback.show(transfer, sentence, isProblem);
            relayout();
        }
    }

    /** Verifies both hash chains off the UI thread. */
    void startChainCheck() {
        if (chains.isDisposed()) {
            return;
        }
        Display display = chains.getDisplay();
        chainJob = Job.create(messages.get("sync.outbox.title"), (IProgressMonitor monitor) -> {
            String verified;
            try {
                verified = describe("sync.chain.outbox", desk.store().verifyOutbox()) + "\n"
                        + describe("sync.chain.audit", desk.store().verifyAudit());
            } catch (RuntimeException e) {
                verified = messages.get("sync.outbox.failed", String.valueOf(e.getMessage()));
            }
            String v = verified;
            display.asyncExec(() -> {
                if (!chains.isDisposed()) {
                    chains.setText(v);
                    relayout();
                }
            });
            return Status.OK_STATUS;
        });
        chainJob.setSystem(true);
        chainJob.schedule();
    }

    private String describe(String key, ChainCheck check) {
        return messages.get(key) + " " + (check.intact() ? messages.get("sync.chain.intact", check.checked())
                : messages.get("sync.chain.broken", check.firstBroken().getAsLong()));
    }

    @PreDestroy
    public void dispose() {
        desk.removeChangeListener(onChange);
        desk.sync().ifPresent(s -> s.removeListener(listener));
        if (chainJob != null) {
            chainJob.cancel();
        }
    }

    /** For tests: the last chain check. */
    Job chainCheck() {
        return chainJob;
    }
}
