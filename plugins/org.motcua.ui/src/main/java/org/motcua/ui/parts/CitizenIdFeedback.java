package org.motcua.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;

/**
 * Checks a citizen ID (CCCD) as it is typed and says under the field what it means (birth year, province) or
 * what is wrong, before the officer gets to Save. Shared by the counter's intake and the assisted filing.
 */
public final class CitizenIdFeedback {

    private CitizenIdFeedback() {
    }

    public static void attach(Text input, Label feedback, Messages messages) {
        input.addModifyListener(e -> show(input.getText(), feedback, messages));
    }

    private static void show(String typed, Label feedback, Messages messages) {
        if (typed.isBlank()) {
            feedback.setText("");
        } else {
            try {
                CitizenId id = CitizenId.parse(typed, null);
                feedback.setText(messages.get("intake.citizenId.ok", String.valueOf(id.birthYear()), id.provinceCode()));
                feedback.setForeground(null);
            } catch (ValidationException e) {
                feedback.setText(e.messages(messages.locale()));
                feedback.setForeground(feedback.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        feedback.getParent().layout(true);
    }
}
