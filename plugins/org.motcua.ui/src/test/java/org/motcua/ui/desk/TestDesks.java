package org.motcua.ui.desk;

import java.nio.file.Path;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.lifecycle.Role;

/** Real desks on disk for the UI tests: the sample catalogue, an admin, and one officer per role asked for. */
public final class TestDesks {

    public static final String ADMIN = "quantri";
    public static final String PASSWORD = "mat-khau-thu-1";
    public static final DeadlineCalculator DEADLINES = Desk.sampleDeadlines();
    /** Monday 9 March 2026, 08:30, Hanoi time: a working morning. */
    public static final Clock MONDAY_MORNING = Clock.fixed(
            LocalDateTime.of(2026, 3, 9, 8, 30).atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(),
            ZoneId.of("Asia/Ho_Chi_Minh"));

    private TestDesks() {
    }

    public static DeskSetup.Request request() {
        char[] pw = PASSWORD.toCharArray();
        return new DeskSetup.Request(SampleCommune.DEMO.unitCode(), SampleCommune.DEMO.unitName(), 1, ADMIN,
                "Quản Trị Viên", pw, pw, true);
    }

    /** A new desk in {@code dir} with its admin logged in. */
    public static Desk admin(Path dir) {
        return DeskSetup.create(new DeskFiles(dir), request(), DEADLINES, MONDAY_MORNING).desk();
    }

    /**
     * A new desk in {@code dir} with an officer of {@code role} (username = role in lower case) logged in;
     * the admin's session is closed.
     */
    public static Desk as(Path dir, Role role) {
        DeskFiles files = new DeskFiles(dir);
        try (Desk admin = admin(dir)) {
            DeskSetup.addOfficer(files, admin, PASSWORD.toCharArray(), username(role), "Cán Bộ " + role.name(), role,
                    PASSWORD.toCharArray());
        }
        return login(dir, role);
    }

    /** Logs an existing officer of {@code role} in at the desk in {@code dir}. */
    public static Desk login(Path dir, Role role) {
        return login(dir, role, MONDAY_MORNING);
    }

    /** Logs an existing officer of {@code role} in at the desk in {@code dir}, with the desk's clock at {@code clock}. */
    public static Desk login(Path dir, Role role, Clock clock) {
        DeskLogin.Outcome o = DeskLogin.login(new DeskFiles(dir), username(role), PASSWORD.toCharArray(), DEADLINES, clock);
        return ((DeskLogin.Opened) o).desk();
    }

    /** The Vietnamese clock fixed at {@code at}. */
    public static Clock at(LocalDateTime at) {
        return Clock.fixed(at.atZone(ZoneId.of("Asia/Ho_Chi_Minh")).toInstant(), ZoneId.of("Asia/Ho_Chi_Minh"));
    }

    public static String username(Role role) {
        return role.name().toLowerCase(java.util.Locale.ROOT).replace('_', '.');
    }
}
