package org.motcua.core.dossier;

/** A Vietnamese address after the 2025 reform: province, commune (xã/phường) and the rest. */
public record Address(String province, String commune, String detail) {

    public static final Address NONE = new Address("", "", "");

    public Address {
        province = province == null ? "" : province.strip();
        commune = commune == null ? "" : commune.strip();
        detail = detail == null ? "" : detail.strip();
    }

    /** One line as printed on the forms: "detail, commune, province", skipping empty parts. */
    public String oneLine() {
        return String.join(", ", java.util.stream.Stream.of(detail, commune, province).filter(s -> !s.isEmpty()).toList());
    }
}
