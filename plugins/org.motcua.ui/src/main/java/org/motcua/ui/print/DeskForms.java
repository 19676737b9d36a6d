package org.motcua.ui.print;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.print.FormEdition;
import org.motcua.print.FormSettings;
import org.motcua.print.IssuingUnit;
import org.motcua.print.OneStopForms;
import org.motcua.store.DeskSettings;
import org.motcua.store.DeskSettings.Key;
import org.motcua.store.DeviceIdentity;
import org.motcua.ui.desk.Desk;

/**
 * The one-stop forms of this desk's unit: the letterhead and edition come from {@link DeskSettings}, the
 * province's wording overrides from {@code <data>/wording/} when that directory exists. Laid out again after
 * the settings change ({@link #settingsChanged()}).
 */
public final class DeskForms {

    private final Desk desk;
    private final Path dataDirectory;
    private OneStopForms forms;

    public DeskForms(Desk desk, Path dataDirectory) {
        this.desk = desk;
        this.dataDirectory = dataDirectory;
    }

    /** Where every printed form is saved as a PDF, whatever happens at the printer. */
    public Path savedFormsDirectory() {
        return dataDirectory.resolve("forms");
    }

    /** The printer chosen for this desk, or empty for the operating system's default printer. */
    public Optional<String> printer() {
        String name = new DeskSettings(desk.store()).get(Key.PRINTER);
        return name.isBlank() ? Optional.empty() : Optional.of(name);
    }

    /**
     * Remembers {@code name} as this desk's printer (any officer may choose it); the next form goes there.
     *
     * @throws org.motcua.core.validation.ValidationException when the name is not accepted
     */
    public void rememberPrinter(String name) {
        new DeskSettings(desk.store()).put(Key.PRINTER, name, desk.username(), desk.role(), desk.now());
    }

    public synchronized OneStopForms forms() throws IOException {
        if (forms == null) {
            forms = OneStopForms.create(settings(new DeskSettings(desk.store()).all()));
        }
        return forms;
    }

    /** The letterhead or edition changed: the next form is laid out with the new settings. */
    public synchronized void settingsChanged() {
        forms = null;
    }

    private FormSettings settings(Map<Key, String> values) {
        FormEdition edition = "2018".equals(values.get(Key.FORM_EDITION)) ? FormEdition.EDITION_2018
                : FormEdition.EDITION_2025;
        Path wording = dataDirectory.resolve("wording");
        return new FormSettings(issuingUnit(desk.store().device(), values), edition,
                wording.toFile().isDirectory() ? Optional.of(wording) : Optional.empty());
    }

    /**
     * The demo commune keeps its full letterhead until someone sets one; a real unit prints what the admin
     * entered in the settings and dotted lines for what is still empty.
     */
    static IssuingUnit issuingUnit(DeviceIdentity unit, Map<Key, String> values) {
        boolean unset = values.get(Key.UNIT_PARENT_BODY).isBlank() && values.get(Key.UNIT_PLACE).isBlank()
                && values.get(Key.DESK_NAME).isBlank();
        if (unset && unit.unitCode().equals(SampleCommune.DEMO.unitCode())) {
            return IssuingUnit.demo();
        }
        return new IssuingUnit(values.get(Key.UNIT_PARENT_BODY), unit.unitName(), values.get(Key.UNIT_PLACE),
                values.get(Key.DESK_NAME));
    }
}
