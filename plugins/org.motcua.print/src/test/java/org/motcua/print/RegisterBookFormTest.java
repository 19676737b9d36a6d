package org.motcua.print;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.motcua.print.PdfChecks.assertContains;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.SampleCatalogueLoader;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ApplicantKind;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.lifecycle.DossierStatus;

class RegisterBookFormTest {

    static final LocalDate FROM = LocalDate.of(2026, 1, 5);
    static final LocalDateTime AS_OF = LocalDateTime.of(2026, 6, 30, 17, 0);

    /**
     * {@code n} dossiers of the sample catalogue's procedures over the first months of 2026: a third returned
     * (early, on time or late), a third done, the rest pending (some overdue), every 50th refused.
     */
    static RegisterData register(int n) {
        List<Procedure> procedures = SampleCatalogueLoader.load().current();
        Random random = new Random(7);
        List<RegisterEntry> entries = new ArrayList<>();
        String[] family = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan", "Vũ", "Võ", "Đặng", "Bùi", "Đỗ"};
        String[] given = {"Văn An", "Thị Bình", "Ngọc Châu", "Đức Dũng", "Thu Hà", "Quốc Hưng", "Thị Lụa", "Minh Khôi"};
        for (int i = 0; i < n; i++) {
            Procedure p = procedures.get(i % procedures.size());
            LocalDateTime received = FROM.atTime(8, 0).plusDays(i / 20).plusMinutes(17L * (i % 20));
            LocalDateTime due = received.plusDays(3);
            DossierStatus status;
            Optional<LocalDateTime> finished = Optional.empty();
            Optional<LocalDateTime> returned = Optional.empty();
            if (i % 50 == 49) {
                status = DossierStatus.REFUSED;
            } else if (i % 3 == 0) {
                status = DossierStatus.RETURNED;
                finished = Optional.of(due.plusHours(i % 9 == 0 ? 30 : i % 9 == 3 ? -1 : -49));
                returned = Optional.of(finished.get().plusDays(1));
            } else if (i % 3 == 1) {
                status = DossierStatus.DONE;
                finished = Optional.of(due.minusDays(2));
            } else {
                status = DossierStatus.PROCESSING;
            }
            Applicant a = new Applicant(ApplicantKind.CITIZEN, family[random.nextInt(family.length)] + " "
                    + given[random.nextInt(given.length)], Optional.empty(), Optional.empty(), "09" + (10000000 + i),
                    "", new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn " + (i % 12 + 1)), Optional.empty());
            Dossier d = FormFixtures.dossier(new UUID(7, i), i % 9999 + 1, a,
                    List.of(new ReceivedDocument("Tờ khai", org.motcua.core.catalogue.DocumentForm.ORIGINAL, 1)), status,
                    received, due, finished);
            entries.add(new RegisterEntry(d, p.name(), i % 7 == 0 ? "" : "UBND xã Mẫu Thuận", returned));
        }
        return new RegisterData("2026-M1", FROM, entries.get(n - 1).dossier().receivedAt().toLocalDate(), entries,
                AS_OF);
    }

    @Test
    void aThousandDossiersPaginateWithTheHeaderOnEveryPageAndCorrectTotals() throws Exception {
        RegisterData data = register(1000);
        PrintedForm form = FormFixtures.forms().register(data);
        List<String> pages = PdfChecks.pageTexts(form);
        assertTrue(pages.size() > 10, "1,000 rows need many pages: " + pages.size());
        assertEquals(form.pages(), pages.size());
        for (int i = 0; i < pages.size(); i++) {
            String t = pages.get(i);
            assertContains(t, "Trang " + (i + 1) + "/" + pages.size());
            if (i > 0) {
                assertContains(t, "SỔ THEO DÕI HỒ SƠ - UBND xã Mẫu Thuận - từ ngày 05/01/2026 đến ngày");
            }
            if (t.contains("000.00.99.H99-")) {
                // a page with rows starts with the table's header row, once
                assertContains(t, "STT Mã hồ sơ Tên thủ tục hành chính Tên tổ chức, cá nhân Địa chỉ, số điện thoại");
                assertEquals(1, t.split("STT Mã hồ sơ", -1).length - 1, "one header on page " + (i + 1));
            } else {
                assertEquals(pages.size() - 1, i, "only the last page may hold the totals alone");
            }
        }
        assertContains(pages.get(0), "Mẫu số 07");
        assertContains(pages.get(0), "SỔ THEO DÕI HỒ SƠ");
        assertContains(pages.get(0), "Quyển số: 2026-M1");

        // every dossier once, in order
        String all = String.join(" ", pages);
        int at = 0;
        for (RegisterEntry e : data.entries()) {
            int found = all.indexOf(e.dossier().code().format(), at);
            assertTrue(found >= 0, "row of " + e.dossier().code().format());
            at = found;
        }

        RegisterTotals totals = data.totals();
        assertEquals(1000, totals.total());
        assertEquals(20, totals.other(), "every 50th refused");
        assertEquals(totals.total(), totals.finished() + totals.pending() + totals.other());
        assertEquals(totals.finished(), totals.early() + totals.onTime() + totals.late());
        assertTrue(totals.late() > 0 && totals.onTime() > 0 && totals.early() > 0, totals.toString());
        assertEquals(totals.pending(), totals.overdue(), "all pending dossiers are past due by the end of June");
        String last = pages.get(pages.size() - 1);
        assertContains(last, "TỔNG HỢP");
        assertContains(last, "Tổng số hồ sơ: 1000");
        assertContains(last, "Đã có kết quả: " + totals.finished() + " (trước hạn: " + totals.early() + "; đúng hạn: "
                + totals.onTime() + "; trễ hạn: " + totals.late() + ")");
        assertContains(last, "Đã trả kết quả: " + totals.returned());
        assertContains(last, "Đang giải quyết: " + totals.pending() + " (trong đó quá hạn: " + totals.overdue() + ")");
        assertContains(last, "Từ chối, rút, dừng giải quyết: 20");
    }

    @Test
    void totalsCountEachDossierOnce() {
        RegisterTotals t = register(150).totals();
        // i % 50 == 49 refused: 3; of the rest i%3==0 returned, i%3==1 done, i%3==2 processing
        assertEquals(150, t.total());
        assertEquals(3, t.other());
        int returned = 0, done = 0, pending = 0;
        for (int i = 0; i < 150; i++) {
            if (i % 50 == 49) {
                continue;
            }
            switch (i % 3) {
                case 0 -> returned++;
                case 1 -> done++;
                default -> pending++;
            }
        }
        assertEquals(returned, t.returned());
        assertEquals(returned + done, t.finished());
        assertEquals(pending, t.pending());
    }

    @Test
    void anEmptyRangeStillPrintsTheBookWithZeroTotals() throws Exception {
        String t = PdfChecks.text(FormFixtures.forms().register(new RegisterData("2026-M1", FROM, FROM, List.of(),
                AS_OF)));
        assertContains(t, "(Không có hồ sơ nào trong khoảng thời gian này)");
        assertContains(t, "Tổng số hồ sơ: 0");
        assertContains(t, "Trang 1/1");
    }

    @Test
    void registerPagesStayInsideTheLandscapeMargins() throws Exception {
        PrintedForm form = FormFixtures.forms().register(register(60));
        PageGeometry landscape = new PageGeometry(new org.apache.pdfbox.pdmodel.common.PDRectangle(
                PageGeometry.OFFICIAL_A4.paper().getHeight(), PageGeometry.OFFICIAL_A4.paper().getWidth()),
                PageGeometry.mm(20), PageGeometry.mm(15), PageGeometry.mm(20), PageGeometry.mm(30));
        PdfChecks.assertNoInkOutside(form, landscape, 72);
    }
}
