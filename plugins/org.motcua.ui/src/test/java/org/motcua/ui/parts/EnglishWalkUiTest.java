package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.regex.Pattern;
import org.eclipse.swt.SWT;
import org.eclipse.swt.layout.FillLayout;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Composite;
import org.eclipse.swt.widgets.Control;
import org.eclipse.swt.widgets.Group;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.eclipse.swt.widgets.TableColumn;
import org.eclipse.swt.widgets.Text;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.ui.Messages;
import org.motcua.ui.desk.DemoDesk;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskLogin;
import org.motcua.ui.desk.TestDesks;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;

/**
 * {@code -nl en}: every main screen of the demo desk is built with the English locale and none of its own words
 * (labels, buttons, group titles, column headers, field hints) is the Vietnamese text of a message. A key missing
 * from the English bundle fails the build of the screen; a text left in Vietnamese fails the comparison. The
 * citizens' data (names, procedures, addresses) stays Vietnamese and is not checked.
 */
@ExtendWith(VietnameseDisplay.class)
class EnglishWalkUiTest {

    @TempDir
    Path dir;
    private Locale previous;
    private final List<Desk> opened = new ArrayList<>();

    @BeforeEach
    void english() {
        previous = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        opened.forEach(Desk::close);
        Locale.setDefault(previous);
    }

    @Test
    void everyMainScreenSpeaksEnglish() throws Exception {
        List<Pattern> vietnamese = vietnameseOnlyTexts();
        DeskFiles files = new DeskFiles(dir);
        DemoDesk.openOrCreate(files, TestDesks.DEADLINES, TestDesks.MONDAY_MORNING).close();
        List<String> problems = new ArrayList<>();
        int checked = 0;
        for (ScreenshotsTest.Scene scene : ScreenshotsTest.scenes(dir)) {
            Shell shell = new Shell(VietnameseDisplay.display(), SWT.SHELL_TRIM);
            try {
                shell.setLayout(new FillLayout());
                shell.setSize(1180, 760);
                scene.build().accept(login(files, scene.user()), shell);
                shell.layout(true, true);
                shell.open();
                long until = System.currentTimeMillis() + 500;
                Widgets.settle(shell.getDisplay(), null, () -> System.currentTimeMillis() > until);
                List<String> texts = ownTexts(shell);
                for (Shell dialog : shell.getShells()) {
                    texts.addAll(ownTexts(dialog));   // a scene that is a dialog opens it over the shell
                    texts.add(dialog.getText());
                }
                for (String text : texts) {
                    checked++;
                    for (Pattern p : vietnamese) {
                        if (p.matcher(text).matches()) {
                            problems.add(scene.name() + ": \"" + text + "\"");
                        }
                    }
                }
            } finally {
                shell.dispose();
            }
        }
        assertTrue(checked > 100, "the walk read the screens' texts: " + checked);
        assertTrue(problems.isEmpty(), "Vietnamese text under -nl en:\n" + String.join("\n", problems));
    }

    private Desk login(DeskFiles files, String user) {
        Desk desk = ((DeskLogin.Opened) DeskLogin.login(files, user, DemoDesk.PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING)).desk();
        opened.add(desk);
        return desk;
    }

    /** The words the screen itself shows (not the data in its tables and fields). */
    private static List<String> ownTexts(Composite root) {
        List<String> texts = new ArrayList<>();
        for (Control c : Widgets.all(root, Control.class)) {
            if (c instanceof Label l) {
                texts.add(l.getText());
            } else if (c instanceof Button b) {
                texts.add(b.getText());
            } else if (c instanceof Group g) {
                texts.add(g.getText());
            } else if (c instanceof Text t) {
                texts.add(t.getMessage());
            } else if (c instanceof Table t) {
                for (TableColumn column : t.getColumns()) {
                    texts.add(column.getText());
                }
            }
            String tip = c.getToolTipText();
            if (tip != null) {
                texts.add(tip);
            }
        }
        texts.removeIf(String::isBlank);
        return texts;
    }

    /**
     * Each Vietnamese message that differs from its English one, as a pattern of the whole text it makes (its
     * {@code {n}} arguments match anything).
     */
    private static List<Pattern> vietnameseOnlyTexts() throws IOException {
        Properties vi = org.motcua.ui.MessageBundlesTest.load(Messages.class, "messages_vi.properties");
        Properties en = org.motcua.ui.MessageBundlesTest.load(Messages.class, "messages.properties");
        List<Pattern> patterns = new ArrayList<>();
        for (String key : vi.stringPropertyNames()) {
            String text = vi.getProperty(key);
            if (text.equals(en.getProperty(key)) || text.strip().length() < 3) {
                continue;
            }
            StringBuilder regex = new StringBuilder();
            for (String part : text.replace("''", "'").split("\\{\\d+[^}]*\\}", -1)) {
                if (!regex.isEmpty()) {
                    regex.append(".*");
                }
                regex.append(Pattern.quote(part));
            }
            patterns.add(Pattern.compile(regex.toString(), Pattern.DOTALL));
        }
        return patterns;
    }
}
