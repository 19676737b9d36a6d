package org.motcua.core.dossier;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.text.VietnameseText;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * How a result was returned: who collected it (the applicant; an authorised person, with their name and citizen ID;
 * or the post, with the tracking number), and the citizen's rating with an optional comment. The register book (07)
 * prints it as "how returned", the report counts the ratings, and the province receives it with the return step.
 *
 * @param collectorName  the authorised person's name; empty otherwise
 * @param collectorId    the authorised person's citizen ID; empty otherwise
 * @param trackingNumber the postal tracking number; empty otherwise
 * @param rating         empty when the citizen did not rate (a post return, or they declined)
 */
public record ResultReturn(CollectedBy collectedBy, String collectorName, Optional<CitizenId> collectorId,
        String trackingNumber, Optional<Satisfaction> rating, String comment) {

    /** Letters and digits as carriers print them (VNPost: two letters, nine digits, "VN"). */
    private static final Pattern TRACKING = Pattern.compile("[A-Z0-9]{6,30}");
    public static final int COMMENT_MAX = 500;

    public ResultReturn {
        collectorName = VietnameseText.input(collectorName);
        trackingNumber = VietnameseText.input(trackingNumber).replace(" ", "").toUpperCase(java.util.Locale.ROOT);
        comment = VietnameseText.input(comment);
    }

    /** The applicant collected it at the counter. */
    public static ResultReturn byApplicant(Optional<Satisfaction> rating, String comment) {
        return of(CollectedBy.APPLICANT, "", Optional.empty(), "", rating, comment);
    }

    /** Checks the details that go with {@code collectedBy}; every problem at once, in the officer's words. */
    public static ResultReturn of(CollectedBy collectedBy, String collectorName, Optional<CitizenId> collectorId,
            String trackingNumber, Optional<Satisfaction> rating, String comment) {
        ResultReturn r = new ResultReturn(collectedBy, collectorName, collectorId, trackingNumber, rating, comment);
        List<Violation> problems = new ArrayList<>();
        switch (collectedBy) {
            case AUTHORISED_PERSON -> {
                if (r.collectorName.isEmpty()) {
                    problems.add(Violation.of("collectorName", "return.collectorName.required"));
                } else if (r.collectorName.length() > 150) {
                    problems.add(Violation.of("collectorName", "intake.text.tooLong", 150));
                }
                if (collectorId.isEmpty()) {
                    problems.add(Violation.of("collectorId", "return.collectorId.required"));
                }
            }
            case POST -> {
                if (r.trackingNumber.isEmpty()) {
                    problems.add(Violation.of("trackingNumber", "return.trackingNumber.required"));
                } else if (!TRACKING.matcher(r.trackingNumber).matches()) {
                    problems.add(Violation.of("trackingNumber", "return.trackingNumber.format", r.trackingNumber));
                }
            }
            case APPLICANT -> { }
        }
        if (collectedBy != CollectedBy.AUTHORISED_PERSON && (!r.collectorName.isEmpty() || collectorId.isPresent())) {
            problems.add(Violation.of("collectorName", "return.collector.onlyAuthorised"));
        }
        if (collectedBy != CollectedBy.POST && !r.trackingNumber.isEmpty()) {
            problems.add(Violation.of("trackingNumber", "return.trackingNumber.onlyPost"));
        }
        if (r.comment.length() > COMMENT_MAX) {
            problems.add(Violation.of("comment", "intake.text.tooLong", COMMENT_MAX));
        }
        if (!problems.isEmpty()) {
            throw new ValidationException(problems);
        }
        return r;
    }

    /**
     * Who the return handover went to, for the handover log and form 06 (both Vietnamese papers, whatever the desk's
     * language): a person's name, or the carrier with the tracking number.
     */
    public String recipient(Applicant applicant) {
        return switch (collectedBy) {
            case APPLICANT -> applicant.fullName();
            case AUTHORISED_PERSON -> collectorName;
            case POST -> CollectedBy.POST.displayName(java.util.Locale.forLanguageTag("vi")) + " " + trackingNumber;
        };
    }
}
