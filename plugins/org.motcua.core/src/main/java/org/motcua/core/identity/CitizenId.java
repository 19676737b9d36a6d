package org.motcua.core.identity;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Set;
import org.motcua.core.validation.ValidationException;
import org.motcua.core.validation.Violation;

/**
 * A Vietnamese personal identification number (số định danh cá nhân, printed on the CCCD card).
 *
 * <p>Twelve digits: a 3-digit province-of-birth code, a digit for century and sex, the last two digits
 * of the birth year, then 6 random digits. Only the shape, the province code and the agreement with a
 * known date of birth can be checked offline; there is no check digit.
 *
 * <p>{@link #toString()} masks the number, so a citizen ID never reaches a log in full by accident.
 */
public final class CitizenId {

    /** Province-of-birth codes of the 63 provinces and cities that issued numbers (before the 2025 merger). */
    private static final Set<String> PROVINCE_CODES = Set.of(
            "001", "002", "004", "006", "008", "010", "011", "012", "014", "015", "017", "019", "020", "022",
            "024", "025", "026", "027", "030", "031", "033", "034", "035", "036", "037", "038", "040", "042",
            "044", "045", "046", "048", "049", "051", "052", "054", "056", "058", "060", "062", "064", "066",
            "067", "068", "070", "072", "074", "075", "077", "079", "080", "082", "083", "084", "086", "087",
            "089", "091", "092", "093", "094", "095", "096");

    private static final String FIELD = "citizenId";
    private static final java.time.ZoneId VIETNAM = java.time.ZoneId.of("Asia/Ho_Chi_Minh");

    private final String digits;

    private CitizenId(String digits) {
        this.digits = digits;
    }

    /**
     * Validates and returns the ID, checking the encoded birth year against today's date. Spaces and dots typed by
     * an officer are ignored.
     *
     * @param raw       what was typed
     * @param birthDate the applicant's date of birth when known, else {@code null}
     * @throws ValidationException with a specific reason when the number cannot be right
     */
    public static CitizenId parse(String raw, LocalDate birthDate) {
        return parse(raw, birthDate, LocalDate.now(VIETNAM));
    }

    /**
     * As {@link #parse(String, LocalDate)}, with the date to check the birth year against: no number may encode a
     * birth year after {@code today} (century digit 4 or 5 means the 2100s).
     */
    public static CitizenId parse(String raw, LocalDate birthDate, LocalDate today) {
        String digits = raw == null ? "" : raw.replaceAll("[\\s.]", "");
        if (digits.isEmpty()) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.required"));
        }
        String notDigits = digits.replaceAll("[0-9]", "");
        if (!notDigits.isEmpty()) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.digitsOnly", notDigits.substring(0, 1)));
        }
        if (digits.length() != 12) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.format", digits.length()));
        }
        String province = digits.substring(0, 3);
        if (!PROVINCE_CODES.contains(province)) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.province", province));
        }
        CitizenId id = new CitizenId(digits);
        if (id.birthYear() > today.getYear()) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.futureYear", String.valueOf(id.birthYear())));
        }
        if (birthDate != null && id.birthYear() != birthDate.getYear()) {
            throw new ValidationException(Violation.of(FIELD, "citizenId.birthYear",
                    String.valueOf(id.birthYear()), String.valueOf(birthDate.getYear())));
        }
        return id;
    }

    /** The full 12 digits, for storage and search only. Never log it. */
    public String digits() {
        return digits;
    }

    public String provinceCode() {
        return digits.substring(0, 3);
    }

    /** The birth year the number encodes: the century digit gives 1900 + 100 * (digit / 2). */
    public int birthYear() {
        int centuryDigit = digits.charAt(3) - '0';
        int century = 1900 + 100 * (centuryDigit / 2);
        return century + Integer.parseInt(digits.substring(4, 6));
    }

    /** True for even century digits (male), false for odd ones (female). */
    public boolean isMale() {
        return (digits.charAt(3) - '0') % 2 == 0;
    }

    /** The number with all but its last 3 digits hidden, e.g. {@code *********789}: safe for logs and screens. */
    public String masked() {
        return "*".repeat(9) + digits.substring(9);
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CitizenId other && digits.equals(other.digits);
    }

    @Override
    public int hashCode() {
        return Objects.hash(digits);
    }
}
