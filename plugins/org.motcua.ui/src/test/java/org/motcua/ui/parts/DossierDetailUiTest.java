package org.motcua.ui.parts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.ui.testing.Widgets.has;
import static org.motcua.ui.testing.Widgets.named;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.eclipse.swt.widgets.Button;
import org.eclipse.swt.widgets.Display;
import org.eclipse.swt.widgets.Label;
import org.eclipse.swt.widgets.Shell;
import org.eclipse.swt.widgets.Table;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.FieldAssistance;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.junit.jupiter.api.extension.ExtendWith;
import org.motcua.ui.testing.VietnameseDisplay;
import org.motcua.ui.testing.Widgets;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.DeskFiles;
import org.motcua.ui.desk.DeskSetup;
import org.motcua.ui.desk.TestDesks;

/** The detail view offers only the actions the logged-in role may take in the dossier's status. */
@ExtendWith(VietnameseDisplay.class)
class DossierDetailUiTest {

    private final Display display = VietnameseDisplay.display();
    @TempDir
    Path dir;
    private Shell shell;
    private UUID processing;
    private UUID collected;

    /** One desk with an officer of every role, a dossier in processing and one collected in a village. */
    @BeforeEach
    void desk() {
        DeskFiles files = new DeskFiles(dir);
        char[] pw = TestDesks.PASSWORD.toCharArray();
        try (Desk admin = TestDesks.admin(dir)) {
            for (Role r : List.of(Role.RECEIVING_OFFICER, Role.PROCESSING_OFFICER, Role.COMMUNITY_ASSISTANT)) {
                DeskSetup.addOfficer(files, admin, pw, TestDesks.username(r), "Cán Bộ " + r.name(), r, pw);
            }
        }
        try (Desk desk = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            Procedure p = desk.catalogue().latest("1.001193").orElseThrow();
            var d = desk.intake().receive(request(desk, p, Optional.empty()), Role.RECEIVING_OFFICER, desk.now());
            desk.workflow().take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER,
                    desk.username(), "processing.officer", "", desk.now());
            processing = d.id();
        }
        try (Desk assistant = TestDesks.login(dir, Role.COMMUNITY_ASSISTANT)) {
            Procedure p = assistant.catalogue().latest("1.001193").orElseThrow();
            collected = assistant.intake().receive(request(assistant, p, Optional.of(new FieldAssistance("Cán Bộ", "Thôn 2"))),
                    Role.COMMUNITY_ASSISTANT, assistant.now()).id();
        }
        shell = new Shell(display);
        shell.setSize(1000, 800);
    }

    private static IntakeRequest request(Desk desk, Procedure p, Optional<FieldAssistance> assistance) {
        Applicant a = Applicant.citizen("Trần Văn Bình", CitizenId.parse("001085012345", null), LocalDate.of(1985, 1, 2),
                "0912345678", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 2"));
        return new IntakeRequest(p, a, p.requiredDocuments().stream().map(ReceivedDocument::of).toList(), 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, desk.now(), desk.username(), assistance, "");
    }

    @AfterEach
    void close() {
        shell.dispose();
    }

    private DossierDetailView view(Desk desk, UUID id) {
        for (var c : shell.getChildren()) {
            c.dispose();
        }
        shell.setLayout(new org.eclipse.swt.layout.FillLayout());
        DossierDetailView view = new DossierDetailView(shell, desk, id);
        shell.layout(true, true);
        shell.open();
        return view;
    }

    @Test
    void aCommunityAssistantSeesNeitherRefuseNorMarkDone() {
        try (Desk assistant = TestDesks.login(dir, Role.COMMUNITY_ASSISTANT)) {
            view(assistant, processing);
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            view(assistant, collected);
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
            assertTrue(Widgets.labels(shell).contains(
                    "Vai trò của bạn (Tổ công nghệ số cộng đồng) không có thao tác nào với hồ sơ này lúc này."),
                    Widgets.labels(shell).toString());
        }
    }

    @Test
    void officersSeeTheButtonsOfTheirRoleAndTheTimeline() {
        try (Desk receiving = TestDesks.login(dir, Role.RECEIVING_OFFICER)) {
            view(receiving, collected);
            assertTrue(has(shell, Button.class, "action.REFUSE"));
            assertTrue(has(shell, Button.class, "action.RECEIVE"));
            assertFalse(has(shell, Button.class, "action.MARK_DONE"));
        }
        try (Desk processor = TestDesks.login(dir, Role.PROCESSING_OFFICER)) {
            DossierDetailView view = view(processor, processing);
            assertTrue(has(shell, Button.class, "action.MARK_DONE"));
            assertFalse(has(shell, Button.class, "action.REFUSE"));
            Table timeline = named(shell, Table.class, "detail.timeline.table");
            assertEquals(2, timeline.getItemCount());
            assertEquals("Chuyển xử lý", timeline.getItem(1).getText(1));
            assertTrue(named(shell, Label.class, "detail.head").getText().contains("Đang xử lý"));

            var job = new ActionRunner(processor, processor.store().dossier(processing).orElseThrow(),
                    DossierAction.MARK_DONE, view).run(new ActionRunner.Answer("receiving.officer", "", 0));
            try {
                Widgets.settle(display, job, () -> named(shell, Label.class, "detail.feedback").getText().startsWith("Đã"));
            } catch (InterruptedException e) {
                throw new AssertionError(e);
            }
            assertEquals("Đã thực hiện: Hoàn thành xử lý.", named(shell, Label.class, "detail.feedback").getText());
            assertEquals(DossierStatus.DONE, processor.store().dossier(processing).orElseThrow().status());
            assertFalse(has(shell, Button.class, "action.MARK_DONE"), "the view shows the new status's actions");
            assertEquals(3, named(shell, Table.class, "detail.timeline.table").getItemCount());
        }
    }
}
