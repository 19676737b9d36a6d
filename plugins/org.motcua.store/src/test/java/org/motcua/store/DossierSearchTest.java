package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;

class DossierSearchTest {

    private static final LocalDateTime MON = LocalDateTime.of(2026, 3, 9, 8, 0);

    @TempDir
    Path dir;

    private Store store;
    private DossierSearch search;
    private Dossier an;
    private Dossier duc;
    private Dossier land;

    @BeforeEach
    void fill() {
        store = StoreFixture.newStore(dir, "desk", 1);
        search = new DossierSearch(store);
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        an = receive(intake, StoreFixture.birthRegistration(), "Nguyễn Văn An", "001085000001", "0912 345 678", MON);
        duc = receive(intake, StoreFixture.birthRegistration(), "Đặng Hữu Đức", "036090000002", "0987654321", MON.plusHours(1));
        Procedure fiveDays = StoreFixture.CATALOGUE.latest("1.005461").orElseThrow();
        land = receive(intake, fiveDays, "Nguyễn Thị Ánh", "079300000003", "", MON.plusHours(2));
        for (int i = 0; i < 30; i++) {
            receive(intake, fiveDays, "Trần Văn Bình " + i, String.format("001080%06d", 100 + i), "", MON.plusMinutes(200 + i));
        }
    }

    @AfterEach
    void close() {
        store.close();
    }

    private Dossier receive(DossierIntake intake, Procedure p, String name, String cid, String phone, LocalDateTime at) {
        IntakeRequest base = StoreFixture.intake(p, 1, at);
        Applicant a = Applicant.citizen(name, CitizenId.parse(cid, null), null, phone, new Address("", "", ""));
        return intake.receive(new IntakeRequest(p, a, base.documents(), 1, base.channel(), base.delivery(), at, "tiepnhan1",
                Optional.empty(), ""), Role.RECEIVING_OFFICER, at);
    }

    private List<String> codes(DossierQuery q) {
        return search.find(q).items().stream().map(DossierSummary::code).toList();
    }

    private DossierQuery text(String t) {
        return DossierQuery.text(t, MON.plusDays(1), 50);
    }

    @Test
    void byDossierCodeWholeOrTail() {
        assertEquals(List.of(an.code().format()), codes(text(an.code().format())));
        String tail = an.code().format().substring(an.code().format().length() - 11);
        assertEquals(List.of(an.code().format()), codes(text(tail)));
    }

    @Test
    void byCitizenIdAndPhoneAsTyped() {
        assertEquals(List.of(duc.code().format()), codes(text("036 090 000002")));
        assertEquals(List.of(an.code().format()), codes(text("0912.345.678")));
        assertEquals(List.of(an.code().format()), codes(text("+84912345678")));
    }

    @Test
    void byNameWithoutDiacriticsInAnyCase() {
        assertEquals(List.of(an.code().format()), codes(text("nguyen van an")));
        assertEquals(List.of(duc.code().format()), codes(text("dang huu duc")));
        assertEquals(List.of(duc.code().format()), codes(text("ĐỨC")));
        assertEquals(Set.of(an.code().format(), land.code().format()), Set.copyOf(codes(text("nguyen"))));
        assertEquals(List.of(land.code().format()), codes(text("nguyen thi a")), "the last word may be unfinished");
        assertTrue(codes(text("nguyen van binh")).isEmpty());
    }

    @Test
    void filtersAndPaging() {
        DossierQuery all = DossierQuery.text("", MON.plusDays(1), 10);
        Page<DossierSummary> first = search.find(all);
        assertEquals(10, first.items().size());
        assertTrue(first.hasMore());
        Page<DossierSummary> last = search.find(all.page(30));
        assertEquals(3, last.items().size());
        assertFalse(last.hasMore());

        assertEquals(31, search.find(DossierQuery.text("", MON, 100).withProcedure("1.005461")).items().size());
        assertEquals(33, search.find(DossierQuery.text("", MON, 100).withField("HO_TICH")).items().size());
        assertEquals(33, search.find(DossierQuery.text("", MON, 100).withStatuses(Set.of(DossierStatus.RECEIVED))).items().size());
        assertEquals(0, search.find(DossierQuery.text("", MON, 100).receivedBetween(LocalDate.of(2026, 3, 10),
                LocalDate.of(2026, 3, 31))).items().size());
    }

    @Test
    void deadlineFilters() {
        // Birth registrations received Monday morning are due the same day; the 5-day ones the next Monday.
        DossierQuery mondayEvening = DossierQuery.text("", MON.withHour(18), 100);
        assertEquals(Set.of(an.code().format(), duc.code().format()),
                Set.copyOf(codes(mondayEvening.withDue(DossierQuery.DueFilter.DUE_TODAY))));
        assertEquals(Set.of(an.code().format(), duc.code().format()),
                Set.copyOf(codes(mondayEvening.withDue(DossierQuery.DueFilter.OVERDUE))));
        // Within 2 days counts calendar days: on Saturday, what is due by the end of Monday.
        DossierQuery saturday = DossierQuery.text("", MON.plusDays(5), 100);
        assertEquals(33, codes(saturday.withDue(DossierQuery.DueFilter.DUE_WITHIN_2_DAYS)).size());
        assertEquals(2, codes(saturday.withDue(DossierQuery.DueFilter.OVERDUE)).size());
        assertEquals(2, codes(DossierQuery.text("", MON.plusDays(4), 100).withDue(DossierQuery.DueFilter.DUE_WITHIN_2_DAYS))
                .size(), "on Friday, Monday's deadlines are three days away; only the overdue ones count");
    }

    @Test
    void keysetPagesAreTheSameRowsAsOffsetPages() {
        DossierQuery all = DossierQuery.text("", MON.plusDays(1), 7);
        List<String> byOffset = new java.util.ArrayList<>();
        for (int offset = 0; offset < 40; offset += 7) {
            search.find(all.page(offset)).items().forEach(d -> byOffset.add(d.code()));
        }
        List<String> byKey = new java.util.ArrayList<>();
        Page<DossierSummary> page = search.find(all);
        while (true) {
            page.items().forEach(d -> byKey.add(d.code()));
            if (!page.hasMore()) {
                break;
            }
            page = search.find(all.pageAfter(page.items().get(page.items().size() - 1).key(), 0));
        }
        assertEquals(33, byKey.size());
        assertEquals(byOffset, byKey);
    }

    @Test
    void theListIndexCountsTheRowsAndKeysEveryPageEnd() {
        DossierQuery all = DossierQuery.text("", MON.plusDays(1), 5);
        ListIndex index = search.listIndex(all, 5);
        assertEquals(33, index.count());
        assertEquals(6, index.pageEnds().size(), "33 rows: six full pages of 5");
        assertTrue(index.startOf(0).isEmpty());
        // the page that starts after the third page's end is the fourth page by offset
        List<String> fourth = search.find(all.pageAfter(index.startOf(3).orElseThrow(), 0)).items().stream()
                .map(DossierSummary::code).toList();
        assertEquals(codes(all.page(15)), fourth);

        ListIndex fiveDay = search.listIndex(DossierQuery.text("", MON, 100).withProcedure("1.005461"), 10);
        assertEquals(31, fiveDay.count(), "the filters apply to the index too");
        assertEquals(3, fiveDay.pageEnds().size());
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
                () -> search.listIndex(text("nguyen"), 10), "search results are short and keep offset paging");
    }
}
