package org.motcua.print.internal;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.calendar.ProcessingTime;
import org.motcua.core.catalogue.DocumentForm;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.catalogue.SampleCommune;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.numbering.DossierCode;
import org.motcua.print.ReceiptData;

/**
 * A made-up receipt of the demo commune, shaped like a real one (three documents, a long address), that the
 * warm-up prints to nowhere. Built by hand rather than from the sample catalogue so the warm-up does not also
 * pay for reading the catalogue.
 */
public final class SampleForms {

    private SampleForms() {
    }

    public static ReceiptData receipt() {
        Procedure p = new Procedure("1.001193", true, 1, "Thủ tục đăng ký khai sinh", "ho_tich", "Hộ tịch",
                ProcessingTime.workingDays(1), false, Optional.empty(), "", List.of(
                        new RequiredDocument("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, 1, true, ""),
                        new RequiredDocument("Giấy chứng sinh", DocumentForm.ORIGINAL, 1, true, "")),
                Optional.empty(), "UBND xã", true);
        LocalDateTime at = LocalDateTime.of(2026, 3, 9, 9, 15);
        Applicant a = new Applicant(ApplicantKind.CITIZEN, "Nguyễn Thị Ngọc Ánh", Optional.empty(), Optional.empty(),
                "0912345678", "", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn Đồng Xuân, số nhà 12, ngõ 3"),
                Optional.empty());
        Dossier d = new Dossier(UUID.fromString("7f1c1e52-2f8b-4c7e-9b3a-5d0f6a1e2b3c"),
                new DossierCode(SampleCommune.DEMO.unitCode(), at.toLocalDate(), 1), p.code(), 1, p.fieldCode(), a,
                List.of(new ReceivedDocument("Tờ khai đăng ký khai sinh", DocumentForm.ORIGINAL, 1),
                        new ReceivedDocument("Giấy chứng sinh", DocumentForm.ORIGINAL, 1),
                        new ReceivedDocument("Căn cước của người yêu cầu", DocumentForm.ORIGINAL_SHOWN, 1)),
                1, Channel.IN_PERSON, ResultDelivery.COUNTER, at, LocalDateTime.of(LocalDate.of(2026, 3, 10),
                        at.toLocalTime()), Optional.empty(), "2026-M1", 1, DossierStatus.RECEIVED, "tiepnhan1",
                Optional.empty(), "");
        return new ReceiptData(d, p, "Trần Văn Bình", "7KQX2M4P");  // a sample token, as the store would give one
    }
}
