package org.motcua.core.catalogue;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.core.calendar.ProcessingTime;

class SampleCatalogueTest {

    private final ProcedureCatalogue catalogue = SampleCatalogueLoader.load();

    @Test
    void allSampleProceduresLoadAndAreMarkedAsSample() {
        assertEquals(45, catalogue.size());
        assertTrue(catalogue.current().stream().allMatch(Procedure::sample));
        assertTrue(catalogue.current().stream().filter(p -> !p.national()).allMatch(p -> p.code().startsWith("LOCAL.")));
        assertEquals(5, catalogue.current().stream().filter(p -> !p.national()).count());
    }

    @Test
    void birthRegistrationIsSameDayWithA15hCutOffAndItsChecklist() {
        Procedure birth = catalogue.latest("1.001193").orElseThrow();
        assertEquals("Thủ tục đăng ký khai sinh", birth.name());
        assertEquals("HO_TICH", birth.fieldCode());
        assertTrue(birth.processingTime().isSameDay());
        assertEquals(Optional.of(LocalTime.of(15, 0)), birth.afternoonCutOff());
        assertFalse(birth.processingTimeAssumed());
        assertEquals(7, birth.documents().size());
        assertEquals(DocumentForm.ORIGINAL, birth.documents().get(0).form());
        assertFalse(birth.requiredDocuments().isEmpty());
    }

    @Test
    void statedDurationsAreKeptAndGapsAreFlagged() {
        assertEquals(ProcessingTime.workingDays(5), catalogue.latest("1.005461").orElseThrow().processingTime());
        Procedure unknown = catalogue.latest("1.004746").orElseThrow();
        assertTrue(unknown.processingTimeAssumed());
        assertEquals(SampleCatalogueLoader.ASSUMED_TIME, unknown.processingTime());
    }

    @Test
    void searchByCodeOrByNameWithoutDiacritics() {
        assertEquals(List.of("1.001193"), catalogue.search("1.001193").stream().map(Procedure::code).toList());
        List<Procedure> found = catalogue.search("dang ky khai sinh");
        assertTrue(found.stream().anyMatch(p -> p.code().equals("1.001193")), found.toString());
        assertTrue(catalogue.search("ho tich").size() >= 19);
        assertTrue(catalogue.search("xyzzy khong co").isEmpty());
    }

    @Test
    void theDemoCommuneIsMarkedAsSampleAndHasAValidUnitCode() {
        assertTrue(org.motcua.core.numbering.DossierCode.isUnitCode(SampleCommune.DEMO.unitCode()));
        assertTrue(SampleCommune.DEMO.unitName().contains("DỮ LIỆU MẪU"));
    }

    @Test
    void formsAreReadFromTheCatalogueWording() {
        assertEquals(DocumentForm.CERTIFIED_COPY, DocumentForm.fromCatalogueText("bản sao có chứng thực"));
        assertEquals(DocumentForm.ORIGINAL_SHOWN, DocumentForm.fromCatalogueText("bản chính (xuất trình)"));
        assertEquals(DocumentForm.ORIGINAL_OR_CERTIFIED_COPY, DocumentForm.fromCatalogueText("bản chính hoặc bản sao có chứng thực"));
        assertEquals("bản sao có chứng thực", DocumentForm.CERTIFIED_COPY.displayName(Locale.forLanguageTag("vi")));
        assertEquals("certified copy", DocumentForm.CERTIFIED_COPY.displayName(Locale.ENGLISH));
    }
}
