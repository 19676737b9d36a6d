package org.motcua.ui.desk;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.validation.ValidationException;
import org.motcua.store.OfficerAccounts;
import org.motcua.store.Store;
import org.motcua.ui.Messages;

/** The setup, login and demo logic behind the dialogs, on real store files. */
class DeskSessionTest {

    @TempDir
    Path dir;

    @AfterEach
    void clearDemoUser() {
        System.clearProperty(DemoDesk.USER_PROPERTY);
    }

    @Test
    void setupCreatesTheEncryptedDeskTheAdminAndARecoverySlot() {
        DeskFiles files = new DeskFiles(dir);
        assertFalse(files.exists(), "a new instance location asks for setup");
        DeskSetup.Created created = DeskSetup.create(files, TestDesks.request(), TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        try (Desk desk = created.desk()) {
            assertTrue(Files.exists(dir.resolve("desk.mv.db")));
            assertTrue(Files.exists(dir.resolve("desk.keys.json")));
            assertEquals(Role.ADMIN, desk.role());
            assertEquals("000.00.99.H99", desk.store().device().unitCode());
            assertEquals(45, desk.catalogue().size());
            assertEquals(List.of(TestDesks.ADMIN, RecoveryCode.SLOT), files.keySlots().names());
        }
        assertTrue(files.exists());
        char[] key = files.keySlots().unlock(RecoveryCode.SLOT,
                RecoveryCode.normalize(new String(created.recoveryCode()).toLowerCase(Locale.ROOT).replace("-", " ")))
                .orElseThrow(() -> new AssertionError("the recovery code opens the recovery slot"));
        try (Store store = Store.open(files.baseName(), key)) {
            assertEquals(1, store.count("officer"));
        }
    }

    @Test
    void setupChecksAreInVietnameseAndNothingIsCreatedWhenRefused() {
        Messages vi = Messages.forLocale(Locale.forLanguageTag("vi-VN"));
        DeskSetup.Request bad = new DeskSetup.Request("xa-mau", "", 12, "Quản Trị", " ", "ngan".toCharArray(),
                "khac".toCharArray(), true);
        List<String> problems = DeskSetup.check(bad, vi);
        assertEquals(6, problems.size(), problems.toString());
        assertTrue(problems.contains("Mật khẩu phải có ít nhất 8 ký tự."), problems.toString());
        char[] pw = "mat-khau-dai".toCharArray();
        DeskSetup.Request mismatch = new DeskSetup.Request("000.00.99.H99", "Xã", 1, "quantri", "Quản trị", pw,
                "mat-khau-khac".toCharArray(), false);
        assertEquals(List.of("Hai lần nhập mật khẩu không khớp nhau."), DeskSetup.check(mismatch, vi));

        DeskSetup.Request refusedByStore = new DeskSetup.Request("000.00.99.H99", "Xã", 1, "QUANTRI", "Quản trị", pw, pw,
                false);
        assertThrows(ValidationException.class, () -> DeskSetup.create(new DeskFiles(dir), refusedByStore,
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING));
        assertFalse(new DeskFiles(dir).exists(), "a failed setup leaves nothing behind, so it can run again");
    }

    @Test
    void aPcThatReplacesABrokenOneTakesOverItsDeviceIdSoItsReenrolmentCodeFits() {
        Messages vi = Messages.forLocale(Locale.forLanguageTag("vi-VN"));
        char[] pw = "mat-khau-dai".toCharArray();
        DeskSetup.Request typo = new DeskSetup.Request("000.00.99.H99", "Xã", 2, "quantri", "Quản trị", pw, pw, true,
                "1b4e28ba-2fa1-11d2-883f");
        assertEquals(List.of("Mã định danh máy cũ có dạng 1b4e28ba-2fa1-11d2-883f-0016d3cca427 (tỉnh cung cấp); "
                + "để trống nếu là máy mới."), DeskSetup.check(typo, vi));
        java.util.UUID old = java.util.UUID.randomUUID();
        DeskSetup.Request replacing = new DeskSetup.Request("000.00.99.H99", "Xã", 2, "quantri", "Quản trị", pw, pw, true,
                " " + old.toString().toUpperCase(Locale.ROOT) + " ");
        assertEquals(List.of(), DeskSetup.check(replacing, vi));
        try (Desk desk = DeskSetup.create(new DeskFiles(dir), replacing, TestDesks.DEADLINES, TestDesks.MONDAY_MORNING).desk()) {
            assertEquals(old, desk.store().device().deviceId(), "the old PC's identity, as the province's re-enrolment code names it");
            assertEquals(2, desk.store().device().deviceNumber());
        }
    }

    @Test
    void loginOpensTheDeskAndRefusesWrongPasswords() {
        TestDesks.admin(dir).close();
        DeskFiles files = new DeskFiles(dir);
        DeskLogin.Outcome wrong = DeskLogin.login(files, TestDesks.ADMIN, "sai-mat-khau".toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING);
        assertEquals(new DeskLogin.Refused(Optional.of(OfficerAccounts.MAX_FAILED - 1)), wrong,
                "a password the key slot refuses is counted by the login throttle");
        assertEquals(new DeskLogin.Refused(Optional.empty()), DeskLogin.login(files, "khongco", TestDesks.PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING));
        assertInstanceOf(DeskLogin.Refused.class, DeskLogin.login(files, RecoveryCode.SLOT, TestDesks.PASSWORD.toCharArray(),
                TestDesks.DEADLINES, TestDesks.MONDAY_MORNING), "the recovery slot is not an account");
        DeskLogin.Outcome ok = DeskLogin.login(files, " quantri ", TestDesks.PASSWORD.toCharArray(), TestDesks.DEADLINES,
                TestDesks.MONDAY_MORNING);
        try (Desk desk = assertInstanceOf(DeskLogin.Opened.class, ok).desk()) {
            assertEquals("Quản Trị Viên", desk.officer().fullName());
            assertEquals(Role.ADMIN, desk.role());
        }
    }

    @Test
    void anOfficerAddedByTheAdminLogsInWithTheirOwnPassword() {
        try (Desk officer = TestDesks.as(dir, Role.RECEIVING_OFFICER)) {
            assertEquals(Role.RECEIVING_OFFICER, officer.role());
            assertEquals("receiving.officer", officer.username());
        }
    }

    @Test
    void demoModeCreatesTheDemoDeskOnceAndLogsInWithoutDialogs() {
        DeskFiles files = new DeskFiles(dir);
        long dossiers;
        try (Desk desk = DemoDesk.openOrCreate(files, TestDesks.DEADLINES, java.time.Clock.systemDefaultZone())) {
            assertEquals(Role.RECEIVING_OFFICER, desk.role());
            assertEquals(DemoDesk.DEFAULT_USER, desk.username());
            dossiers = desk.store().count("dossier");
            assertEquals(12, dossiers);
            assertTrue(desk.store().verifyOutbox().intact());
        }
        System.setProperty(DemoDesk.USER_PROPERTY, "lanhdao");
        try (Desk again = DemoDesk.openOrCreate(files, TestDesks.DEADLINES, java.time.Clock.systemDefaultZone())) {
            assertEquals(Role.LEADER, again.role());
            assertEquals(dossiers, again.store().count("dossier"), "the second start reuses the demo desk");
        }
    }

    @org.junit.jupiter.params.ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {"2026-03-08T16:00:00+07:00", "2026-03-09T07:00:00+07:00",
            "2026-05-02T15:00:00+07:00", "2026-03-14T14:30:00+07:00"})
    void theDemoDeskReceivesAndActsOnlyInWorkingSessions(String today) throws Exception {
        // a Sunday, a Monday before opening, a Saturday inside the 30/4 break, a Saturday afternoon
        java.time.Clock clock = java.time.Clock.fixed(java.time.OffsetDateTime.parse(today).toInstant(),
                java.time.ZoneId.of("Asia/Ho_Chi_Minh"));
        var calendar = TestDesks.DEADLINES.calendar();
        try (Desk desk = DemoDesk.openOrCreate(new DeskFiles(Files.createTempDirectory(dir, "demo")), TestDesks.DEADLINES,
                clock)) {
            for (java.util.UUID id : desk.store().dossierIds()) {
                var dossier = desk.store().dossier(id).orElseThrow();
                assertTrue(calendar.isWithinSession(dossier.receivedAt()), dossier.code() + " received " + dossier.receivedAt());
                for (var h : desk.store().handovers(id)) {
                    assertTrue(calendar.isWithinSession(h.at()), dossier.code() + " step " + h.step() + " at " + h.at());
                }
            }
        }
    }

    @Test
    void closingTheDeskTwiceIsHarmless() {
        Desk desk = TestDesks.admin(dir);
        desk.close();
        desk.close();
        assertTrue(desk.isClosed());
    }
}
