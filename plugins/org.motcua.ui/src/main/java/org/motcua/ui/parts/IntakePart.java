package org.motcua.ui.parts;

import jakarta.annotation.PostConstruct;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;

/**
 * The counter's intake form. For now it holds the first field that matters, the citizen ID, checked as
 * it is typed so the officer sees a mistake before the citizen leaves the counter.
 */
public class IntakePart {

    private final Messages messages = Messages.current();
    private Text citizenId;
    private Label citizenIdFeedback;

    @PostConstruct
    public void createControls(Composite parent) {
        parent.setLayout(new GridLayout(2, false));

        Label title = new Label(parent, SWT.NONE);
        title.setText(messages.get("intake.title"));
        title.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        Label hint = new Label(parent, SWT.WRAP);
        hint.setText(messages.get("intake.hint"));
        hint.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));

        Label idLabel = new Label(parent, SWT.NONE);
        idLabel.setText(messages.get("intake.citizenId"));
        citizenId = new Text(parent, SWT.BORDER | SWT.SINGLE);
        citizenId.setTextLimit(15);
        citizenId.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));

        citizenIdFeedback = new Label(parent, SWT.WRAP);
        citizenIdFeedback.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1));
        citizenId.addModifyListener(e -> showCitizenIdFeedback());
    }

    private void showCitizenIdFeedback() {
        String typed = citizenId.getText();
        if (typed.isBlank()) {
            citizenIdFeedback.setText("");
        } else {
            try {
                CitizenId id = CitizenId.parse(typed, null);
                citizenIdFeedback.setText(messages.get("intake.citizenId.ok", String.valueOf(id.birthYear()), id.provinceCode()));
                citizenIdFeedback.setForeground(null);
            } catch (ValidationException e) {
                citizenIdFeedback.setText(e.messages(messages.locale()));
                citizenIdFeedback.setForeground(citizenIdFeedback.getDisplay().getSystemColor(SWT.COLOR_DARK_RED));
            }
        }
        citizenIdFeedback.getParent().layout(true);
    }
}
