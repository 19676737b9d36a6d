package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.print.PdfChecks.assertContains;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.motcua.core.dossier.Dossier;

class ControlSlipFormTest {

    @Test
    void oneRowPerHandoverInStepOrderWithOfficersAndTimeliness() throws Exception {
        Dossier d = FormFixtures.dossier();
        PrintedForm form = FormFixtures.forms().controlSlip(new ControlSlipData(d, FormFixtures.marriage(),
                FormFixtures.handovers(d), Map.of("tiepnhan1", "Trần Văn Bình", "xuly1", "Phạm Thị Hương")));
        String t = PdfChecks.text(form);
        assertContains(t, "Mẫu số 06");
        assertContains(t, "PHIẾU KIỂM SOÁT QUÁ TRÌNH GIẢI QUYẾT HỒ SƠ");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "(Kèm theo hồ sơ của: Nguyễn Thị Ngọc Ánh)");
        assertContains(t, "Thủ tục hành chính: Thủ tục đăng ký kết hôn");
        assertContains(t, "Ngày nhận hồ sơ: 09 giờ 15 phút, ngày 09 tháng 3 năm 2026; hẹn trả kết quả: 16 giờ 30 phút,"
                + " ngày 12 tháng 3 năm 2026");
        assertContains(t, "Cơ quan (bộ phận) giải quyết hồ sơ: Ủy ban nhân dân xã Mẫu Thuận");
        int r1 = t.indexOf("Tiếp nhận hồ sơ");
        int r2 = t.indexOf("Chuyển xử lý");
        int r3 = t.indexOf("Chuyển bước xử lý");
        int r4 = t.indexOf("Hoàn thành xử lý");
        assertTrue(r1 > 0 && r1 < r2 && r2 < r3 && r3 < r4, "rows in step order: " + t);
        assertContains(t, "Người nhận: Trần Văn Bình");
        assertContains(t, "Người giao: Trần Văn Bình");
        assertContains(t, "Người nhận: Phạm Thị Hương");
        assertContains(t, "Người nhận: lanhdao1");
        assertContains(t, "Trước hạn");
        assertContains(t, "Đúng hạn");
        assertContains(t, "Trễ hạn");
        assertContains(t, "Trình ký");
        assertContains(t, "Chờ xác minh");
        assertFalse(t.contains("null"));
        PdfChecks.assertNoInkOutside(form, PageGeometry.OFFICIAL_A4, 72);
    }
}
