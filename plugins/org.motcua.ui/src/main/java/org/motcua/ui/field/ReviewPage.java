package org.motcua.ui.field;

import java.util.stream.Collectors;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.identity.CitizenId;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.parts.IntakePart;

/** Step 5: everything typed, read back to the citizen before saving. */
final class ReviewPage {

    private final Messages messages;
    private final Label summary;

    ReviewPage(Composite page, Messages messages) {
        this.messages = messages;
        page.setLayout(new GridLayout(1, false));
        summary = UiIds.name(new Label(page, SWT.WRAP), "assisted.review");
        summary.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));
    }

    void show(IntakeRequest r) {
        Applicant a = r.applicant();
        String none = "—";
        summary.setText(String.join("\n",
                messages.get("assisted.review.procedure", r.procedure().code(), r.procedure().name()),
                messages.get("assisted.review.applicant", a.fullName(), a.citizenId().map(CitizenId::digits).orElse(none),
                        a.birthDate().map(b -> b.format(IntakePart.DAY)).orElse(none),
                        a.phone().isBlank() ? none : a.phone()),
                messages.get("assisted.review.address", a.address().oneLine().isEmpty() ? none : a.address().oneLine()),
                messages.get("assisted.review.documents", r.documents().size(),
                        r.documents().stream().map(ReceivedDocument::name).collect(Collectors.joining("; "))),
                messages.get("assisted.review.place", r.assistance().orElseThrow().place(),
                        r.assistance().orElseThrow().assistant()),
                "", messages.get("assisted.review.note")));
        summary.getParent().layout(true);
    }
}
