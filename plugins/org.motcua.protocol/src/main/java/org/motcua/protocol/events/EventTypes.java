package org.motcua.protocol.events;

import java.util.Set;

/**
 * The event types of version 1 and their payload schemas. A server that meets a type outside {@link #KNOWN} refuses
 * the whole batch ({@code unsupported-event-type}, §7 step 10) rather than rejecting the event for ever.
 */
public final class EventTypes {

    public static final String DOSSIER_RECEIVED = "DossierReceived";
    public static final String DOSSIER_ACTION_TAKEN = "DossierActionTaken";
    /** Scans attached after the reception (ours, §13): {@link AttachmentsAdded}. */
    public static final String ATTACHMENTS_ADDED = "AttachmentsAdded";

    public static final Set<String> KNOWN = Set.of(DOSSIER_RECEIVED, DOSSIER_ACTION_TAKEN, ATTACHMENTS_ADDED);

    private EventTypes() {
    }
}
