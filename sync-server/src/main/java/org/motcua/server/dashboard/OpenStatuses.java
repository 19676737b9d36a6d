package org.motcua.server.dashboard;

/** Which national status codes the dashboard counts as open, and which of those the office is answerable for. */
final class OpenStatuses {

    /** Received (2), processing (4), supplement requested (5), awaiting a financial obligation (6). */
    static final String OPEN = "(2, 4, 5, 6)";
    /**
     * Open and running against the office: a dossier waiting for the citizen's supplement (5) is not, because the index
     * does not count that wait, so it is neither overdue nor due soon here.
     */
    static final String RUNNING = "(2, 4, 6)";

    private OpenStatuses() {
    }
}
