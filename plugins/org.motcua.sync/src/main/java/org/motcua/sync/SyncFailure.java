package org.motcua.sync;

/**
 * An operation the officer started (enrolment, USB transfer, key renewal) failed; {@link #problem()} or {@link #reason()} says why in
 * a form the UI can word. The message is technical detail for support and never holds a secret.
 */
public final class SyncFailure extends Exception {

    private static final long serialVersionUID = 1L;

    /** Why an enrolment or USB operation failed. */
    public enum Reason {
        /** The code typed is not a well-formed enrolment code. */
        CODE_MALFORMED,
        /** The server does not know the code or the MAC is wrong (mistyped code). */
        CODE_INVALID,
        /** The code was already used for another request. */
        CODE_USED,
        /** The code has expired: ask for a new one. */
        CODE_EXPIRED,
        /** A re-enrolment code for another device. */
        CODE_MISMATCH,
        /** The unit has no free device number. */
        UNIT_FULL,
        /** The device id is already registered (a copied installation?). */
        DEVICE_ID_TAKEN,
        /** The answer did not prove it came from the server that knows the code, or its certificates are wrong. */
        RESPONSE_INVALID,
        /** The TLS certificate of the enrolment connection does not lead to the CA received: possible interception. */
        INTERCEPTION_SUSPECTED,
        /** No answer from the server (the request is kept and sent again identically). */
        OFFLINE,
        /** The server address is not allowed (plain http to another computer) or malformed. */
        ADDRESS_REFUSED,
        /** Enrol first. */
        NOT_ENROLLED,
        /** A file is not a valid MotCua file (layout, size, signature or hashes). */
        FILE_INVALID,
        /** The file belongs to another device. */
        OTHER_DEVICE,
        /** Reading or writing a file failed. */
        IO,
        /** Anything else the server answered. */
        SERVER_REFUSED,
        /** Only an administrator may do this (renewing the device key). */
        ADMIN_ONLY,
        /** The server is busy or failed for a moment; the request is kept and sent again by itself. */
        SERVER_BUSY,
        /** The province revoked this device: syncing stopped; re-enrolment with a new code is needed. */
        DEVICE_REVOKED,
        /** The server does not know this device or no longer accepts its key: syncing stopped; re-enrolment needed. */
        DEVICE_UNKNOWN
    }

    private final Reason reason;

    public SyncFailure(Reason reason, String message) {
        super(message);
        this.reason = reason;
    }

    public SyncFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
