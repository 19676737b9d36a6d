package org.motcua.ui.desk;

import java.time.Clock;
import java.util.List;
import org.eclipse.jface.wizard.Wizard;
import org.eclipse.jface.wizard.WizardPage;
import org.eclipse.swt.SWT;
import org.eclipse.swt.custom.BusyIndicator;
import org.eclipse.swt.layout.GridData;
import org.eclipse.swt.layout.GridLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Spinner;
import org.eclipse.swt.widgets.Text;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.validation.ValidationException;
import org.motcua.ui.Messages;
import org.motcua.ui.UiIds;

/**
 * First start of a desk: the unit and device page, then the first admin's page. Finishing creates the
 * desk ({@link DeskSetup}); the recovery code is shown afterwards by {@link DeskLifeCycle}.
 */
public final class SetupWizard extends Wizard {

    private final Messages messages = Messages.current();
    private final DeskFiles files;
    private final DeadlineCalculator deadlines;
    private final Clock clock;
    private final UnitPage unitPage = new UnitPage();
    private final AdminPage adminPage = new AdminPage();
    private DeskSetup.Created created;

    public SetupWizard(DeskFiles files, DeadlineCalculator deadlines, Clock clock) {
        this.files = files;
        this.deadlines = deadlines;
        this.clock = clock;
        setWindowTitle(messages.get("setup.window"));
        setNeedsProgressMonitor(false);
    }

    @Override
    public void addPages() {
        addPage(unitPage);
        addPage(adminPage);
    }

    @Override
    public boolean performFinish() {
        DeskSetup.Request request = new DeskSetup.Request(unitPage.unitCode.getText(), unitPage.unitName.getText(),
                unitPage.device.getSelection(), adminPage.username.getText().strip(), adminPage.fullName.getText(),
                adminPage.password.getText().toCharArray(), adminPage.again.getText().toCharArray(),
                unitPage.sample.getSelection(), unitPage.replacedDevice.getText());
        List<String> problems = DeskSetup.check(request, messages);
        if (!problems.isEmpty()) {
            adminPage.setErrorMessage(String.join(" ", problems));
            return false;
        }
        try {
            BusyIndicator.showWhile(getShell().getDisplay(),
                    () -> created = DeskSetup.create(files, request, deadlines, clock));
            return true;
        } catch (ValidationException e) {
            adminPage.setErrorMessage(e.messages(messages.locale()).replace('\n', ' '));
        } catch (RuntimeException e) {
            adminPage.setErrorMessage(messages.get("setup.failed", e.getMessage()));
        }
        return false;
    }

    /** The created desk and recovery code after Finish; null when cancelled. */
    public DeskSetup.Created created() {
        return created;
    }

    private final class UnitPage extends WizardPage {
        Text unitCode;
        Text unitName;
        Spinner device;
        Text replacedDevice;
        Button sample;

        UnitPage() {
            super("unit");
            setTitle(messages.get("setup.unit.title"));
            setDescription(messages.get("setup.unit.description"));
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            unitCode = field(c, "setup.unitCode", SampleCommune.DEMO.unitCode());
            unitName = field(c, "setup.unitName", SampleCommune.DEMO.unitName());
            new Label(c, SWT.NONE).setText(messages.get("setup.device"));
            device = new Spinner(c, SWT.BORDER);
            device.setValues(1, 1, 9, 0, 1, 1);
            replacedDevice = UiIds.name(field(c, "setup.replacedDevice", ""), "setup.replacedDevice");
            sample = new Button(c, SWT.CHECK);
            sample.setText(messages.get("setup.sample"));
            sample.setSelection(true);
            sample.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false, 2, 1));
            Label hint = new Label(c, SWT.WRAP);
            hint.setText(messages.get("setup.unit.hint"));
            GridData hd = new GridData(SWT.FILL, SWT.TOP, true, false, 2, 1);
            hd.widthHint = 460;
            hint.setLayoutData(hd);
            setControl(c);
        }
    }

    private final class AdminPage extends WizardPage {
        Text username;
        Text fullName;
        Text password;
        Text again;

        AdminPage() {
            super("admin");
            setTitle(messages.get("setup.admin.title"));
            setDescription(messages.get("setup.admin.description"));
        }

        @Override
        public void createControl(Composite parent) {
            Composite c = new Composite(parent, SWT.NONE);
            c.setLayout(new GridLayout(2, false));
            username = field(c, "setup.username", "quantri");
            fullName = field(c, "setup.fullName", "");
            new Label(c, SWT.NONE).setText(messages.get("setup.password"));
            password = new Text(c, SWT.BORDER | SWT.PASSWORD);
            password.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            new Label(c, SWT.NONE).setText(messages.get("setup.passwordAgain"));
            again = new Text(c, SWT.BORDER | SWT.PASSWORD);
            again.setLayoutData(new GridData(SWT.FILL, SWT.CENTER, true, false));
            setControl(c);
        }
    }

    private Text field(Composite c, String labelKey, String initial) {
        new Label(c, SWT.NONE).setText(messages.get(labelKey));
        Text t = new Text(c, SWT.BORDER | SWT.SINGLE);
        t.setText(initial);
        GridData gd = new GridData(SWT.FILL, SWT.CENTER, true, false);
        gd.widthHint = 320;
        t.setLayoutData(gd);
        return t;
    }
}
