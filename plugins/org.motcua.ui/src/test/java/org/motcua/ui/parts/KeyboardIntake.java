package org.motcua.ui.parts;

import org.eclipse.swt.SWT;
import org.eclipse.swt.widgets.Control;
import org.motcua.ui.UiIds;
import org.motcua.ui.testing.Keyboard;

/**
 * The sample dossier of the counter typed with the keyboard alone, as a trained officer does: the procedure by its
 * code, Enter to pick it, Tab from field to field, Space to tick each document handed in, Enter to save. Shared by
 * the keyboard test (which checks what was saved) and the UI benchmark (which counts the keys).
 */
final class KeyboardIntake {

    static final String PROCEDURE = "1.001193";   // birth registration
    static final String NAME = "Nguyen Thi Mai";   // ASCII: a test display runs no Vietnamese input method
    static final String CITIZEN_ID = "001185012345";
    static final String BIRTH_DATE = "02/03/1985";
    static final String PHONE = "0912345678";

    private KeyboardIntake() {
    }

    /** Types the sample dossier into the intake part, which has the focus, and saves it. */
    static void typeSampleDossier(Keyboard k) {
        k.type(PROCEDURE).enter();              // the only match is chosen; the cursor goes to the list
        expectFocus(k, "intake.procedure.list");
        k.tab().type(NAME);
        expectFocus(k, "intake.name");
        k.tab().type(CITIZEN_ID);
        k.tab().type(BIRTH_DATE);
        k.tab().type(PHONE);
        expectFocus(k, "intake.phone");
        k.tab().tab().tab().tab();              // province, commune and address are optional
        expectFocus(k, "intake.checklist");
        // the required documents: the declaration, the birth certificate, and the parent's identity paper (row 6)
        k.space().press(SWT.ARROW_DOWN).space();
        k.press(SWT.ARROW_DOWN).press(SWT.ARROW_DOWN).press(SWT.ARROW_DOWN).press(SWT.ARROW_DOWN).space();
        k.tab();                                // the number of sets: 1
        expectFocus(k, "intake.sets");
        k.enter();                              // Enter saves from any field (the save button is the default)
    }

    private static void expectFocus(Keyboard k, String id) {
        Control focus = k.focus();
        String actual = focus == null ? "nothing" : String.valueOf(focus.getData(UiIds.KEY))
                + (focus instanceof org.eclipse.swt.widgets.Text t ? " holding \"" + t.getText() + "\"" : "");
        if (focus == null || !id.equals(focus.getData(UiIds.KEY))) {
            throw new AssertionError("after typing, the focus should be on " + id + " but is on " + actual);
        }
    }
}
