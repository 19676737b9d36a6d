package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.motcua.print.PdfChecks.assertContains;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.motcua.print.OnTimeReportData.Grouping;
import org.motcua.print.OnTimeReportData.Row;

class OnTimeReportPdfTest {

    private static final LocalDate FROM = LocalDate.of(2026, 3, 1);
    private static final LocalDate TO = LocalDate.of(2026, 3, 31);
    private static final LocalDateTime AS_OF = LocalDateTime.of(2026, 4, 2, 9, 0);

    private static ReportPdf reports() throws Exception {
        return ReportPdf.create(FormSettings.of(FormFixtures.unit()));
    }

    @Test
    void printsTheVietnameseHeadersTheCountsTheRatesAndTheTotal() throws Exception {
        OnTimeReportData data = new OnTimeReportData(FROM, TO, Grouping.PROCEDURE, List.of(
                new Row("Đăng ký khai sinh", 4, 1, 1), new Row("Đăng ký kết hôn", 0, 2, 0)), AS_OF);
        PrintedForm pdf = reports().onTime(data);

        assertEquals(FormKind.ON_TIME_REPORT, pdf.kind());
        assertEquals("baocao-dunghan-20260301-20260331.pdf", pdf.fileName());
        String text = PdfChecks.text(pdf);
        assertContains(text, "BÁO CÁO TÌNH HÌNH GIẢI QUYẾT HỒ SƠ THEO THỜI HẠN");
        assertContains(text, "Hồ sơ có kết quả từ ngày 01/03/2026 đến ngày 31/03/2026");
        assertContains(text, "Thủ tục hành chính");
        assertContains(text, "Sớm hạn");
        assertContains(text, "Đúng hạn");
        assertContains(text, "Trễ hạn");
        assertContains(text, "Tỷ lệ đúng hạn (%)");
        assertContains(text, "1 Đăng ký khai sinh 4 1 1 6 83,3 16,7");
        assertContains(text, "2 Đăng ký kết hôn 0 2 0 2 100,0 0,0");
        assertContains(text, "Tổng cộng 4 3 1 8 87,5 12,5");
        assertContains(text, "Mẫu Thuận, ngày 02 tháng 4 năm 2026");
        assertFalse(text.contains("Mẫu số"), "a report is not a numbered form");
        PdfChecks.assertNoInkOutside(pdf, PageGeometry.OFFICIAL_A4, 50);
    }

    @Test
    void anEmptyRangeSaysSoAndALongReportRepeatsTheHeaderOnEveryPage() throws Exception {
        String empty = PdfChecks.text(reports().onTime(new OnTimeReportData(FROM, TO, Grouping.MONTH, List.of(), AS_OF)));
        assertContains(empty, "(Không có hồ sơ nào có kết quả trong khoảng thời gian này)");

        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < 80; i++) {
            rows.add(new Row("Thủ tục số " + i + " với một cái tên dài cần xuống dòng trong ô của bảng báo cáo", i, 1, i % 3));
        }
        PrintedForm pdf = reports().onTime(new OnTimeReportData(FROM, TO, Grouping.FIELD, rows, AS_OF));
        List<String> pages = PdfChecks.pageTexts(pdf);
        assertEquals(pdf.pages(), pages.size());
        assertFalse(pages.size() < 3, "80 wrapped rows fill several pages: " + pages.size());
        for (String page : pages.stream().filter(p -> p.contains("Thủ tục số")).toList()) {
            assertContains(page, "Lĩnh vực");
            assertContains(page, "Tỷ lệ trễ hạn (%)");
        }
        PdfChecks.assertNoInkOutside(pdf, PageGeometry.OFFICIAL_A4, 50);
    }
}
