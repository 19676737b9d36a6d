package org.motcua.print;

import static org.motcua.print.PdfChecks.assertContains;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

/** The label on the envelope of a result sent by post: sender, recipient, the dossier code and tracking number. */
class EnvelopeLabelTest {

    @Test
    void theLabelNamesTheSenderTheRecipientAndTheTrackingNumber() throws Exception {
        PrintedForm label = FormFixtures.forms().envelopeLabel(new EnvelopeLabelData(FormFixtures.dossier(), "EE123456789VN",
                "0203 3856 789", LocalDateTime.of(2026, 3, 13, 9, 0)));
        assertEquals(FormKind.ENVELOPE_LABEL, label.kind());
        String t = PdfChecks.text(label);
        assertContains(t, "Nơi gửi: UBND XÃ MẪU THUẬN Bộ phận Một cửa Điện thoại: 0203 3856 789");
        assertContains(t, "Nơi nhận: NGUYỄN THỊ NGỌC ÁNH Thôn Đồng Xuân, số nhà 12, Xã Mẫu Thuận, Tỉnh Mẫu");
        assertContains(t, "Điện thoại: 0912 345 678");
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertContains(t, "Mã vận đơn: EE123456789VN");
        assertFalse(t.contains("null"));
        assertTrue(PdfChecks.pageTexts(label).size() == 1, "one label, one sheet");
        PdfChecks.assertNoInkOutside(label, PageGeometry.OFFICIAL_A4, 72);
    }
}
