package org.motcua.sync;

/** A sync step failed. The reason decides what the sync status part tells the officer and when to retry. */
public class SyncException extends Exception {

    private static final long serialVersionUID = 1L;

    public enum Reason {
        /** No answer: no link, wrong address, server down. Retry later; the outbox keeps everything. */
        UNREACHABLE,
        /** The server answered, but not with what the protocol promises. */
        BAD_RESPONSE,
        /** The server speaks another major protocol version: the client or the server must be upgraded. */
        INCOMPATIBLE
    }

    private final Reason reason;

    public SyncException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
