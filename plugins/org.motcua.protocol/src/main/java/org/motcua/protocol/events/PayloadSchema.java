package org.motcua.protocol.events;

import java.util.regex.Pattern;
import org.motcua.protocol.json.DocReader;

/** Value rules shared by the payload schemas. */
final class PayloadSchema {

    /** {@code <unit code>-<YYMMDD>-<NNNN>}, e.g. {@code 000.17.22.H56-210531-0001}. */
    static final Pattern DOSSIER_CODE = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}-\\d{6}-\\d{4}");
    static final Pattern CITIZEN_ID = Pattern.compile("\\d{12}");
    static final int NAME = 150;
    static final int TEXT = 2000;

    private PayloadSchema() {
    }

    static String dossierCode(DocReader r, String name) {
        String code = r.string(name, 40);
        if (code != null && !DOSSIER_CODE.matcher(code).matches()) {
            r.fault(name, "must be a dossier code <unit>-<YYMMDD>-<NNNN>");
        }
        return code;
    }

    static java.util.Optional<String> optCitizenId(DocReader r, String name) {
        java.util.Optional<String> id = r.optString(name, 12);
        if (id.isPresent() && !CITIZEN_ID.matcher(id.get()).matches()) {
            r.fault(name, "must be 12 digits");
        }
        return id;
    }

    /** The unit code of a well-formed dossier code. */
    static String unitOf(String dossierCode) {
        return dossierCode.substring(0, dossierCode.length() - 12);
    }
}
