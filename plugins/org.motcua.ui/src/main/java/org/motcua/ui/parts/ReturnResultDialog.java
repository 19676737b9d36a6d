package org.motcua.ui.parts;

import java.util.List;
import java.util.Optional;
import org.eclipse.jface.dialogs.IDialogConstants;
import org.eclipse.jface.dialogs.TitleAreaDialog;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.dossier.CollectedBy;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * Returning the result at the counter: who collects it (the applicant, an authorised person with their name and
 * citizen ID, or the post with its tracking number) and the citizen's rating with an optional comment. The details
 * are checked here with the store's own rules, so the officer fixes them before anything is saved.
 */
final class ReturnResultDialog extends TitleAreaDialog {

    private final Messages messages = Messages.current();
    private final Dossier dossier;
    private Button[] collectors;
    private Text name;
    private Text citizenId;
    private Text tracking;
    private Button[] ratings;
    private Text comment;
    private ResultReturn answer;

    ReturnResultDialog(Shell parent, Dossier dossier) {
        super(parent);
        this.dossier = dossier;
    }

    @Override
    protected void configureShell(Shell shell) {
        super.configureShell(shell);
        shell.setText(messages.get("return.title"));
        UiIds.name(shell, "return.dialog");
    }

    @Override
    protected Control createDialogArea(Composite parent) {
        setTitle(messages.get("return.title"));
        setMessage(messages.get("return.message", dossier.code().format(), dossier.applicant().fullName()));
        Composite area = (Composite) super.createDialogArea(parent);
        Composite c = new Composite(area, SWT.NONE);
        c.setLayout(new GridLayout(1, false));
        c.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, true));

        Group who = group(c, "return.who", 2);
        collectors = new Button[CollectedBy.values().length];
        for (CollectedBy by : CollectedBy.values()) {
            Button b = UiIds.name(new Button(who, SWT.RADIO), "return.who." + by.name());
            b.setText(messages.get("return.who." + by.name(), dossier.applicant().fullName()));
            b.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            b.addListener(SWT.Selection, e -> enableDetails());
            collectors[by.ordinal()] = b;
        }
        name = field(who, "return.name");
        citizenId = field(who, "return.citizenId");
        citizenId.setTextLimit(12);
        tracking = field(who, "return.tracking");
        dossier.applicant().authorised().ifPresent(p -> {
            name.setText(p.fullName());
            p.citizenId().ifPresent(id -> citizenId.setText(id.digits()));
        });
        CollectedBy expected = dossier.delivery() == ResultDelivery.POST ? CollectedBy.POST
                : dossier.applicant().authorised().isPresent() ? CollectedBy.AUTHORISED_PERSON : CollectedBy.APPLICANT;
        collectors[expected.ordinal()].setSelection(true);

        Group rating = group(c, "return.rating", 1);
        List<String> keys = List.of("SATISFIED", "ACCEPTABLE", "NOT_SATISFIED", "NONE");
        ratings = new Button[keys.size()];
        for (int i = 0; i < keys.size(); i++) {
            ratings[i] = UiIds.name(new Button(rating, SWT.RADIO), "return.rating." + keys.get(i));
            ratings[i].setText(messages.get("return.rating." + keys.get(i)));
        }
        ratings[keys.size() - 1].setSelection(true);   // not rated until the citizen says
        new Label(rating, SWT.NONE).setText(messages.get("return.comment"));
        comment = UiIds.name(new Text(rating, SWT.BORDER | SWT.MULTI | SWT.WRAP), "return.comment");
        comment.setTextLimit(ResultReturn.COMMENT_MAX);
        GridData cd = new GridData(SWT.FILL, SWT.FILL, true, true);
        cd.heightHint = 60;
        cd.widthHint = 420;
        comment.setLayoutData(cd);
        comment.addListener(SWT.Traverse, e -> {
            if (e.detail == SWT.TRAVERSE_TAB_NEXT || e.detail == SWT.TRAVERSE_TAB_PREVIOUS) {
                e.doit = true;   // Tab leaves the comment instead of typing a tab
            }
        });
        enableDetails();
        return area;
    }

    private Group group(Composite parent, String key, int columns) {
        Group g = UiIds.name(new Group(parent, SWT.NONE), key);
        g.setText(messages.get(key));
        g.setLayout(new GridLayout(columns, false));
        g.setLayoutData(new GridData(SWT.FILL, SWT.FILL, true, false));
        return g;
    }

    private Text field(Composite parent, String key) {
        new Label(parent, SWT.NONE).setText(messages.get(key));
        Text t = UiIds.name(new Text(parent, SWT.BORDER), key);
        t.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
        return t;
    }

    /** Only the fields of the chosen way of collecting can be typed in. */
    private void enableDetails() {
        CollectedBy by = selected();
        name.setEnabled(by == CollectedBy.AUTHORISED_PERSON);
        citizenId.setEnabled(by == CollectedBy.AUTHORISED_PERSON);
        tracking.setEnabled(by == CollectedBy.POST);
    }

    private CollectedBy selected() {
        for (CollectedBy by : CollectedBy.values()) {
            if (collectors[by.ordinal()].getSelection()) {
                return by;
            }
        }
        return CollectedBy.APPLICANT;
    }

    private Optional<Satisfaction> rating() {
        for (Satisfaction s : Satisfaction.values()) {
            if (ratings[s.ordinal()].getSelection()) {
                return Optional.of(s);
            }
        }
        return Optional.empty();
    }

    @Override
    protected void createButtonsForButtonBar(Composite parent) {
        UiIds.name(createButton(parent, IDialogConstants.OK_ID, messages.get("return.ok"), true), "return.ok");
        createButton(parent, IDialogConstants.CANCEL_ID, messages.get("dialog.cancel"), false);
    }

    @Override
    protected void okPressed() {
        CollectedBy by = selected();
        boolean authorised = by == CollectedBy.AUTHORISED_PERSON;
        try {
            Optional<CitizenId> id = authorised && !citizenId.getText().isBlank()
                    ? Optional.of(CitizenId.parse(citizenId.getText(), null)) : Optional.empty();
            answer = ResultReturn.of(by, authorised ? name.getText() : "", id, by == CollectedBy.POST ? tracking.getText() : "",
                    rating(), comment.getText());
        } catch (ValidationException e) {
            setErrorMessage(e.messages(messages.locale()));
            return;
        }
        super.okPressed();
    }

    /** The checked details; null when the dialog was cancelled. */
    ResultReturn answer() {
        return answer;
    }
}
