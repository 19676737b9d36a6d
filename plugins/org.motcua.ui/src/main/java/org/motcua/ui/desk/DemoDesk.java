package org.motcua.ui.desk;

import java.time.Clock;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.motcua.core.calendar.DeadlineCalculator;
import org.motcua.core.calendar.WorkingCalendar;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.sync.ServerAddress;
import org.motcua.sync.SyncService;

/**
 * The demo and automation mode ({@code -Dmotcua.demo=true}): creates, when missing, a desk of the sample
 * commune with the sample catalogue, one officer per role and a few sample dossiers, and logs in without
 * dialogs. Every demo account has the password {@value #PASSWORD}; {@code -Dmotcua.demo.user} picks the
 * account (default {@value #DEFAULT_USER}, a receiving officer). Never for real data.
 */
public final class DemoDesk {

    public static final String PROPERTY = "motcua.demo";
    public static final String USER_PROPERTY = "motcua.demo.user";
    public static final String DEFAULT_USER = "tiepnhan";
    public static final String ADMIN = "quantri";
    public static final String PASSWORD = "motcua-demo";

    private static final List<String[]> OFFICERS = List.of(
            new String[] {"tiepnhan", "Nguyễn Thị Tiếp (mẫu)", "RECEIVING_OFFICER"},
            new String[] {"xuly", "Trần Văn Xử (mẫu)", "PROCESSING_OFFICER"},
            new String[] {"lanhdao", "Lê Văn Lãnh (mẫu)", "LEADER"},
            new String[] {"tinhnguyen", "Phạm Thị Tình (mẫu)", "COMMUNITY_ASSISTANT"});
    private static final String[] NAMES = {"Nguyễn Văn An", "Trần Thị Bình", "Lê Văn Cường", "Phạm Thị Dung",
        "Hoàng Văn Đức", "Vũ Thị Hoa", "Đặng Văn Hùng", "Bùi Thị Lan", "Đỗ Văn Minh", "Hồ Thị Ngọc", "Ngô Văn Phúc",
        "Dương Thị Quỳnh"};

    private DemoDesk() {
    }

    public static boolean requested() {
        return Boolean.getBoolean(PROPERTY);
    }

    /** Opens the demo desk in {@code files}, creating it first when it does not exist. */
    public static Desk openOrCreate(DeskFiles files, DeadlineCalculator deadlines, Clock clock) {
        if (!files.exists()) {
            create(files, deadlines, clock).close();
        }
        String user = System.getProperty(USER_PROPERTY, DEFAULT_USER);
        DeskLogin.Outcome outcome = DeskLogin.login(files, user, PASSWORD.toCharArray(), deadlines, clock);
        if (outcome instanceof DeskLogin.Opened opened) {
            return opened.desk();
        }
        throw new IllegalStateException("the demo desk in " + files.directory() + " does not open for " + user + ": "
                + outcome);
    }

    /**
     * The enrolment code {@code ./motcua run} asks its local server for ({@code -Dmotcua.demo.enrolmentCode}), so the
     * demo desk is enrolled without anyone typing it. Used once: an enrolled desk ignores it.
     */
    public static final String ENROLMENT_CODE_PROPERTY = "motcua.demo.enrolmentCode";

    /**
     * Enrols the demo desk with the local server in the background, trusting it without the fingerprint comparison
     * an administrator makes at a real commune (it is the server {@code ./motcua run} started on this computer).
     */
    static void enrolWithLocalServer(SyncService sync) {
        String code = System.getProperty(ENROLMENT_CODE_PROPERTY, "").strip();
        if (code.isEmpty() || sync.status().enrolled()) {
            return;
        }
        sync.beginEnrolment(ServerAddress.configured(), code).thenCompose(sync::confirmEnrolment).whenComplete((done, failure) -> {
            if (failure == null) {
                System.out.println("MOTCUA-DEMO-ENROLLED " + ServerAddress.configured());
            } else {
                // the reason only: never the code
                Throwable cause = failure instanceof java.util.concurrent.CompletionException ? failure.getCause() : failure;
                System.out.println("MOTCUA-DEMO-ENROLMENT-FAILED " + (cause instanceof org.motcua.sync.SyncFailure f
                        ? f.reason() : cause.getClass().getSimpleName()));
            }
        });
    }

