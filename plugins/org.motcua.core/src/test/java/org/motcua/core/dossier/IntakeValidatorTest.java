package org.motcua.core.dossier;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.catalogue.SampleCatalogueLoader;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

class IntakeValidatorTest {

    private static final Locale VI = Locale.forLanguageTag("vi-VN");
    private static final LocalDateTime NOW = LocalDateTime.of(2026, 3, 10, 9, 15);
    private final Procedure birth = SampleCatalogueLoader.load().latest("1.001193").orElseThrow();

    private IntakeRequest request(Applicant applicant, List<ReceivedDocument> docs, int sets, LocalDateTime at) {
        return new IntakeRequest(birth, applicant, docs, sets, Channel.IN_PERSON, ResultDelivery.COUNTER, at,
                "tiepnhan1", Optional.empty(), "");
    }

    private Applicant goodApplicant() {
        return Applicant.citizen("Nguyễn Văn An", CitizenId.parse("001085012345", null), LocalDate.of(1985, 3, 2),
                "0912 345 678", new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
    }

    private List<ReceivedDocument> allRequired() {
        return birth.requiredDocuments().stream().map(ReceivedDocument::of).toList();
    }

    @Test
    void aCompleteIntakePasses() {
        assertDoesNotThrow(() -> IntakeValidator.validate(request(goodApplicant(), allRequired(), 1, NOW), NOW));
    }

    @Test
    void aMissingRequiredDocumentBlocksWithItsName() {
        List<ReceivedDocument> missingFirst = allRequired().subList(1, allRequired().size());
        ValidationException e = assertThrows(ValidationException.class,
                () -> IntakeValidator.validate(request(goodApplicant(), missingFirst, 1, NOW), NOW));
        assertEquals(List.of("intake.document.missing"), e.violations().stream().map(Violation::code).toList());
        assertTrue(e.messages(VI).startsWith("Thiếu giấy tờ bắt buộc: " + birth.requiredDocuments().get(0).name()),
                e.messages(VI));
    }

    @Test
    void everyProblemIsReportedAtOnce() {
        Applicant bad = new Applicant(ApplicantKind.CITIZEN, "X".repeat(IntakeValidator.NAME_MAX + 1), Optional.empty(),
                Optional.of(LocalDate.of(2030, 1, 1)), "12345", "not-an-email", new Address("", "", "d".repeat(301)),
                Optional.empty());
        ValidationException e = assertThrows(ValidationException.class,
                () -> IntakeValidator.validate(request(bad, allRequired(), 0, NOW.plusDays(1)), NOW));
        List<String> codes = e.violations().stream().map(Violation::code).toList();
        assertTrue(codes.containsAll(List.of("intake.text.tooLong", "intake.citizenId.required", "intake.birthDate.future",
                "intake.phone.format", "intake.email.format", "intake.receivedAt.future", "intake.sets.range")), codes.toString());
        assertTrue(e.messages(VI).contains("Số điện thoại 12345 không hợp lệ"), e.messages(VI));
    }

    @Test
    void citizenIdMustAgreeWithTheDateOfBirth() {
        Applicant mismatch = Applicant.citizen("Trần Thị Bình", CitizenId.parse("001190012345", null),
                LocalDate.of(1985, 1, 1), "", Address.NONE);
        ValidationException e = assertThrows(ValidationException.class,
                () -> IntakeValidator.validate(request(mismatch, allRequired(), 1, NOW), NOW));
        assertEquals("citizenId.birthYear", e.violations().get(0).code());
    }
}
