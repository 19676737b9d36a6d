package org.motcua.ui.field;

import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.motcua.core.dossier.Dossier;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/** After saving: the dossier code in plain sight, what happens next, and the way to the next citizen. */
final class ConfirmationPage {

    private final Messages messages;
    private final Composite page;
    private final Label code;
    private final Label explanation;
    private final Button another;

    ConfirmationPage(Composite parent, Messages messages, Runnable nextCitizen) {
        this.messages = messages;
        page = new Composite(parent, SWT.NONE);
        page.setLayout(new GridLayout(1, false));
        Label done = new Label(page, SWT.NONE);
        done.setText(messages.get("assisted.saved.title"));
        code = UiIds.name(new Label(page, SWT.NONE), "assisted.saved.code");
        code.setLayoutData(new GridData(SWT.FILL, SWT.TOP, true, false));
        explanation = UiIds.name(new Label(page, SWT.WRAP), "assisted.saved.explanation");
        GridData ed = new GridData(SWT.FILL, SWT.TOP, true, false);
        ed.widthHint = 600;
        explanation.setLayoutData(ed);
        another = UiIds.name(new Button(page, SWT.PUSH), "assisted.another");
        another.setText(messages.get("assisted.another"));
        another.addListener(SWT.Selection, e -> nextCitizen.run());
    }

    Composite control() {
        return page;
    }

    void show(Dossier d) {
        code.setText(d.code().format());
        explanation.setText(messages.get("assisted.saved.explanation", d.assistance().orElseThrow().place(),
                d.status().displayName(messages.locale())));
        page.layout(true);
        page.getShell().setDefaultButton(another);
        another.setFocus();
    }
}
