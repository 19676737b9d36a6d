package org.motcua.sync;

/**
 * Why syncing is not going well, as a reason the UI can put into Vietnamese words (never a stack trace). Each says
 * whether the engine keeps retrying by itself ({@link #retries()}) or stops until someone acts.
 */
public enum SyncProblem {
    /** No answer from the server: no link, wrong address, server down. Retried with back-off. */
    OFFLINE(true),
    /** The server asked us to wait (busy, rate limit, maintenance). Retried after the time it gave. */
    SERVER_BUSY(true),
    /** The server failed (HTTP 5xx). Retried with back-off. */
    SERVER_ERROR(true),
    /** The server's TLS certificate is not issued by the pinned CA or does not name the host: possible interception. */
    TLS_UNTRUSTED(true),
    /** An answer failed verification (signature, certificate, or contents): nothing was changed. Retried. */
    BAD_RESPONSE(true),
    /** The server speaks another protocol version. */
    INCOMPATIBLE(true),
    /** The server needs an upgrade for an event type of this desk; retried daily. */
    SERVER_UPGRADE_NEEDED(true),
    /** The server refuses to open another epoch for this device until an administrator lifts the limit. */
    EPOCH_LIMIT(true),
    /**
     * The server had lost events it acknowledged before (restored from a backup): they were sent again. Shown as an
     * alert even when the attempt then succeeded; the province's admin should know.
     */
    SERVER_LOST_DATA(true),
    /** This desk could not complete a step itself (database, disk, an unexpected error); retried with back-off. */
    LOCAL_ERROR(true),
    /** The device was revoked by the administrator: re-enrolment with a new code is needed. Syncing stopped. */
    DEVICE_REVOKED(false),
    /** The server does not know this device, or no longer accepts its signature: re-enrolment needed. Stopped. */
    DEVICE_UNKNOWN(false),
    /** The device's identity is in use on another PC (a copied database): stopped; call the administrator. */
    IDENTITY_IN_USE(false),
    /** The server refused this desk's data as malformed: a defect of this program. Stopped; call support. */
    CLIENT_DEFECT(false),
    /** Not enrolled yet: nothing is sent. */
    NOT_ENROLLED(false);

    private final boolean retries;

    SyncProblem(boolean retries) {
        this.retries = retries;
    }

    /** True when the engine keeps trying by itself; false when syncing waits for an operator's action. */
    public boolean retries() {
        return retries;
    }
}
