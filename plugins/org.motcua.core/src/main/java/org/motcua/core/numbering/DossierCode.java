package org.motcua.core.numbering;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * A dossier code (mã hồ sơ) as printed on the receipt and its QR code:
 * {@code <unit code>-<YYMMDD>-<NNNN>}, e.g. {@code 000.17.22.H56-210531-0001}.
 *
 * <ul>
 * <li>unit code: the receiving unit's electronic identifier (mã định danh điện tử, Decision
 * 20/2020/QĐ-TTg): four dot-separated groups of 3, 2 and 2 digits and a letter with 2 digits;</li>
 * <li>YYMMDD: the receipt date, read as a year 2000–2099;</li>
 * <li>NNNN: that unit's sequence for the day, 0001–9999, drawn by {@link DossierNumberAllocator}.</li>
 * </ul>
 * The code must be unique nationally; the sync identity of a dossier is still its UUID, not this code.
 */
public record DossierCode(String unitCode, LocalDate receiptDate, int sequence) {

    public static final int MAX_SEQUENCE = 9999;

    private static final String FIELD = "dossierCode";
    private static final Pattern UNIT = Pattern.compile("\\d{3}\\.\\d{2}\\.\\d{2}\\.[A-Z]\\d{2}");
    private static final Pattern SIX_DIGITS = Pattern.compile("\\d{6}");
    private static final Pattern FOUR_DIGITS = Pattern.compile("\\d{4}");

    /**
     * @throws ValidationException when the unit code is malformed, the date is outside 2000–2099 or the
     *                             sequence outside 1..9999
     */
    public DossierCode {
        Objects.requireNonNull(unitCode, "unitCode");
        Objects.requireNonNull(receiptDate, "receiptDate");
        List<Violation> violations = new ArrayList<>();
        if (!isUnitCode(unitCode)) {
            violations.add(Violation.of(FIELD, "dossierCode.unit", unitCode));
        }
        if (receiptDate.getYear() < 2000 || receiptDate.getYear() > 2099) {
            violations.add(Violation.of(FIELD, "dossierCode.year", String.valueOf(receiptDate.getYear())));
        }
        if (sequence < 1 || sequence > MAX_SEQUENCE) {
            violations.add(Violation.of(FIELD, "dossierCode.sequence", String.valueOf(sequence)));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
    }

    /** True when {@code code} has the shape of a unit's electronic identifier, e.g. {@code 000.17.22.H56}. */
    public static boolean isUnitCode(String code) {
        return code != null && UNIT.matcher(code).matches();
    }

    /** The printed form, e.g. {@code 000.17.22.H56-210531-0001}. */
    public String format() {
        return String.format(Locale.ROOT, "%s-%02d%02d%02d-%04d", unitCode, receiptDate.getYear() % 100,
                receiptDate.getMonthValue(), receiptDate.getDayOfMonth(), sequence);
    }

    /**
     * Reads a code typed or scanned by an officer. Surrounding spaces are ignored and the unit's letter
     * may be typed in lower case.
     *
     * @throws ValidationException with every specific reason found (missing, shape, unit, date, sequence)
     */
    public static DossierCode parse(String raw) {
        String text = raw == null ? "" : raw.strip().toUpperCase(Locale.ROOT);
        if (text.isEmpty()) {
            throw new ValidationException(Violation.of(FIELD, "dossierCode.required"));
        }
        String[] parts = text.split("-", -1);
        if (parts.length != 3) {
            throw new ValidationException(Violation.of(FIELD, "dossierCode.shape", text));
        }
        List<Violation> violations = new ArrayList<>();
        if (!isUnitCode(parts[0])) {
            violations.add(Violation.of(FIELD, "dossierCode.unit", parts[0]));
        }
        LocalDate date = parseDate(parts[1]);
        if (date == null) {
            violations.add(Violation.of(FIELD, "dossierCode.date", parts[1]));
        }
        int sequence = FOUR_DIGITS.matcher(parts[2]).matches() ? Integer.parseInt(parts[2]) : 0;
        if (sequence == 0) {
            violations.add(Violation.of(FIELD, "dossierCode.sequence", parts[2]));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new DossierCode(parts[0], date, sequence);
    }

    @Override
    public String toString() {
        return format();
    }

    private static LocalDate parseDate(String yymmdd) {
        if (!SIX_DIGITS.matcher(yymmdd).matches()) {
            return null;
        }
        try {
            return LocalDate.of(2000 + Integer.parseInt(yymmdd.substring(0, 2)),
                    Integer.parseInt(yymmdd.substring(2, 4)), Integer.parseInt(yymmdd.substring(4, 6)));
        } catch (DateTimeException e) {
            return null;
        }
    }
}
