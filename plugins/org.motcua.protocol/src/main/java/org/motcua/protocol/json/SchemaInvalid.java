package org.motcua.protocol.json;

import java.util.List;

/**
 * A document that is valid, canonical JSON but not the document the contract describes: missing, unknown or
 * wrong-typed members, or a wrong {@code kind}. Carries the {@code errors} member of the {@code schema-invalid}
 * problem (§14): one JSON pointer and reason per fault.
 */
public final class SchemaInvalid extends Exception {

    /** One fault: where (an RFC 6901 JSON pointer) and what. */
    public record Error(String pointer, String reason) {
    }

    private final List<Error> errors;

    public SchemaInvalid(List<Error> errors) {
        super(summary(errors), null, false, false);
        this.errors = List.copyOf(errors);
    }

    public static SchemaInvalid of(String pointer, String reason) {
        return new SchemaInvalid(List.of(new Error(pointer, reason)));
    }

    public List<Error> errors() {
        return errors;
    }

    private static String summary(List<Error> errors) {
        return errors.isEmpty() ? "schema invalid"
                : errors.get(0).pointer() + ": " + errors.get(0).reason() + (errors.size() > 1 ? " (+" + (errors.size() - 1) + ")" : "");
    }
}
