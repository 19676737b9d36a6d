package org.motcua.server.feed;

/** A number lease the admin asked for cannot be given; the message says why, and nothing was stored. */
public final class LeaseRefused extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    public LeaseRefused(String reason) {
        super(reason);
    }
}
