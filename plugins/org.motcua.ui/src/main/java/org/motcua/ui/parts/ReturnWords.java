package org.motcua.ui.parts;

import java.util.Locale;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.identity.CitizenId;
import org.motcua.ui.Messages;

/** How a result was returned, in words: a sentence for the dossier's timeline, a few words for the register book. */
public final class ReturnWords {

    private static final Messages PAPER = Messages.forLocale(Locale.forLanguageTag("vi"));

    private ReturnWords() {
    }

    /** "Người được ủy quyền nhận: … Đánh giá của công dân: Hài lòng — …", in the officer's language. */
    public static String describe(ResultReturn r, Applicant applicant, Messages messages) {
        String who = switch (r.collectedBy()) {
            case APPLICANT -> messages.get("return.by.APPLICANT", applicant.fullName());
            case AUTHORISED_PERSON -> messages.get("return.by.AUTHORISED_PERSON", r.collectorName(),
                    r.collectorId().map(CitizenId::digits).orElse("—"));
            case POST -> messages.get("return.by.POST", r.trackingNumber());
        };
        String rating = r.rating().map(s -> messages.get("return.rated", s.displayName(messages.locale())))
                .orElse(messages.get("return.notRated"));
        return who + " " + rating + (r.comment().isEmpty() ? "" : " " + messages.get("return.commented", r.comment()));
    }

    /** The register book's "how returned" (a Vietnamese paper, whatever the desk's language). */
    public static String forRegister(ResultReturn r) {
        return switch (r.collectedBy()) {
            case APPLICANT -> PAPER.get("register.how.APPLICANT");
            case AUTHORISED_PERSON -> PAPER.get("register.how.AUTHORISED_PERSON", r.collectorName());
            case POST -> PAPER.get("register.how.POST", r.trackingNumber());
        };
    }
}
