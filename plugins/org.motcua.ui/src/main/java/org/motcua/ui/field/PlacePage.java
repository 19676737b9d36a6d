package org.motcua.ui.field;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.IntakeValidator;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/** Step 4: where the dossier was collected and who helped (the logged-in volunteer, prefilled). */
final class PlacePage {

    private final Text village;
    private final Text assistant;

    PlacePage(Composite page, Messages messages, String officerFullName) {
        page.setLayout(new GridLayout(2, false));
        new Label(page, SWT.NONE).setText(messages.get("assisted.village"));
        village = UiIds.name(new Text(page, SWT.BORDER | SWT.SINGLE), "assisted.village");
        village.setTextLimit(IntakeValidator.PLACE_MAX);
        village.setMessage(messages.get("assisted.village.hint"));
        village.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        new Label(page, SWT.NONE).setText(messages.get("assisted.assistant"));
        assistant = UiIds.name(new Text(page, SWT.BORDER | SWT.SINGLE), "assisted.assistant");
        assistant.setText(officerFullName);
        assistant.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
    }

    FieldAssistance assistance() {
        return new FieldAssistance(assistant.getText().strip(), village.getText().strip());
    }

    /** The core does not require the place; a field dossier must say where it was collected, so the page does. */
    boolean villageMissing() {
        return village.getText().isBlank();
    }

    void focus() {
        village.setFocus();
    }
}
