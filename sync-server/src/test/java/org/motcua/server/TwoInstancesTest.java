package org.motcua.server;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.pki.Certificates;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.PostgresCluster;
import org.motcua.server.testing.Receipts;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/** Several instances on one PostgreSQL behave as one: the same keys, and one copy of a batch sent to both at once. */
class TwoInstancesTest {

    @TempDir
    Path data;

    @Test
    void instancesStartingAtOnceShareOneCa() throws Exception {
        String url = PostgresCluster.get().newDatabase("keys");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            List<Future<String>> fingerprints = new ArrayList<>();
            for (int i = 0; i < 2; i++) {
                fingerprints.add(pool.submit(() -> {
                    go.await();
                    try (ServerServices s = ServerServices.open(ServerConfig.embedded(data).passphrase(TestServer.PASSPHRASE)
                            .jdbc(url, PostgresCluster.USER, ""))) {
                        return Certificates.fingerprint(s.keys.caCertificate()) + "/"
                                + Certificates.fingerprint(s.keys.responseCertificate());
                    }
                }));
            }
            go.countDown();
            assertEquals(fingerprints.get(0).get(), fingerprints.get(1).get());
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void theSameBatchSentToBothInstancesIsStoredOnce() throws Exception {
        try (TestServer a = TestServer.start(Backend.POSTGRESQL, data); TestServer b = a.sibling()) {
            ExecutorService pool = Executors.newFixedThreadPool(2);
            try {
                for (int round = 0; round < 5; round++) {
                    TestDevice d = TestDevice.enrol(a);
                    Chain chain = new Chain(d.deviceId);
                    Batch batch = d.batch(chain, d.receptionWithAction(chain, null, 1));
                    byte[] bytes = batch.canonical();
                    byte[] signature = d.sign(bytes);
                    CountDownLatch go = new CountDownLatch(1);
                    Future<Http.Answer> viaA = pool.submit(() -> {
                        go.await();
                        return d.sendBytes(batch.batchId(), bytes, signature);
                    });
                    TestDevice viaOther = d;
                    Future<Http.Answer> viaB = pool.submit(() -> {
                        go.await();
                        return Http.send("POST", b.url("/api/v1/devices/" + viaOther.deviceId + "/batches"),
                                viaOther.headers(batch.batchId(), signature), org.motcua.protocol.io.Gzip.compress(bytes));
                    });
                    go.countDown();
                    List<Http.Answer> answers = List.of(viaA.get(), viaB.get());
                    byte[] committed = null;
                    for (Http.Answer x : answers) {
                        if (x.status() == 200) {
                            Receipts.verified(d, x);
                            if (committed != null) {
                                assertArrayEquals(committed, x.body(), "both answers are the one stored receipt");
                            }
                            committed = x.body();
                        } else {
                            assertEquals(409, x.status(), x.text());
                            assertEquals("request-in-progress", x.problem());
                        }
                    }
                    assertTrue(committed != null, "one instance committed");
                    long batches = Tx.plain(a.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM batches WHERE device_id = ?", d.deviceId));
                    long positions = Tx.plain(a.services.db, c -> Sql.count(c,
                            "SELECT COUNT(*) FROM chain_positions WHERE device_id = ?", d.deviceId));
                    long dossiers = Tx.plain(a.services.db, c -> Sql.count(c,
                            "SELECT COUNT(*) FROM dossiers WHERE origin_device_id = ?", d.deviceId));
                    assertEquals(1, batches);
                    assertEquals(2, positions);
                    assertEquals(1, dossiers);
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }
}
