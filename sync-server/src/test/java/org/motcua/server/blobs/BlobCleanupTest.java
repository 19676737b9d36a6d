package org.motcua.server.blobs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.codec.ContentDigest;
import org.motcua.protocol.codec.Sha256;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** §6.7: partial uploads untouched for partialUploadTtlDays are deleted; complete blobs stay. */
class BlobCleanupTest {

    @TempDir
    Path data;

    @Test
    void abandonedPartialUploadsAreDeletedAfterTheTtl() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, data)) {
            TestDevice d = TestDevice.enrol(server);
            byte[] partial = new byte[30_000];
            Arrays.fill(partial, (byte) 7);
            byte[] first = Arrays.copyOf(partial, 10_000);
            assertEquals(204, d.patch(Sha256.hex(partial), 0, partial.length, first, ContentDigest.of(first)).status());
            byte[] whole = "%PDF complete\n".getBytes();
            assertEquals(200, d.upload(whole, 4).status());
            assertEquals(0, server.services.blobs.deleteAbandoned(), "nothing is stale yet");
            Instant old = Instant.now().minus(Duration.ofDays(31));
            Tx.durable(server.services.db, c -> Sql.update(c, "UPDATE blob_uploads SET updated_at = ?", old));
            assertEquals(1, server.services.blobs.deleteAbandoned());
            assertEquals("0", d.head(Sha256.hex(partial)).header("Upload-Offset"));
            assertEquals("?1", d.head(Sha256.hex(whole)).header("Upload-Complete"), "a complete blob stays");
            long chunks = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM blob_chunks WHERE sha256 = ?",
                    Sha256.hex(partial)));
            assertEquals(0, chunks);
        }
    }
}
