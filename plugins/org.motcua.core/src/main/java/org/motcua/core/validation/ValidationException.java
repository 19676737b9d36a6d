package org.motcua.core.validation;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** Input that must not be stored. Carries every violation found, so the form can mark all fields at once. */
public class ValidationException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    private final transient List<Violation> violations;

    public ValidationException(List<Violation> violations) {
        super(violations.stream().map(v -> v.field() + ": " + v.code()).collect(Collectors.joining(", ")));
        if (violations.isEmpty()) {
            throw new IllegalArgumentException("a validation error needs at least one violation");
        }
        this.violations = List.copyOf(violations);
    }

    public ValidationException(Violation violation) {
        this(List.of(violation));
    }

    public List<Violation> violations() {
        return violations;
    }

    /** All messages for the officer, one per line. */
    public String messages(Locale locale) {
        return violations.stream().map(v -> v.message(locale)).collect(Collectors.joining("\n"));
    }
}
