package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.print.PdfChecks.assertContains;

import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.cos.COSName;
import org.junit.jupiter.api.Test;
import org.motcua.core.dossier.Dossier;

class ReceiptFormTest {

    @Test
    void everyFieldOfTheReceiptIsPrintedWithItsDiacritics() throws Exception {
        Dossier d = FormFixtures.dossier();
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "Trần Văn Bình"));
        String token = FormFixtures.TOKEN;

        assertEquals(FormKind.RECEIPT, form.kind());
        assertEquals("mau01-000.00.99.H99-260309-0001.pdf", form.fileName());
        List<String> pages = PdfChecks.pageTexts(form);
        assertEquals(2, pages.size(), "two copies, one page each");
        for (String t : pages) {
            assertContains(t, "UBND TỈNH MẪU");
            assertContains(t, "UBND XÃ MẪU THUẬN");
            assertContains(t, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
            assertContains(t, "Độc lập - Tự do - Hạnh phúc");
            assertContains(t, "Mẫu số 01");
            assertContains(t, "Số: 38/2026-M1");
            assertContains(t, "Mẫu Thuận, ngày 09 tháng 3 năm 2026");
            assertContains(t, "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ");
            assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
            assertContains(t, "Mã tra cứu: " + token);
            assertContains(t, "Bộ phận Một cửa UBND xã Mẫu Thuận tiếp nhận hồ sơ của: Nguyễn Thị Ngọc Ánh");
            assertContains(t, "Địa chỉ: Thôn Đồng Xuân, số nhà 12, Xã Mẫu Thuận, Tỉnh Mẫu");
            assertContains(t, "Số điện thoại: 0912 345 678 Thư điện tử: anh.nguyen@example.vn");
            assertContains(t, "Nội dung yêu cầu giải quyết: Thủ tục đăng ký kết hôn");
            assertContains(t, "1. Thành phần hồ sơ nộp gồm:");
            assertContains(t, "STT Tên giấy tờ");
            assertContains(t, "1 Tờ khai đăng ký kết hôn bản chính 1");
            assertContains(t, "2 Giấy xác nhận tình trạng hôn nhân bản chính 2");
            assertContains(t, "3 Trích lục ghi chú ly hôn bản sao có chứng thực 1");
            assertContains(t, "2. Số lượng hồ sơ: 2 (bộ)");
            assertContains(t, "3. Thời gian giải quyết hồ sơ theo quy định là: 03 ngày làm việc");
            assertContains(t, "4. Thời gian nhận hồ sơ: 09 giờ 15 phút, ngày 09 tháng 3 năm 2026");
            assertContains(t, "5. Thời gian trả kết quả giải quyết hồ sơ: 16 giờ 30 phút, ngày 12 tháng 3 năm 2026");
            assertContains(t, "6. Đăng ký nhận kết quả: tại Bộ phận Một cửa");
            assertContains(t, "Vào Sổ theo dõi hồ sơ, Quyển số: 2026-M1, Số thứ tự: 38");
            // text comes out in drawing order: the applicant's signature box, then the officer's
            assertContains(t, "NGƯỜI NỘP HỒ SƠ (Ký và ghi rõ họ tên) Nguyễn Thị Ngọc Ánh");
            assertContains(t, "NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) Trần Văn Bình");
            assertFalse(t.contains("null"), t);
            assertFalse(t.contains("["), "no wording key is missing: " + t);
        }
        assertContains(pages.get(0), "(Liên 1: Giao người nộp hồ sơ)");
        assertContains(pages.get(1), "(Liên 2: Lưu tại Bộ phận Một cửa)");
    }

    @Test
    void emptyOptionalFieldsPrintAsDottedLinesNeverNull() throws Exception {
        Dossier d = FormFixtures.dossier(FormFixtures.ID, 2, FormFixtures.bareApplicant(), List.of(),
                org.motcua.core.lifecycle.DossierStatus.RECEIVED, FormFixtures.RECEIVED, FormFixtures.DUE,
                java.util.Optional.empty());
        String t = PdfChecks.text(FormFixtures.forms().receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "")));
        assertContains(t, "Địa chỉ: …………………………");
        assertContains(t, "Số điện thoại: ………………………… Thư điện tử: …………………………");
        assertContains(t, "(Không có giấy tờ kèm theo)");
        assertContains(t, "NGƯỜI NỘP HỒ SƠ (Ký và ghi rõ họ tên) Lê Văn Út");
        assertContains(t, "NGƯỜI TIẾP NHẬN HỒ SƠ (Ký và ghi rõ họ tên) …………………………");
        assertFalse(t.contains("null"), t);
    }

    @Test
    void theQrCodeOnTheRenderedReceiptGivesBackTheDossierCodeAndToken() throws Exception {
        Dossier d = FormFixtures.dossier();
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "Trần Văn Bình"));
        for (int page = 0; page < 2; page++) {
            String payload = PdfChecks.decodeQr(form, page, 150);
            assertEquals("000.00.99.H99-260309-0001|" + FormFixtures.TOKEN, payload);
            assertEquals(d.code().format(), payload.substring(0, payload.indexOf('|')));
        }
    }

    @Test
    void withTheProvincesLookupPageTheQrCodeOpensItWithCodeAndToken() throws Exception {
        Dossier d = FormFixtures.dossier();
        PrintedForm form = FormFixtures.forms().receipt(new ReceiptData(d, FormFixtures.marriage(), "Trần Văn Bình",
                FormFixtures.TOKEN, java.util.Optional.of("https://motcua.tinh.gov.vn/tra-cuu")));
        for (int page = 0; page < 2; page++) {
            assertEquals("https://motcua.tinh.gov.vn/tra-cuu?code=000.00.99.H99-260309-0001&token=" + FormFixtures.TOKEN,
                    PdfChecks.decodeQr(form, page, 150));
        }
        assertContains(PdfChecks.text(form), FormFixtures.TOKEN);
    }

    @Test
    void aDossierRestoredFromTheProvinceHasNoTokenSoItsReceiptPrintsTheCodeAlone() throws Exception {
        Dossier d = FormFixtures.dossier();
        PrintedForm form = FormFixtures.forms().receipt(new ReceiptData(d, FormFixtures.marriage(), "Trần Văn Bình", "",
                java.util.Optional.of("https://motcua.tinh.gov.vn/tra-cuu")));
        for (int page = 0; page < 2; page++) {
            assertEquals("000.00.99.H99-260309-0001", PdfChecks.decodeQr(form, page, 150), "no lookup link without a token");
        }
        String t = PdfChecks.text(form);
        assertContains(t, "Mã hồ sơ: 000.00.99.H99-260309-0001");
        assertFalse(t.contains("Mã tra cứu"), t);
    }

    @Test
    void theFontIsLiberationSerifEmbeddedAsASubset() throws Exception {
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(),
                "Trần Văn Bình"));
        try (PDDocument doc = Loader.loadPDF(form.pdf())) {
            int fonts = 0;
            for (PDPage page : doc.getPages()) {
                for (COSName name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    fonts++;
                    assertTrue(font.isEmbedded(), font.getName() + " is embedded");
                    assertTrue(font.getName().matches("[A-Z]{6}\\+LiberationSerif.*"), "a subset: " + font.getName());
                }
            }
            assertTrue(fonts >= 3, "regular, bold and italic");
        }
        assertTrue(form.pdf().length < 150_000, "subsets keep a receipt small: " + form.pdf().length + " bytes");
    }

    @Test
    void longNamesAddressesAndDocumentListsWrapAndNeverCrossTheMargins() throws Exception {
        Dossier d = FormFixtures.longDossier();
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(d, FormFixtures.marriage(), "Trần Văn Bình"));
        assertTrue(form.pages() > 2, "each copy of a receipt with 14 long documents takes more than a page: "
                + form.pages());
        PdfChecks.assertNoInkOutside(form, PageGeometry.OFFICIAL_A4, 72);
        String joined = PdfChecks.text(form).replace(" ", "");
        assertContains(joined, ("Địachỉ:" + d.applicant().address().oneLine()).replace(" ", ""));
        assertContains(joined, d.applicant().fullName().replace(" ", ""));
        assertContains(joined, "Ngườinộpthay:TrầnQuốcKhánhHưngThịnhPhátĐạtVượng");
        assertContains(joined, d.applicant().email());
        assertTrue(PdfChecks.decodeQr(form, 0, 150).startsWith("000.00.99.H99-260309-9999|"));
    }

    @Test
    void savedAsPdfAndRenderedForThePreview(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        PrintedForm form = FormFixtures.forms().receipt(FormFixtures.receiptData(FormFixtures.dossier(), FormFixtures.marriage(),
                "Trần Văn Bình"));
        Path saved = form.saveTo(dir.resolve("in"));
        assertEquals(form.fileName(), saved.getFileName().toString());
        assertTrue(java.util.Arrays.equals(form.pdf(), java.nio.file.Files.readAllBytes(saved)));
        var image = FormPreview.render(form, 0, 100);
        assertEquals(Math.round(595.28f * 100 / 72), image.getWidth(), 1);
        // a PNG for a person to look at, when asked for with -Dmotcua.receipt.png=<file>
        String png = System.getProperty("motcua.receipt.png", "");
        if (!png.isBlank()) {
            ImageIO.write(FormPreview.render(form, 0, 110), "png", Path.of(png).toFile());
        }
    }
}
