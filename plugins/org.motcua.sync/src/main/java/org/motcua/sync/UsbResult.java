package org.motcua.sync;

import java.nio.file.Path;
import java.util.List;

/** What a USB transfer did, for the officer. */
public final class UsbResult {

    private UsbResult() {
    }

    /**
     * An export file written for the province.
     *
     * @param file      the ZIP written (name per §11)
     * @param batches   batches in it
     * @param events    events in those batches
     * @param blobs     attachments in it
     * @param exportSeq this device's export counter
     */
    public record Export(Path file, int batches, long events, int blobs, long exportSeq) {
    }

    /**
     * A reply file imported.
     *
     * @param alreadyImported true when this reply had been imported before: nothing changed
     * @param acknowledged    batches newly acknowledged by its receipts
     * @param refused         batch ids the server refused as a whole, with the problem's name
     * @param stateApplied    whether its device state was applied (its nonce is one of this desk's exports)
     */
    public record Import(boolean alreadyImported, int acknowledged, List<String> refused, boolean stateApplied) {
        public Import {
            refused = List.copyOf(refused);
        }
    }
}
