package org.motcua.core.dossier;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.motcua.core.catalogue.RequiredDocument;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * Checks an intake before anything is written. Every problem is reported at once, each with its field,
 * so the form can mark them all; nothing reaches the store unless this passes.
 */
public final class IntakeValidator {

    public static final int NAME_MAX = 150;
    public static final int PLACE_MAX = 100;
    public static final int ADDRESS_DETAIL_MAX = 300;
    public static final int DOCUMENT_NAME_MAX = 1000;
    public static final int NOTE_MAX = 1000;
    public static final int EMAIL_MAX = 254;
    public static final int SETS_MAX = 20;
    public static final int DOCUMENT_COUNT_MAX = 99;
    /** Clocks of counter PCs drift; an intake a few minutes "ahead" is a clock, not a fake. */
    static final long CLOCK_TOLERANCE_MINUTES = 10;
    private static final LocalDate OLDEST_BIRTH = LocalDate.of(1900, 1, 1);
    private static final Pattern PHONE = Pattern.compile("(\\+84|0)\\d{8,10}");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s]+@[^@\\s]+\\.[^@\\s]+");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private IntakeValidator() {
    }

    /** @throws ValidationException listing every problem found */
    public static void validate(IntakeRequest r, LocalDateTime now) {
        List<Violation> v = new ArrayList<>();
        checkApplicant(r.applicant(), r.receivedAt(), v);
        if (r.receivedAt().isAfter(now.plusMinutes(CLOCK_TOLERANCE_MINUTES))) {
            v.add(Violation.of("receivedAt", "intake.receivedAt.future", r.receivedAt().format(DAY)));
        }
        if (r.sets() < 1 || r.sets() > SETS_MAX) {
            v.add(Violation.of("sets", "intake.sets.range", SETS_MAX));
        }
        checkDocuments(r, v);
        tooLong("note", r.note(), NOTE_MAX, v);
        r.assistance().ifPresent(a -> {
            if (a.assistant().isBlank()) {
                v.add(Violation.of("assistance", "intake.assistant.required"));
            }
            tooLong("assistance.place", a.place(), PLACE_MAX, v);
        });
        if (!v.isEmpty()) {
            throw new ValidationException(v);
        }
    }

    private static void checkApplicant(Applicant a, LocalDateTime receivedAt, List<Violation> v) {
        if (a.fullName().isEmpty()) {
            v.add(Violation.of("applicant.fullName", "intake.fullName.required"));
        }
        tooLong("applicant.fullName", a.fullName(), NAME_MAX, v);
        if (a.kind() == ApplicantKind.CITIZEN && a.citizenId().isEmpty()) {
            v.add(Violation.of("applicant.citizenId", "intake.citizenId.required"));
        }
        a.birthDate().ifPresent(birth -> {
            if (birth.isAfter(receivedAt.toLocalDate())) {
                v.add(Violation.of("applicant.birthDate", "intake.birthDate.future", birth.format(DAY)));
            } else if (birth.isBefore(OLDEST_BIRTH)) {
                v.add(Violation.of("applicant.birthDate", "intake.birthDate.tooOld", birth.format(DAY)));
            }
            a.citizenId().filter(id -> id.birthYear() != birth.getYear()).ifPresent(id -> v.add(Violation.of(
                    "applicant.citizenId", "citizenId.birthYear", String.valueOf(id.birthYear()),
                    String.valueOf(birth.getYear()))));
        });
        String phone = a.phone().replaceAll("[\\s.\\-]", "");
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            v.add(Violation.of("applicant.phone", "intake.phone.format", a.phone()));
        }
        if (!a.email().isEmpty() && (a.email().length() > EMAIL_MAX || !EMAIL.matcher(a.email()).matches())) {
            v.add(Violation.of("applicant.email", "intake.email.format", a.email()));
        }
        tooLong("applicant.address.province", a.address().province(), PLACE_MAX, v);
        tooLong("applicant.address.commune", a.address().commune(), PLACE_MAX, v);
        tooLong("applicant.address.detail", a.address().detail(), ADDRESS_DETAIL_MAX, v);
        a.authorised().ifPresent(p -> {
            if (p.fullName().isBlank()) {
                v.add(Violation.of("applicant.authorised.fullName", "intake.authorised.required"));
            }
            tooLong("applicant.authorised.fullName", p.fullName(), NAME_MAX, v);
        });
    }

    private static void checkDocuments(IntakeRequest r, List<Violation> v) {
        if (r.documents().isEmpty() && !r.procedure().documents().isEmpty()) {
            v.add(Violation.of("documents", "intake.documents.none"));
        }
        for (int i = 0; i < r.documents().size(); i++) {
            ReceivedDocument d = r.documents().get(i);
            if (d.name().isBlank()) {
                v.add(Violation.of("documents[" + i + "].name", "intake.document.name"));
            }
            tooLong("documents[" + i + "].name", d.name(), DOCUMENT_NAME_MAX, v);
            if (d.count() < 1 || d.count() > DOCUMENT_COUNT_MAX) {
                v.add(Violation.of("documents[" + i + "].count", "intake.document.count", d.name(), DOCUMENT_COUNT_MAX));
            }
        }
        Set<String> received = r.documents().stream().map(ReceivedDocument::name).collect(Collectors.toSet());
        for (RequiredDocument required : r.procedure().requiredDocuments()) {
            if (!received.contains(required.name())) {
                v.add(Violation.of("documents", "intake.document.missing", required.name()));
            }
        }
    }

    private static void tooLong(String field, String value, int max, List<Violation> v) {
        if (value != null && value.length() > max) {
            v.add(Violation.of(field, "intake.text.tooLong", max));
        }
    }
}
