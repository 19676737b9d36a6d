package org.motcua.ui.parts;

import java.time.format.DateTimeFormatter;
import java.util.Optional;
import java.util.function.Consumer;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Link;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.identity.CitizenId;
import org.motcua.store.IntakeHints;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Under the citizen ID field: when the typed ID belongs to a citizen who filed here before, offers the details
 * given last time with one link ("fill in again"). Offered, never filled silently: people move and change phones,
 * and the officer must read them back to the citizen.
 */
final class ReturningApplicant {

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final Messages messages;
    private final IntakeHints hints;
    private final Link link;
    private Applicant offered;

    ReturningApplicant(Composite parent, Messages messages, IntakeHints hints, Consumer<Applicant> fill) {
        this.messages = messages;
        this.hints = hints;
        link = UiIds.name(new Link(parent, SWT.WRAP), "intake.returning");
        GridData data = new GridData(SWT.FILL, SWT.TOP, true, false, 4, 1);
        data.exclude = true;
        link.setLayoutData(data);
        link.setVisible(false);
        link.addListener(SWT.Selection, e -> {
            if (offered != null) {
                fill.accept(offered);
                show(Optional.empty());
            }
        });
    }

    /** Looks the citizen up (an indexed read) and offers or hides the earlier details. */
    void offerFor(Optional<CitizenId> id) {
        show(id.flatMap(hints::lastApplicant));
    }

    private void show(Optional<Applicant> applicant) {
        offered = applicant.orElse(null);
        if (offered != null) {
            String born = offered.birthDate().map(DAY::format).orElse("—");
            link.setText(messages.get("intake.returning", offered.fullName(), born));
        }
        link.setVisible(offered != null);
        ((GridData) link.getLayoutData()).exclude = offered == null;
        link.getParent().layout(true);
    }

    Link control() {
        return link;
    }
}
