package org.motcua.store;

/** The local database could not be opened or used. {@link #reason()} says what the officer should be told. */
public class StoreException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** Why the store failed, as far as the cause can be told apart. */
    public enum Reason {
        /** No database file exists where one was expected. */
        NOT_FOUND,
        /** A database file exists but the key does not decrypt it. */
        WRONG_KEY,
        /** The file is not a MotCua H2 database or is damaged. */
        CORRUPTED,
        /** A database file already exists where a new one was to be created. */
        ALREADY_EXISTS,
        /** Another program holds the file open. */
        LOCKED,
        /** Any other SQL or I/O failure. */
        OTHER
    }

    private final Reason reason;

    public StoreException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
