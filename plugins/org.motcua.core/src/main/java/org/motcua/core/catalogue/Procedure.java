package org.motcua.core.catalogue;

import java.time.LocalTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.motcua.core.calendar.ProcessingTime;

/**
 * One version of an administrative procedure (thủ tục hành chính) as the catalogue states it.
 *
 * <p>The catalogue comes from upstream and changes; a dossier keeps the {@link #code()} and
 * {@link #version()} it was received under, so its deadline and checklist never change afterwards.
 *
 * @param code                  national code such as {@code 1.000948}, or {@code LOCAL.n} when none is known
 * @param national              false for a local code
 * @param processingTimeAssumed true when the catalogue gave no time and a sample default stands in
 * @param afternoonCutOff       dossiers received after this time count from the next working day
 * @param feeText               fees and charges as the province states them (they differ by province)
 * @param sample                true for the bundled demo catalogue, never for real data
 */
public record Procedure(
        String code,
        boolean national,
        int version,
        String name,
        String fieldCode,
        String fieldName,
        ProcessingTime processingTime,
        boolean processingTimeAssumed,
        Optional<LocalTime> afternoonCutOff,
        String feeText,
        List<RequiredDocument> documents,
        Optional<OnlineLevel> onlineLevel,
        String decidingBody,
        boolean sample) {

    public Procedure {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(fieldCode, "fieldCode");
        Objects.requireNonNull(fieldName, "fieldName");
        Objects.requireNonNull(processingTime, "processingTime");
        Objects.requireNonNull(afternoonCutOff, "afternoonCutOff");
        Objects.requireNonNull(onlineLevel, "onlineLevel");
        if (version < 1) {
            throw new IllegalArgumentException("catalogue versions start at 1: " + version);
        }
        feeText = feeText == null ? "" : feeText;
        decidingBody = decidingBody == null ? "" : decidingBody;
        documents = List.copyOf(documents);
    }

    /** {@code code@version}: how a dossier refers to the rules it was received under. */
    public String key() {
        return code + "@" + version;
    }

    public List<RequiredDocument> requiredDocuments() {
        return documents.stream().filter(RequiredDocument::required).toList();
    }
}
