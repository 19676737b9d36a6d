package org.motcua.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.protocol.events.DossierActionTaken;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * A dossier done with its digitised result ({@code DossierActionTaken.result}): accepted once the result's scan is
 * present, its hash kept with the event (what the score counts as a digitised result), and refused as schema-invalid
 * when the envelope does not list the scan.
 */
class DigitisedResultTest {

    @TempDir
    Path data;

    private static WireEvent done(Chain chain, WireEvent reception, String sha, List<String> blobs) {
        String code = reception.payload().path("dossierCode").asText();
        DossierActionTaken.DigitisedResult result = new DossierActionTaken.DigitisedResult("15/GKS",
                List.of(new AttachmentsAdded.Attachment(sha, "application/pdf", 31, "Kết quả giải quyết", "gks-15.pdf")));
        DossierActionTaken a = new DossierActionTaken(reception.aggregateId(), code, 3, "MARK_DONE", 9, "xuly1", "tiepnhan1",
                "2025-06-02T09:00:00.000+07:00", Optional.empty(), Optional.of("ON_TIME"), Optional.empty(), "",
                Optional.empty(), Optional.of(result));
        return chain.next("DossierActionTaken", reception.aggregateId(), a.toJson(), blobs, "2025-06-02T09:00:00.000+07:00");
    }

    @Test
    void aResultScanListedAndUploadedIsAcceptedAndKeptOneNotListedIsRefused() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            byte[] scan = "%PDF-1.7 giay khai sinh so 15\n".getBytes(StandardCharsets.US_ASCII);
            String sha = Sha256.hex(scan);
            List<WireEvent> events = new ArrayList<>(d.receptionWithAction(chain, null, 1));
            WireEvent done = done(chain, events.get(0), sha, List.of(sha));
            events.add(done);
            Http.Answer missing = d.send(d.batch(chain, events));
            assertEquals("blobs-missing", missing.problem(), "the province must hold the result's scan first");
            assertEquals(200, d.upload(scan, 16).status());
            Receipt r = Receipts.verified(d, d.send(d.batch(chain, events)));
            assertEquals(List.of("accepted", "accepted", "accepted"), r.results().stream().map(Receipt.Result::status).toList());
            String kept = Tx.read(server.services.db, c -> Sql.one(c, "SELECT blobs FROM chain_positions WHERE event_id = ?",
                    rs -> rs.getString(1), done.eventId()).orElseThrow());
            assertEquals(sha, kept, "the score counts a done step whose event kept a file");

            WireEvent unlisted = done(chain, events.get(0), sha, List.of());
            Receipt second = Receipts.verified(d, d.send(d.batch(chain, List.of(unlisted))));
            assertEquals("rejected", second.results().get(0).status());
            assertEquals(Optional.of("schema-invalid"), second.results().get(0).reason());
        }
    }
}
