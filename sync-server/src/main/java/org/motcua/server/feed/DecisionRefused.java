package org.motcua.server.feed;

/** A decision the admin asked to record cannot be; the message says why, and nothing was stored. */
public final class DecisionRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public DecisionRefused(String reason) {
        super(reason);
    }
}
