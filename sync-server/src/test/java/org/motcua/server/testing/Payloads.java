package org.motcua.server.testing;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.protocol.events.DossierReceived;

/** Realistic event payloads built with the protocol's own schema records. */
public final class Payloads {

    private Payloads() {
    }

    public static String code(String unitCode, String yymmdd, int number) {
        return unitCode + "-" + yymmdd + "-" + String.format("%04d", number);
    }

    /** A dossier received at the desk (status 2) or in the field (status 1). */
    public static ObjectNode received(String dossierId, String dossierCode, List<String> attachments, int status) {
        return new DossierReceived(dossierId, dossierCode, new DossierReceived.Procedure("1.001234", 3, "Hộ tịch"),
                new DossierReceived.Applicant("CITIZEN", "Nguyễn Văn An", Optional.of("001090012345"), Optional.of("1990-01-02"),
                        "0912345678", "an@example.invalid", new DossierReceived.Address("Hà Nội", "Hòa Bình", "Thôn 3, xóm Đông"),
                        Optional.empty()),
                List.of(new DossierReceived.Document("Tờ khai đăng ký khai sinh", "ORIGINAL", 1),
                        new DossierReceived.Document("Giấy chứng sinh", "CERTIFIED_COPY", 1)), 1, 1, "COUNTER",
                "2025-05-31T08:15:30.123+07:00", "2025-06-05T17:00:00.000+07:00", new DossierReceived.Register("2025-M1", 7), status,
                "officer-07", Optional.empty(), "Công dân nộp trực tiếp", Sha256.hex(dossierId.getBytes()), attachments).toJson();
    }

    public static ObjectNode action(String dossierId, String dossierCode, int step, String action, int status, String at,
            String newDueAt) {
        return new DossierActionTaken(dossierId, dossierCode, step, action, status, "officer-07", "officer-12", at, Optional.empty(),
                Optional.of("ON_TIME"), Optional.ofNullable(newDueAt), "Thiếu bản sao CCCD").toJson();
    }
}
