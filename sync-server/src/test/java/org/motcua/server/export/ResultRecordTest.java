package org.motcua.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;
import org.motcua.server.testing.Payloads;

/** A dossier done with its digitised result lists that result in DongBoHoSoMC's DanhSachGiayToKetQua. */
class ResultRecordTest {

    @Test
    void theResultsScanIsListedUnderItsNumber() throws Exception {
        String id = "c2b4d6e8-0a1c-4e3f-8a5b-7c9d1e3f5a7b";
        String code = "000.00.07.H99-250531-0001";
        DossierReceived r = DossierReceived.read(Payloads.received(id, code, List.of(), 2));
        String sha = "ab".repeat(32);
        DossierActionTaken done = new DossierActionTaken(id, code, 2, "MARK_DONE", 9, "xuly1", "tiepnhan1",
                "2025-06-02T09:00:00.000+07:00", Optional.empty(), Optional.of("ON_TIME"), Optional.empty(), "",
                Optional.empty(), Optional.of(new DossierActionTaken.DigitisedResult("15/GKS",
                        List.of(new AttachmentsAdded.Attachment(sha, "application/pdf", 31, "Giấy khai sinh", "gks.pdf")))));
        JsonNode record = NationalRecords.dossier(new NationalRecords.Facts(r, "UBND xã Mẫu", "Đăng ký khai sinh"),
                List.of(new NationalRecords.Step("e1", done)));
        assertEquals(new ObjectMapper().readTree("[{\"GiayToId\":\"" + sha + "\",\"TenGiayTo\":\"Giấy khai sinh số 15/GKS\","
                + "\"MaThanhPhanHoSo\":\"\",\"DuongDanTepTinKetQua\":\"\"}]"), record.get("DanhSachGiayToKetQua"));
    }
}
