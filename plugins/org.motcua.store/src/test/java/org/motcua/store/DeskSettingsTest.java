package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.DeskSettings.Key;

class DeskSettingsTest {

    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 9, 8, 0);

    @TempDir
    Path dir;

    @Test
    void defaultsUntilChangedThenKeptAcrossReopen() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DeskSettings settings = new DeskSettings(store);
            assertEquals("2025", settings.get(Key.FORM_EDITION));
            assertEquals("", settings.get(Key.PRINTER));
            settings.put(Map.of(Key.UNIT_PLACE, "Minh Xuân", Key.FORM_EDITION, "2018"), "quantri", Role.ADMIN, NOW);
        }
        try (Store store = Store.open(dir.resolve("desk"), StoreFixture.KEY)) {
            DeskSettings settings = new DeskSettings(store);
            assertEquals("Minh Xuân", settings.get(Key.UNIT_PLACE));
            assertEquals("2018", settings.get(Key.FORM_EDITION));
            assertTrue(store.verifyAudit().intact());
        }
    }

    @Test
    void aReceivingOfficerChoosesThePrinterButNotTheLetterhead() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DeskSettings settings = new DeskSettings(store);
            settings.put(Key.PRINTER, "HP LaserJet 1020", "tiepnhan", Role.RECEIVING_OFFICER, NOW);
            assertEquals("HP LaserJet 1020", settings.get(Key.PRINTER));
            ValidationException refused = assertThrows(ValidationException.class,
                    () -> settings.put(Key.UNIT_PLACE, "Nơi khác", "tiepnhan", Role.RECEIVING_OFFICER, NOW));
            assertEquals("settings.adminOnly", refused.violations().get(0).code());
            assertEquals("", settings.get(Key.UNIT_PLACE));
        }
    }

    @Test
    void oneRefusedValueWritesNothing() {
        try (Store store = StoreFixture.newStore(dir, "desk", 1)) {
            DeskSettings settings = new DeskSettings(store);
            Map<Key, String> changes = new EnumMap<>(Key.class);
            changes.put(Key.UNIT_PLACE, "Minh Xuân");
            changes.put(Key.FORM_EDITION, "2019");
            assertThrows(ValidationException.class, () -> settings.put(changes, "quantri", Role.ADMIN, NOW));
            assertEquals("", settings.get(Key.UNIT_PLACE));
            assertEquals("2025", settings.get(Key.FORM_EDITION));
        }
    }
}
