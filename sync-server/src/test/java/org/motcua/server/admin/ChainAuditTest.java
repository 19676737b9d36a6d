package org.motcua.server.admin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.server.persistence.Sql;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** The audit finds every stored chain intact after real batches, and an edited row when someone changes one. */
class ChainAuditTest {

    @TempDir
    Path dir;

    @Test
    void storedChainsVerifyAndAnEditedEnvelopeIsFound() throws Exception {
        try (TestServer server = TestServer.start(Backend.H2, dir)) {
            TestDevice device = TestDevice.enrol(server);
            Chain chain = new Chain(device.deviceId);
            for (int i = 1; i <= 3; i++) {
                assertEquals(200, device.send(device.batch(chain, device.receptionWithAction(chain, null, i))).status());
            }
            ChainAudit audit = new ChainAudit(server.services.db);
            List<ChainAudit.Position> seen = new ArrayList<>();
            ChainAudit.Report clean = audit.run(seen::add);
            assertTrue(clean.clean(), clean.broken().toString());
            assertEquals(1, clean.chains());
            assertEquals(6, clean.positions());
            assertEquals(List.of(1L, 2L, 3L, 4L, 5L, 6L), seen.stream().map(ChainAudit.Position::seq).toList());

            try (Connection c = server.services.db.connection()) {
                if (!c.getAutoCommit()) {
                    c.setAutoCommit(true);
                }
                Sql.update(c, "UPDATE chain_positions SET created_at = ? WHERE seq = 4", "2025-05-31T09:00:00.000+07:00");
            }
            ChainAudit.Report edited = audit.run(p -> { });
            assertFalse(edited.clean());
            assertEquals(1, edited.broken().size());
            assertTrue(edited.broken().get(0).contains("seq 4"), edited.broken().toString());
        }
    }
}
