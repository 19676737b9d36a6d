package org.motcua.ui.desk;

import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.SampleCatalogueLoader;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.numbering.DossierCode;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;
import org.motcua.store.DeviceIdentity;
import org.motcua.store.KeySlots;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.OfficerAccounts.Officer;
import org.motcua.store.Store;
import org.motcua.ui.Messages;

/**
 * What the setup wizard does, without its widgets: makes the random database key, creates the encrypted
 * store with this device's identity, the first admin with a key slot, and a recovery slot whose code is
 * shown once. Also adds further officers (a key slot each).
 */
public final class DeskSetup {

    private static final Pattern USERNAME = Pattern.compile("[a-z0-9._-]{3,64}");

    /** What the wizard asks. Passwords are char arrays so they can be wiped. */
    /**
     * @param replacedDevice the device id of the commune's PC this one replaces ("" for a new PC): the province's admin
     *                       binds a re-enrolment code to it, and the restore from the province brings its dossiers back
     */
    public record Request(String unitCode, String unitName, int deviceNumber, String adminUsername,
            String adminFullName, char[] password, char[] passwordAgain, boolean sampleCatalogue, String replacedDevice) {

        /** A new PC. */
        public Request(String unitCode, String unitName, int deviceNumber, String adminUsername, String adminFullName,
                char[] password, char[] passwordAgain, boolean sampleCatalogue) {
            this(unitCode, unitName, deviceNumber, adminUsername, adminFullName, password, passwordAgain, sampleCatalogue, "");
        }
    }

    /** A new desk, its admin logged in, and the recovery code to show once. */
    public record Created(Desk desk, char[] recoveryCode) {
    }

    private DeskSetup() {
    }

    /** Everything wrong with the request, in the officer's language; empty when setup may start. */
    public static List<String> check(Request r, Messages m) {
        List<String> problems = new ArrayList<>();
        if (!DossierCode.isUnitCode(r.unitCode() == null ? "" : r.unitCode().strip())) {
            problems.add(m.get("setup.check.unitCode"));
        }
        if (r.unitName() == null || r.unitName().isBlank()) {
            problems.add(m.get("setup.check.unitName"));
        }
        if (r.deviceNumber() < 1 || r.deviceNumber() > 9) {
            problems.add(m.get("setup.check.device"));
        }
        if (replaced(r).isEmpty() && !blank(r.replacedDevice())) {
            problems.add(m.get("setup.check.replacedDevice"));
        }
        if (!USERNAME.matcher(r.adminUsername() == null ? "" : r.adminUsername()).matches()) {
            problems.add(m.get("setup.check.username"));
        }
        if (r.adminFullName() == null || r.adminFullName().isBlank()) {
            problems.add(m.get("setup.check.fullName"));
        }
        if (r.password().length < OfficerAccounts.PASSWORD_MIN) {
            problems.add(m.get("setup.check.passwordShort", OfficerAccounts.PASSWORD_MIN));
        } else if (!Arrays.equals(r.password(), r.passwordAgain())) {
            problems.add(m.get("setup.check.passwordMismatch"));
        }
        return problems;
    }

    /**
     * Creates the desk. On any failure nothing is left behind, so the wizard can be run again.
     *
     * @throws ValidationException when the store refuses the admin account (messages in Vietnamese)
     */
    public static Created create(DeskFiles files, Request r, DeadlineCalculator deadlines, Clock clock) {
        char[] databaseKey = KeySlots.newDatabaseKey();
        Store store = null;
        try {
            DeviceIdentity identity = replaced(r)
                    .map(id -> new DeviceIdentity(id, r.unitCode().strip(), r.unitName().strip(), r.deviceNumber()))
                    .orElseGet(() -> DeviceIdentity.newDevice(r.unitCode().strip(), r.unitName().strip(), r.deviceNumber()));
            store = Store.create(files.baseName(), databaseKey, identity);
            if (r.sampleCatalogue()) {
                store.addProcedures(SampleCatalogueLoader.load().current());
            }
            OfficerAccounts accounts = new OfficerAccounts(store);
            Officer admin = accounts.create(r.adminUsername(), r.adminFullName(), Role.ADMIN, r.password(),
                    r.adminUsername(), Role.ADMIN, Desk.now(clock));
            KeySlots slots = files.keySlots();
            slots.put(admin.username(), r.password(), databaseKey);
            char[] recovery = RecoveryCode.generate();
            slots.put(RecoveryCode.SLOT, recovery, databaseKey);
            accounts.login(admin.username(), r.password(), Desk.now(clock));
            return new Created(new Desk(store, admin, deadlines, clock), recovery);
        } catch (RuntimeException e) {
            if (store != null) {
                store.close();
            }
            files.deleteAll();
            throw e;
        } finally {
            Arrays.fill(databaseKey, '\0');
        }
    }

    /**
     * An admin adds an officer who may log in at this desk: the account in the store, and a key slot
     * holding the database key under the officer's password (unwrapped with the admin's password).
     *
     * @throws ValidationException when the admin's password is wrong or the store refuses the account
     */
    public static Officer addOfficer(DeskFiles files, Desk adminDesk, char[] adminPassword, String username,
            String fullName, Role role, char[] password) {
        char[] databaseKey = files.keySlots().unlock(adminDesk.username(), adminPassword)
                .orElseThrow(() -> new ValidationException(Violation.of("adminPassword", "officer.adminPassword.wrong")));
        try {
            return addOfficerWithKey(files, adminDesk, databaseKey, username, fullName, role, password);
        } finally {
            Arrays.fill(databaseKey, '\0');
        }
    }

    /** {@link #addOfficer} once the admin's password has unwrapped {@code databaseKey}. */
    static Officer addOfficerWithKey(DeskFiles files, Desk adminDesk, char[] databaseKey, String username,
            String fullName, Role role, char[] password) {
        Officer officer = new OfficerAccounts(adminDesk.store()).create(username, fullName, role, password,
                adminDesk.username(), adminDesk.role(), adminDesk.now());
        files.keySlots().put(username, password, databaseKey);
        return officer;
    }

    /** The replaced PC's device id, when one was typed and is a uuid (as the province's device page shows it). */
    static java.util.Optional<java.util.UUID> replaced(Request r) {
        String id = r.replacedDevice() == null ? "" : r.replacedDevice().strip().toLowerCase(java.util.Locale.ROOT);
        if (!id.matches("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")) {
            return java.util.Optional.empty();
        }
        return java.util.Optional.of(java.util.UUID.fromString(id));
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
