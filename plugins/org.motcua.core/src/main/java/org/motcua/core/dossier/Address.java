package org.motcua.core.dossier;

import org.motcua.core.text.VietnameseText;

/** A Vietnamese address after the 2025 reform: province, commune (xã/phường) and the rest. */
public record Address(String province, String commune, String detail) {

    public static final Address NONE = new Address("", "", "");

    public Address {
        province = VietnameseText.input(province);
        commune = VietnameseText.input(commune);
        detail = VietnameseText.input(detail);
    }

    /** One line as printed on the forms: "detail, commune, province", skipping empty parts. */
    public String oneLine() {
        return String.join(", ", java.util.stream.Stream.of(detail, commune, province).filter(s -> !s.isEmpty()).toList());
    }
}
