package org.motcua.print;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.motcua.core.dossier.Dossier;

/** Every form, filled with the longest values intake allows, renders without ink outside the printable area. */
class AllFormsMarginsTest {

    interface Make {
        PrintedForm make(OneStopForms forms) throws Exception;
    }

    static Stream<Arguments> forms() {
        Dossier d = FormFixtures.longDossier();
        String reason = "Lý do rất dài được ghi lại đầy đủ để kiểm tra việc xuống dòng trong phiếu. ".repeat(12);
        LocalDateTime at = LocalDateTime.of(2026, 3, 11, 14, 5);
        return Stream.of(
                Arguments.of("01", (Make) f -> f.receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "Trần Văn Bình"))),
                Arguments.of("02", (Make) f -> f.supplementRequest(new SupplementRequestData(d, FormFixtures.marriage(),
                        List.of(reason, reason, "Z".repeat(300)), reason, "Phạm Thị Hương", "0203 3856 789", at))),
                Arguments.of("03", (Make) f -> f.refusal(new RefusalData(d, FormFixtures.marriage(), reason, "", at))),
                Arguments.of("04", (Make) f -> f.apology(new ApologyData(d, FormFixtures.marriage(), FormFixtures.DUE,
                        FormFixtures.DUE.plusDays(4), reason, "Hoàng Minh Đức", at))),
                Arguments.of("05", (Make) f -> f.stopNotice(new StopNoticeData(d, FormFixtures.marriage(), reason, "",
                        at))),
                Arguments.of("06", (Make) f -> f.controlSlip(new ControlSlipData(d, FormFixtures.marriage(),
                        FormFixtures.handovers(d), Map.of("tiepnhan1", d.applicant().fullName())))));
    }

    @ParameterizedTest(name = "form {0}")
    @MethodSource("forms")
    void nothingCrossesTheMargins(String number, Make make) throws Exception {
        PrintedForm form = make.make(FormFixtures.forms());
        PdfChecks.assertNoInkOutside(form, PageGeometry.OFFICIAL_A4, 72);
        String text = PdfChecks.text(form);
        org.junit.jupiter.api.Assertions.assertFalse(text.contains("null"), text);
        PdfChecks.assertContains(text, "Mẫu số " + number);
    }
}
