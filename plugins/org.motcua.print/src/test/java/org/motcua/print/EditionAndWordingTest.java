package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.motcua.print.PdfChecks.assertContains;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.dossier.Dossier;

/** The 2018 set selectable per unit, and a province's own wording without a code change. */
class EditionAndWordingTest {

    private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 2, 3, 8, 0);

    @Test
    void the2018EditionUsesItsWordingAndNumbering() throws Exception {
        OneStopForms forms = OneStopForms.create(new FormSettings(FormFixtures.unit(), FormEdition.EDITION_2018,
                Optional.empty()));
        Dossier d = FormFixtures.dossier();
        String receipt = PdfChecks.text(forms.receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "Trần Văn Bình")));
        assertContains(receipt, "Mẫu số 01");
        assertContains(receipt, "Bộ phận Tiếp nhận và Trả kết quả UBND xã Mẫu Thuận tiếp nhận hồ sơ của: Nguyễn Thị"
                + " Ngọc Ánh");
        String apology = PdfChecks.text(forms.apology(new ApologyData(d, FormFixtures.marriage(), FormFixtures.DUE,
                FormFixtures.DUE.plusDays(5), "Chờ kết quả xác minh", "Hoàng Minh Đức", ISSUED)));
        assertContains(apology, "PHIẾU XIN LỖI VÀ HẸN LẠI NGÀY TRẢ KẾT QUẢ");
        assertContains(apology, "Mẫu Thuận, ngày 03 tháng 02 năm 2026");
        assertContains(apology, "xin lỗi Ông/Bà và sẽ trả kết quả giải quyết hồ sơ cho Ông/Bà vào 16 giờ 30 phút, ngày 17"
                + " tháng 3 năm 2026.");
        String slip = PdfChecks.text(forms.controlSlip(new ControlSlipData(d, FormFixtures.marriage(),
                FormFixtures.handovers(d), Map.of())));
        assertContains(slip, "Mẫu số 05");
        String register = PdfChecks.text(forms.register(RegisterBookFormTest.register(3)));
        assertContains(register, "Mẫu số 06");
        String stop = PdfChecks.text(forms.stopNotice(new StopNoticeData(d, FormFixtures.marriage(), "Lý do", "",
                ISSUED)));
        assertFalse(stop.contains("Mẫu số"), "the 2018 set has no notice of stopping: no number is printed");
        assertContains(stop, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
    }

    @Test
    void aProvinceChangesWordingWithAFileInItsDirectory(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("forms-2025.properties"), """
                # Tỉnh Mẫu: tên bộ phận và cách ghi tháng
                desk.name=Trung tâm Phục vụ hành chính công xã
                date.place={place}, ngày {dd} tháng {MM} năm {yyyy}
                receipt.copy.1=(Liên 1: Giao công dân)
                """, StandardCharsets.UTF_8);
        OneStopForms forms = OneStopForms.create(new FormSettings(FormFixtures.unit(), FormEdition.EDITION_2025,
                Optional.of(dir)));
        String t = PdfChecks.text(forms.receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(), "")));
        assertContains(t, "Trung tâm Phục vụ hành chính công xã UBND xã Mẫu Thuận tiếp nhận hồ sơ của");
        assertContains(t, "Mẫu Thuận, ngày 09 tháng 03 năm 2026");
        assertContains(t, "(Liên 1: Giao công dân)");
        assertContains(t, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
    }

    @Test
    void aUnitsOwnDeskNameWinsOverTheEditionsWording() throws Exception {
        IssuingUnit unit = new IssuingUnit("", "UBND phường Mẫu Hòa", "Mẫu Hòa",
                "Trung tâm Phục vụ hành chính công phường Mẫu Hòa");
        String t = PdfChecks.text(OneStopForms.create(FormSettings.of(unit)).refusal(new RefusalData(
                FormFixtures.dossier(), FormFixtures.marriage(), "Không thuộc thẩm quyền", "", ISSUED)));
        assertContains(t, "Qua xem xét, Trung tâm Phục vụ hành chính công phường Mẫu Hòa thông báo không tiếp nhận");
        assertContains(t, "UBND PHƯỜNG MẪU HÒA");
        assertEquals(-1, t.indexOf("UBND TỈNH"));
    }
}
