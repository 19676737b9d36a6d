package org.motcua.print;

import java.util.Optional;

/** The one-stop forms, with their numbers in each edition, and the reports printed on the same letterhead. */
public enum FormKind {
    RECEIPT("01", "01"),
    SUPPLEMENT_REQUEST("02", "02"),
    REFUSAL("03", "03"),
    APOLOGY("04", "04"),
    /** The 2018 set has no notice of stopping: printed without a form number under that edition. */
    STOP_NOTICE("05", null),
    CONTROL_SLIP("06", "05"),
    REGISTER("07", "06"),
    /** The on-time report (báo cáo đúng hạn): not a numbered form in either edition. */
    ON_TIME_REPORT(null, null),
    /** The label on the envelope of a result sent by post: not a numbered form. */
    ENVELOPE_LABEL(null, null);

    private final String number2025;
    private final String number2018;

    FormKind(String number2025, String number2018) {
        this.number2025 = number2025;
        this.number2018 = number2018;
    }

    /** The form's number ("01".."07") in {@code edition}; empty when that edition has no such form. */
    public Optional<String> number(FormEdition edition) {
        return Optional.ofNullable(edition == FormEdition.EDITION_2018 ? number2018 : number2025);
    }
}
