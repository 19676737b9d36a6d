package org.motcua.server.export;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.TestServer;

class PostgresExportTest extends ExportCases {
    @Override
    Backend backend() {
        return Backend.POSTGRESQL;
    }

    /** Two instances on one database, each with its worker: SKIP LOCKED shares the rows, the order check keeps order. */
    @Test
    void twoInstancesExportEachRecordOnceInOrder() throws Exception {
        try (TestServer a = start(c -> {
        }); TestServer b = a.sibling(); PortalStub portal = new PortalStub()) {
            ExportDossiers desk = new ExportDossiers(a);
            List<String> codes = new ArrayList<>();
            try (ExportWorker wa = new ExportWorker(a.services.db, clock, settings(data.resolve("a"), portal.url())).start();
                    ExportWorker wb = new ExportWorker(b.services.db, clock, settings(data.resolve("b"), portal.url())).start()) {
                for (int i = 0; i < 12; i++) {
                    codes.add(desk.whole().code());
                }
                waitFor(() -> wa.pending() == 0, "both workers drain the outbox");
                List<String> keys = portal.accepted().stream().map(PortalStub.Received::key).toList();
                assertEquals(codes.size() * LIFE_KEYS.size(), keys.size());
                assertEquals(keys.size(), Set.copyOf(keys).size(), "no record twice");
                for (String code : codes) {
                    assertEquals(LIFE_KEYS, keysOf(keys, code));
                }
                int fromA = fileLines(data.resolve("a")).size();
                int fromB = fileLines(data.resolve("b")).size();
                assertEquals(keys.size(), fromA + fromB, "each instance's files list what it delivered");
            }
        }
    }
}
