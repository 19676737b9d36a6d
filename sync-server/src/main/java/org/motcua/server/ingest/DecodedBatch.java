package org.motcua.server.ingest;

import java.util.List;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.WireEvent;

/** A batch that passed §7 steps 8–10, with each event's canonical payload bytes written once and kept. */
record DecodedBatch(Batch batch, List<byte[]> payloads) {

    DecodedBatch {
        payloads = List.copyOf(payloads);
    }

    /** The canonical payload of {@code e}, an event of this batch. */
    byte[] payload(WireEvent e) {
        return payloads.get((int) (e.seq() - batch.fromSeq()));
    }
}
