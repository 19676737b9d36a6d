package org.motcua.protocol.json;

/**
 * Bytes that are not acceptable JSON for the contract: {@code json-invalid} with one of the checks of §14
 * ({@code syntax}, {@code utf8}, {@code duplicate-member}, {@code number}, {@code trailing-data}), or
 * {@code not-canonical} (valid JSON, but not MC-JCS bytes).
 */
public final class JsonRejected extends Exception {

    /** What was wrong, named as the contract's problem types and checks name it. */
    public enum Kind {
        JSON_INVALID("json-invalid"), NOT_CANONICAL("not-canonical");

        private final String problemName;

        Kind(String problemName) {
            this.problemName = problemName;
        }

        public String problemName() {
            return problemName;
        }
    }

    private final Kind kind;
    private final String check;

    JsonRejected(Kind kind, String check, String message) {
        super(message, null, false, false);
        this.kind = kind;
        this.check = check;
    }

    static JsonRejected invalid(String check, String message) {
        return new JsonRejected(Kind.JSON_INVALID, check, message);
    }

    static JsonRejected notCanonical(String message) {
        return new JsonRejected(Kind.NOT_CANONICAL, null, message);
    }

    public Kind kind() {
        return kind;
    }

    /** The §14 check for {@code json-invalid}; null for {@code not-canonical}. */
    public String check() {
        return check;
    }
}
