package org.motcua.print;

import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.AuthorisedPerson;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Timeliness;
import org.motcua.core.numbering.DossierCode;

/** Dossiers, procedures and handovers built directly (the print bundle cannot use the store). */
final class FormFixtures {

    /** The lookup token the store would have given the dossier at intake (the receipt only prints it). */
    static final String TOKEN = "7KQX2M4P";

    /** A receipt of {@code d} with {@link #TOKEN}. */
    static ReceiptData receiptData(Dossier d, Procedure p, String officerName) {
        return new ReceiptData(d, p, officerName, TOKEN);
    }

    static final String UNIT_CODE = "000.00.99.H99";
    static final LocalDateTime RECEIVED = LocalDateTime.of(2026, 3, 9, 9, 15);
    static final LocalDateTime DUE = LocalDateTime.of(2026, 3, 12, 16, 30);
    static final UUID ID = UUID.fromString("3b0c7a8e-52d1-4f7e-9c8a-1d2e3f405162");

    private FormFixtures() {
    }

    static IssuingUnit unit() {
        return new IssuingUnit("UBND tỉnh Mẫu", "UBND xã Mẫu Thuận", "Mẫu Thuận", "");
    }

    static OneStopForms forms() throws Exception {
        return OneStopForms.create(FormSettings.of(unit()));
    }

    static Procedure marriage() {
        return new Procedure("1.000894", true, 1, "Thủ tục đăng ký kết hôn", "ho_tich", "Hộ tịch",
                ProcessingTime.workingDays(3), false, Optional.empty(), "",
                List.of(new RequiredDocument("Tờ khai đăng ký kết hôn", DocumentForm.ORIGINAL, 1, true, "")),
                Optional.empty(), "Ủy ban nhân dân xã Mẫu Thuận", true);
    }

    static Applicant applicant() {
        return new Applicant(ApplicantKind.CITIZEN, "Nguyễn Thị Ngọc Ánh", Optional.empty(), Optional.empty(),
                "0912 345 678", "anh.nguyen@example.vn",
                new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn Đồng Xuân, số nhà 12"), Optional.empty());
    }

    static List<ReceivedDocument> documents() {
        return List.of(new ReceivedDocument("Tờ khai đăng ký kết hôn", DocumentForm.ORIGINAL, 1),
                new ReceivedDocument("Giấy xác nhận tình trạng hôn nhân", DocumentForm.ORIGINAL, 2),
                new ReceivedDocument("Trích lục ghi chú ly hôn", DocumentForm.CERTIFIED_COPY, 1));
    }

    static Dossier dossier() {
        return dossier(ID, 1, applicant(), documents(), DossierStatus.RECEIVED, RECEIVED, DUE, Optional.empty());
    }

    static Dossier dossier(UUID id, int sequence, Applicant a, List<ReceivedDocument> docs, DossierStatus status,
            LocalDateTime received, LocalDateTime due, Optional<LocalDateTime> finished) {
        return new Dossier(id, new DossierCode(UNIT_CODE, received.toLocalDate(), sequence), "1.000894", 1, "ho_tich",
                a, docs, 2, Channel.IN_PERSON, ResultDelivery.COUNTER, received, due, finished, "2026-M1", 37 + sequence,
                status, "tiepnhan1", Optional.empty(), "");
    }

    /** An applicant with no phone, email or address: the optional fields print as dotted lines. */
    static Applicant bareApplicant() {
        return new Applicant(ApplicantKind.CITIZEN, "Lê Văn Út", Optional.empty(), Optional.empty(), "", "", Address.NONE,
                Optional.empty());
    }

    /** Everything as long as intake allows: names, address, document names; filed through an authorised person. */
    static Dossier longDossier() {
        String name = "Tôn Nữ Hoàng Thị Phương Khánh Ngọc Diễm Quỳnh Như Ý Huyền Trân Bảo Châu Mỹ Lệ Thanh Thủy "
                + "Xuân Hương Thu Hà Đông Nghi Minh Nguyệt Hồng Nhung Phượng Vỹ Kiều Oanh Thị Hạnh";
        String detail = "Tổ dân phố số 17, khu phố Đông Hưng Thuận, đường Nguyễn Văn Quá kéo dài, hẻm 1141/27/5B, "
                + "căn hộ tầng 12 phòng 1208 chung cư Hoàng Anh Gia Lai Riverside, gần chợ Bến Thành cũ, ".repeat(2)
                + "đối diện Trường Trung học phổ thông chuyên Lê Hồng Phong";
        Applicant a = new Applicant(ApplicantKind.CITIZEN, name, Optional.empty(), Optional.empty(), "+84912345678",
                "mot.dia.chi.thu.dien.tu.rat.dai.cua.nguoi.nop.ho.so.tai.xa.mau.thuan@mot-ten-mien-rat-dai.example.vn",
                new Address("Tỉnh Mẫu (dữ liệu mẫu có tên rất dài để kiểm tra)", "Xã Mẫu Thuận Đông Bắc Thượng", detail),
                Optional.of(new AuthorisedPerson("Trần Quốc Khánh Hưng Thịnh Phát Đạt Vượng", Optional.empty(), "")));
        List<ReceivedDocument> docs = new ArrayList<>();
        for (int i = 1; i <= 14; i++) {
            docs.add(new ReceivedDocument(("Giấy tờ số " + i + ": bản trích lục, văn bản xác nhận hoặc giấy "
                    + "chứng nhận do cơ quan có thẩm quyền cấp, kèm theo bản dịch có chứng thực nếu bằng tiếng "
                    + "nước ngoài ").repeat(i % 3 + 1) + "X".repeat(90), DocumentForm.values()[i % 6], i));
        }
        return dossier(UUID.fromString("0f0e0d0c-0b0a-4908-8706-050403020100"), 9999, a, docs, DossierStatus.RECEIVED,
                RECEIVED, DUE, Optional.empty());
    }

    static List<HandoverRecord> handovers(Dossier d) {
        return List.of(
                handover(d, 2, DossierAction.HAND_OVER_FOR_PROCESSING, DossierStatus.PROCESSING, "tiepnhan1", "xuly1",
                        RECEIVED.plusHours(2), Optional.of(RECEIVED.plusHours(4)), Optional.of(Timeliness.EARLY), ""),
                handover(d, 1, DossierAction.RECEIVE, DossierStatus.RECEIVED, "", "tiepnhan1", RECEIVED,
                        Optional.empty(), Optional.empty(), ""),
                handover(d, 3, DossierAction.FORWARD_WITHIN_PROCESSING, DossierStatus.PROCESSING, "xuly1", "lanhdao1",
                        RECEIVED.plusDays(1), Optional.of(RECEIVED.plusDays(1)), Optional.of(Timeliness.ON_TIME),
                        "Trình ký"),
                handover(d, 4, DossierAction.MARK_DONE, DossierStatus.DONE, "lanhdao1", "tiepnhan1",
                        DUE.plusHours(20), Optional.of(DUE), Optional.of(Timeliness.LATE), "Chờ xác minh"));
    }

    static HandoverRecord handover(Dossier d, int step, DossierAction action, DossierStatus status, String from,
            String to, LocalDateTime at, Optional<LocalDateTime> deadline, Optional<Timeliness> timeliness, String note) {
        return new HandoverRecord(d.id(), step, action, status, from, to, at, deadline, timeliness, Optional.empty(),
                note);
    }
}
