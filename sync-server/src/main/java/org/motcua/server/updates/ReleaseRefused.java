package org.motcua.server.updates;

/**
 * A product release the admin asked to publish is refused, with the reason in words an admin can act on (the file and
 * what is wrong with it). Nothing was stored. English only: publishing an update is a CLI task of the province's
 * technician, with no web page to say it in Vietnamese.
 */
public final class ReleaseRefused extends Exception {

    private static final long serialVersionUID = 1L;

    public ReleaseRefused(String reason) {
        super(reason, null, false, false);
    }
}
