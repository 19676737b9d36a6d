package org.motcua.store;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.LocalDateTime;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Pattern;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.store.internal.Sql;

/**
 * The desk's own settings, kept in the encrypted store so they travel with backups: the letterhead printed on
 * the forms with the head of the unit and the desk's telephone, the form edition, the printer and whether Saturday
 * morning is a working session. Every key has a
 * default, so a desk works before anyone opens the settings screen. Only an admin changes the unit's settings;
 * any officer may choose the printer of the desk. Every change goes to the audit log.
 */
public final class DeskSettings {

    /** A setting, its default and the values it accepts. */
    public enum Key {
        /** The governing body printed above the unit name, e.g. "UBND TỈNH TUYÊN QUANG"; empty prints dots. */
        UNIT_PARENT_BODY("unit.parentBody", "", ".{0,150}", true),
        /** The place in "<place>, ngày … tháng … năm …". */
        UNIT_PLACE("unit.place", "", ".{0,100}", true),
        /** The one-stop section's name printed under the unit, e.g. "BỘ PHẬN MỘT CỬA". */
        DESK_NAME("unit.deskName", "", ".{0,150}", true),
        /** The head of the unit who signs the apology (04) and the stop notice (05); empty prints dots. */
        UNIT_HEAD_NAME("unit.headName", "", ".{0,100}", true),
        /** The desk's telephone, printed on the request to complete a dossier (02); empty prints dots. */
        DESK_PHONE("unit.deskPhone", "", "[0-9 .+()-]{0,20}", true),
        /** Which official wording the forms use: 2025 (default) or 2018. */
        FORM_EDITION("forms.edition", "2025", "2025|2018", true),
        /** The printer forms go to; empty means the operating system's default printer. */
        PRINTER("printer.name", "", ".{0,200}", false),
        /** Whether Saturday morning is a working session at this unit (it moves due dates). */
        SATURDAY_MORNING("sessions.saturdayMorning", "false", "true|false", true),
        /** Whether CSV exports use ";" and decimal commas, as Excel with Vietnamese regional settings expects. */
        CSV_VIETNAMESE_EXCEL("reports.csvVietnameseExcel", "false", "true|false", false),
        /** Where the daily backup goes (a second disk or a USB stick); empty: not chosen yet, no backup is made. */
        BACKUP_DIRECTORY("backup.directory", "", "[^\\n]{0,400}", true);

        private final String column;
        private final String defaultValue;
        private final Pattern accepted;
        private final boolean adminOnly;

        Key(String column, String defaultValue, String accepted, boolean adminOnly) {
            this.column = column;
            this.defaultValue = defaultValue;
            this.accepted = Pattern.compile(accepted);
            this.adminOnly = adminOnly;
        }

        public String defaultValue() {
            return defaultValue;
        }

        public boolean adminOnly() {
            return adminOnly;
        }

        String column() {
            return column;
        }
    }

    private final Store store;

    public DeskSettings(Store store) {
        this.store = store;
    }

    /** Every setting: the stored value, or the default. */
    public Map<Key, String> all() {
        return store.read(c -> {
            Map<Key, String> values = new EnumMap<>(Key.class);
            for (Key key : Key.values()) {
                values.put(key, key.defaultValue());
            }
            try (PreparedStatement ps = c.prepareStatement("SELECT setting_key, setting_value FROM desk_setting");
                    ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    for (Key key : Key.values()) {
                        if (key.column().equals(rs.getString(1))) {
                            values.put(key, rs.getString(2));
                        }
                    }
                }
            }
            return values;
        });
    }

    public String get(Key key) {
        return all().get(key);
    }

    /**
     * Stores {@code changes} in one transaction: all of them or, when one is refused, none.
     *
     * @throws ValidationException when a value is not accepted or the role may not change a key
     */
    public void put(Map<Key, String> changes, String actor, Role role, LocalDateTime now) {
        for (Map.Entry<Key, String> change : changes.entrySet()) {
            Key key = change.getKey();
            String value = change.getValue() == null ? "" : change.getValue().strip();
            if (key.adminOnly() && role != Role.ADMIN) {
                throw new ValidationException(Violation.of(key.column(), "settings.adminOnly"));
            }
            if (!key.accepted.matcher(value).matches()) {
                throw new ValidationException(Violation.of(key.column(), "settings.value.invalid", value));
            }
        }
        store.write(c -> {
            Map<Key, String> before = all();
            for (Map.Entry<Key, String> change : changes.entrySet()) {
                Key key = change.getKey();
                String value = change.getValue() == null ? "" : change.getValue().strip();
                if (value.equals(before.get(key))) {
                    continue;
                }
                Sql.update(c, "MERGE INTO desk_setting (setting_key, setting_value, changed_by, changed_at) KEY (setting_key) "
                        + "VALUES (?, ?, ?, ?)", key.column(), value, actor, now);
                store.audit.append(c, now, actor, "SETTING_CHANGED", key.column(), value);
            }
            return null;
        });
    }

    /** Stores one setting; see {@link #put(Map, String, Role, LocalDateTime)}. */
    public void put(Key key, String value, String actor, Role role, LocalDateTime now) {
        put(Map.of(key, value), actor, role, now);
    }
}