    /** Creates the demo desk and returns it with its admin logged in. */
    static Desk create(DeskFiles files, DeadlineCalculator deadlines, Clock clock) {
        SampleCommune demo = SampleCommune.DEMO;
        char[] password = PASSWORD.toCharArray();
        Desk admin = DeskSetup.create(files, new DeskSetup.Request(demo.unitCode(), demo.unitName(), 1, ADMIN,
                "Quản trị (mẫu)", password, password, true), deadlines, clock).desk();
        for (String[] o : OFFICERS) {
            DeskSetup.addOfficer(files, admin, password, o[0], o[1], Role.valueOf(o[2]), password);
        }
        addSampleDossiers(admin);
        return admin;
    }

    /**
     * A dozen dossiers received over the last two weeks, each on a working day in a morning session (a desk is
     * closed at weekends and on holidays, so the demo must be too): most handed over, several finished (early, on
     * the due day, late) and some of those collected.
     */
    private static void addSampleDossiers(Desk desk) {
        List<Procedure> procedures = desk.catalogue().current();
        LocalDateTime now = desk.now();
        WorkingCalendar calendar = desk.deadlines().calendar();
        for (int i = 0; i < NAMES.length; i++) {
            Procedure p = procedures.get((i * 7) % procedures.size());
            LocalDateTime at = workingMorning(calendar, now.toLocalDate().minusDays(14 - i), i);
            if (at.isAfter(now)) {
                at = workingMorning(calendar, now.toLocalDate().minusDays(1), i);
            }
            String cid = String.format("0010%02d%06d", 70 + i, 123400 + i);
            Applicant a = Applicant.citizen(NAMES[i], CitizenId.parse(cid, null), LocalDate.of(1970 + i, 5, 1 + i),
                    "09120000" + String.format("%02d", i), new Address(demo().province(), "Xã Mẫu Thuận", "Thôn " + (i % 5 + 1)));
            List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
            if (docs.isEmpty()) {
                docs = p.documents().stream().limit(1).map(ReceivedDocument::of).toList();
            }
            IntakeRequest request = new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER, at,
                    DEFAULT_USER, Optional.empty(), "");
            Dossier d = desk.intake().receive(request, Role.RECEIVING_OFFICER, now);
            if (i % 3 != 2) {
                desk.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER,
                        DEFAULT_USER, "xuly", "", at.plusHours(1).isAfter(now) ? now : at.plusHours(1));
            }
            LocalDateTime done = finishTime(calendar, at, d.dueAt(), i);
            // most of the handed-over ones are finished by now, early, on their due day or late, so the reports part
            // has something to show; every other finished one has been collected
            if (i % 3 != 2 && i < 9 && done.isAfter(at.plusHours(1)) && !done.isAfter(now)) {
                desk.workflow().take(d.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly", DEFAULT_USER, "", done);
                LocalDateTime returned = workingMorning(calendar, calendar.nextWorkingDay(done.toLocalDate()), i);
                if (i % 2 == 0 && !returned.isAfter(now)) {
                    desk.workflow().returnResult(d.id(), ResultReturn.byApplicant(Optional.of(i % 4 == 0
                            ? Satisfaction.SATISFIED : Satisfaction.ACCEPTABLE), ""), Role.RECEIVING_OFFICER, DEFAULT_USER,
                            returned);
                }
            }
        }
    }

    /** When the demo's dossier {@code i} was finished: the next working day (early), on its due day, or a day late. */
    private static LocalDateTime finishTime(WorkingCalendar calendar, LocalDateTime received, LocalDateTime due, int i) {
        LocalDateTime early = workingMorning(calendar, calendar.nextWorkingDay(received.toLocalDate()), i);
        return switch (i % 4) {
            case 1 -> {
                LocalDateTime onTheDay = workingMorning(calendar, due.toLocalDate(), i);
                yield onTheDay.isAfter(due) ? early : onTheDay;
            }
            case 2 -> workingMorning(calendar, calendar.nextWorkingDay(due.toLocalDate()), i);
            default -> early;
        };
    }

    /** 9:15 (plus {@code minutes}) on {@code day}, or on the last working day before it when the desk is closed then. */
    static LocalDateTime workingMorning(WorkingCalendar calendar, LocalDate day, int minutes) {
        LocalDate d = day;
        while (!calendar.isWithinSession(d.atTime(9, 15).plusMinutes(minutes))) {
            d = d.minusDays(1);
        }
        return d.atTime(9, 15).plusMinutes(minutes);
    }

    private static SampleCommune demo() {
        return SampleCommune.DEMO;
    }
}
