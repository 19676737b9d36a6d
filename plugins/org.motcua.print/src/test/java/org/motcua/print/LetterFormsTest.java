package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.motcua.print.PdfChecks.assertContains;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;

/** Forms 02-05: every field, with exact Vietnamese diacritics. */
class LetterFormsTest {

    private static final LocalDateTime ISSUED = LocalDateTime.of(2026, 3, 11, 14, 5);

    @Test
    void form02RequestsTheMissingItemsWithTheReasonAndAContact() throws Exception {
        Dossier d = FormFixtures.dossier();
        HandoverRecord request = new HandoverRecord(d.id(), 2, DossierAction.REQUEST_SUPPLEMENT,
                DossierStatus.SUPPLEMENT_REQUESTED, "tiepnhan1", "", ISSUED, Optional.empty(), Optional.empty(),
                Optional.empty(), "Bản sao Giấy khai sinh của bên nữ\n\nẢnh chân dung 4x6 cm (02 ảnh)");
        SupplementRequestData data = SupplementRequestData.fromHandover(d, FormFixtures.marriage(), request,
                "Phạm Thị Hương", "0203 3856 789");
        assertEquals(List.of("Bản sao Giấy khai sinh của bên nữ", "Ảnh chân dung 4x6 cm (02 ảnh)"), data.missing());
        PrintedForm form = FormFixtures.forms().supplementRequest(new SupplementRequestData(d, data.procedure(),
                data.missing(), "Hồ sơ thiếu giấy tờ theo quy định", data.officerName(), data.contactPhone(),
                data.issuedAt()));
        String t = PdfChecks.text(form);
        assertContains(t, "Mẫu số 02");
        assertContains(t, "Số: ………/………");
        assertContains(t, "Mẫu Thuận, ngày 11 tháng 3 năm 2026");
        assertContains(t, "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ");
        assertContains(t, "Hồ sơ của: Nguyễn Thị Ngọc Ánh");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn");
        assertContains(t, "Sau khi xem xét thành phần hồ sơ, Bộ phận Một cửa đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ"
                + " gồm những nội dung sau:");
        assertContains(t, "1. Bản sao Giấy khai sinh của bên nữ");
        assertContains(t, "2. Ảnh chân dung 4x6 cm (02 ảnh)");
        assertContains(t, "Lý do: Hồ sơ thiếu giấy tờ theo quy định");
        assertContains(t, "Ông/Bà liên hệ với Phạm Thị Hương, số điện thoại 0203 3856 789 để được hướng dẫn.");
        assertContains(t, "NGƯỜI HƯỚNG DẪN (Ký và ghi rõ họ tên) Phạm Thị Hương");
        assertFalse(t.contains("null"));
    }

    @Test
    void form02WithoutReasonOrContactPrintsDottedLines() throws Exception {
        String t = PdfChecks.text(FormFixtures.forms().supplementRequest(new SupplementRequestData(
                FormFixtures.dossier(), FormFixtures.marriage(), List.of(), null, null, null, ISSUED)));
        assertContains(t, "1. …………………………");
        assertContains(t, "Lý do: …………………………");
        assertContains(t, "liên hệ với …………………………, số điện thoại ………………………… để được hướng dẫn.");
        assertFalse(t.contains("null"));
    }

    @Test
    void form03StatesTheReasonForRefusal() throws Exception {
        String t = PdfChecks.text(FormFixtures.forms().refusal(new RefusalData(FormFixtures.dossier(),
                FormFixtures.marriage(), "Hai bên chưa đủ tuổi kết hôn theo Luật Hôn nhân và gia đình",
                "Trần Văn Bình", ISSUED)));
        assertContains(t, "Mẫu số 03");
        assertContains(t, "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ");
        assertContains(t, "Bộ phận Một cửa UBND xã Mẫu Thuận tiếp nhận hồ sơ của: Nguyễn Thị Ngọc Ánh");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn");
        assertContains(t, "Qua xem xét, Bộ phận Một cửa thông báo không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể"
                + " như sau: Hai bên chưa đủ tuổi kết hôn theo Luật Hôn nhân và gia đình");
        assertContains(t, "Xin thông báo cho Ông/Bà được biết và thực hiện./.");
        assertContains(t, "NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Văn Bình");
    }

    @Test
    void form04ApologisesWithTheOldAndNewAppointment() throws Exception {
        String t = PdfChecks.text(FormFixtures.forms().apology(new ApologyData(FormFixtures.dossier(),
                FormFixtures.marriage(), FormFixtures.DUE, LocalDateTime.of(2026, 3, 17, 10, 0),
                "Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây", "Hoàng Minh Đức", ISSUED)));
        assertContains(t, "Mẫu số 04");
        assertContains(t, "VĂN BẢN XIN LỖI VÀ ĐỀ NGHỊ GIA HẠN THỜI GIAN GIẢI QUYẾT");
        assertContains(t, "Kính gửi: Nguyễn Thị Ngọc Ánh");
        assertContains(t, "Ngày 09 tháng 3 năm 2026, UBND xã Mẫu Thuận tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ"
                + " tục hành chính: Thủ tục đăng ký kết hôn.");
        assertFalse(t.contains("Ngày ngày"), "the wording and the date format must not both say ngày");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "Thời hạn trả kết quả giải quyết hồ sơ theo giấy hẹn: 16 giờ 30 phút, ngày 12 tháng 3 năm 2026.");
        assertContains(t, "Lý do: Cần xác minh tình trạng hôn nhân tại nơi cư trú trước đây");
        assertContains(t, "xin lỗi Ông/Bà và đề nghị gia hạn thời gian giải quyết, hẹn trả kết quả vào 10 giờ 00 phút,"
                + " ngày 17 tháng 3 năm 2026.");
        assertContains(t, "THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) Hoàng Minh Đức");
    }

    @Test
    void form05NoticeOfStoppingGivesTheReason() throws Exception {
        String t = PdfChecks.text(FormFixtures.forms().stopNotice(new StopNoticeData(FormFixtures.dossier(),
                FormFixtures.marriage(), "Người yêu cầu đã chết trước khi có kết quả giải quyết", "", ISSUED)));
        assertContains(t, "Mẫu số 05");
        assertContains(t, "THÔNG BÁO DỪNG GIẢI QUYẾT HỒ SƠ");
        assertContains(t, "Kính gửi: Nguyễn Thị Ngọc Ánh");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "Ngày 09 tháng 3 năm 2026, UBND xã Mẫu Thuận tiếp nhận hồ sơ của Ông/Bà đề nghị giải quyết thủ"
                + " tục hành chính: Thủ tục đăng ký kết hôn.");
        assertFalse(t.contains("Ngày ngày"));
        assertContains(t, "UBND xã Mẫu Thuận thông báo dừng giải quyết hồ sơ nêu trên. Lý do: Người yêu cầu đã chết trước"
                + " khi có kết quả giải quyết");
        assertContains(t, "THỦ TRƯỞNG CƠ QUAN (Ký, ghi rõ họ tên và đóng dấu) …………………………");
    }
}
