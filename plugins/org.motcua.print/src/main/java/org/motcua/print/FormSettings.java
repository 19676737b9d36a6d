package org.motcua.print;

import java.nio.file.Path;
import java.util.Objects;
import java.util.Optional;

/**
 * How one unit prints its forms.
 *
 * @param wordingDirectory a directory that may hold the province's {@code forms-2025.properties} or
 *                         {@code forms-2018.properties} (UTF-8); each key found there replaces the bundled wording
 *                         of the same key, so a province adjusts a sentence without a code change
 */
public record FormSettings(IssuingUnit unit, FormEdition edition, Optional<Path> wordingDirectory) {

    public FormSettings {
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(edition, "edition");
        Objects.requireNonNull(wordingDirectory, "wordingDirectory");
    }

    /** The 2025 set with the bundled wording. */
    public static FormSettings of(IssuingUnit unit) {
        return new FormSettings(unit, FormEdition.EDITION_2025, Optional.empty());
    }
}
