package org.motcua.server.ingest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.Sha256;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Receipt;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.events.AttachmentsAdded;
import org.motcua.server.blobs.BlobAudit;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** Scans attached after reception ({@code AttachmentsAdded}, ours under §13): accepted only with their blobs present. */
class AttachmentsAddedTest {

    @TempDir
    Path data;

    private static WireEvent added(Chain chain, TestDevice d, WireEvent reception, String sha, List<String> blobs) {
        String code = reception.payload().path("dossierCode").asText();
        ObjectNode payload = new AttachmentsAdded(reception.aggregateId(), code, "2025-05-31T09:00:00.000+07:00", "tiepnhan1",
                List.of(new AttachmentsAdded.Attachment(sha, "application/pdf", 30, "Tờ khai", "to-khai.pdf"))).toJson();
        return chain.next("AttachmentsAdded", reception.aggregateId(), payload, blobs, "2025-05-31T09:00:00.000+07:00");
    }

    @Test
    void scansAttachedLaterAreAcceptedOnceTheirBlobIsPresentAndRefusedWhenTheEnvelopeDoesNotListThem() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            byte[] scan = "%PDF-1.7 scan of a form......\n".getBytes(StandardCharsets.US_ASCII);
            String sha = Sha256.hex(scan);
            List<WireEvent> events = new ArrayList<>(d.receptionWithAction(chain, null, 1));
            events.add(added(chain, d, events.get(0), sha, List.of(sha)));
            Batch batch = d.batch(chain, events);

            Http.Answer missing = d.send(batch);
            assertEquals(409, missing.status());
            assertEquals("blobs-missing", missing.problem());
            assertEquals(200, d.upload(scan, 16).status());
            Http.Answer accepted = d.send(batch);
            assertEquals(200, accepted.status());
            Receipt r = Receipts.verified(d, accepted);
            assertEquals(List.of("accepted", "accepted", "accepted"), r.results().stream().map(Receipt.Result::status).toList());

            // the same kind of event whose attachment the envelope does not list is schema-invalid (it is stored, refused)
            WireEvent unlisted = added(chain, d, events.get(0), sha, List.of());
            Receipt second = Receipts.verified(d, d.send(d.batch(chain, List.of(unlisted))));
            assertEquals("rejected", second.results().get(0).status());
            assertEquals(Optional.of("schema-invalid"), second.results().get(0).reason());

            List<BlobAudit.Row> blobs = new BlobAudit(server.services.db).run();
            assertEquals(1, blobs.size());
            assertTrue(blobs.get(0).complete() && blobs.get(0).intact());
            assertEquals(sha, blobs.get(0).storedSha256());
        }
    }
}
