package org.motcua.ui.field;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.identity.CitizenId;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;
import org.motcua.ui.parts.CitizenIdFeedback;
import org.motcua.ui.parts.IntakePart;

/** Step 2: who the dossier is for, one field a line so it reads well in large type. */
final class ApplicantPage {

    private final Messages messages;
    private final Text name;
    private final Text citizenId;
    private final Text birthDate;
    private final Text phone;
    private final Text province;
    private final Text commune;
    private final Text detail;

    ApplicantPage(Composite page, Messages messages) {
        this.messages = messages;
        page.setLayout(new GridLayout(2, false));
        name = field(page, "intake.name", "assisted.name");
        citizenId = field(page, "intake.citizenId", "assisted.citizenId");
        citizenId.setTextLimit(15);
        new Label(page, SWT.NONE);
        Label idFeedback = UiIds.name(new Label(page, SWT.WRAP), "assisted.citizenId.feedback");
        idFeedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        CitizenIdFeedback.attach(citizenId, idFeedback, messages);
        birthDate = field(page, "intake.birthDate", "assisted.birthDate");
        birthDate.setMessage("dd/mm/yyyy");
        phone = field(page, "intake.phone", "assisted.phone");
        province = field(page, "intake.province", "assisted.province");
        commune = field(page, "intake.commune", "assisted.commune");
        detail = field(page, "intake.detail", "assisted.detail");
    }

    private Text field(Composite page, String labelKey, String id) {
        new Label(page, SWT.NONE).setText(messages.get(labelKey));
        Text t = UiIds.name(new Text(page, SWT.BORDER | SWT.SINGLE), id);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    /**
     * The applicant as typed, for the core to check.
     *
     * @throws UnreadableField when the birth date is not a date
     * @throws org.motcua.core.validation.ValidationException when the citizen ID is malformed
     */
    Applicant applicant() {
        Optional<LocalDate> birth = Optional.empty();
        String typedBirth = birthDate.getText().strip();
        if (!typedBirth.isEmpty()) {
            try {
                birth = Optional.of(LocalDate.parse(typedBirth, IntakePart.DAY));
            } catch (DateTimeParseException e) {
                throw new UnreadableField(messages.get("intake.birthDate.format", typedBirth));
            }
        }
        Optional<CitizenId> id = citizenId.getText().isBlank() ? Optional.empty()
                : Optional.of(CitizenId.parse(citizenId.getText(), null));
        return new Applicant(ApplicantKind.CITIZEN, name.getText(), id, birth, phone.getText(), "",
                new Address(province.getText(), commune.getText(), detail.getText()), Optional.empty());
    }

    /** Empties the fields of the citizen for the next one; province and commune stay (same village). */
    void clear() {
        for (Text t : new Text[] {name, citizenId, birthDate, phone, detail}) {
            t.setText("");
        }
    }

    void focus() {
        name.setFocus();
    }
}
