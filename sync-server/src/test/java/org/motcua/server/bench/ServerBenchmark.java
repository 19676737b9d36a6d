package org.motcua.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.server.bench.SyncBenchmark.Frozen;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.TestServer;

/**
 * {@code ./motcua bench server} (issue 11): the province server's figures in one run, on PostgreSQL.
 * <ol>
 * <li>{@code server.ingest_events_per_s}: batches of 100 signed events ({@link SyncBenchmark#ingest}); side by side,
 * {@code server.ingest_one_record_per_request_per_s}: the same events, from the same number of client threads, sent to
 * {@link OneRecordPerRequestPeer} one record per request, the way ODK Central and most peers receive submissions; and
 * their ratio.</li>
 * <li>{@code server.devices_concurrent}: {@link DevicesConcurrentBenchmark}, 1,000 devices syncing a day at once.</li>
 * <li>{@code server.dashboard_p95} and {@code server.lookup_p95}: {@link DashboardBenchmark} on the cached database of
 * {@code motcua.bench.dossiers} dossiers (default 10 million; {@code MOTCUA_BENCH_DOSSIERS} for a quick run).</li>
 * </ol>
 * Not part of the normal test run (its name does not match surefire's patterns).
 */
class ServerBenchmark {

    /** Batches of each device's timed ingest sent to the peer, one record at a time (the peer is slow: fewer suffice). */
    static final int PEER_BATCHES = Integer.getInteger("motcua.bench.peer.batches", 5);

    @Test
    void server() throws Exception {
        SyncBenchmark.Ingest batched = SyncBenchmark.ingest(Backend.POSTGRESQL, "server.ingest_events_per_s");
        double oneByOne = oneRecordPerRequest(batched.devices());
        SyncBenchmark.bench("server.ingest_one_record_per_request_per_s", oneByOne, "/s");
        System.out.println(String.format(Locale.ROOT, "BENCH server.ingest_batch_vs_one_record_ratio %.1f x",
                batched.eventsPerSecond() / oneByOne));
        DevicesConcurrentBenchmark.run(DevicesConcurrentBenchmark.DEVICES);
        DashboardBenchmark.run(DashboardBenchmark.DOSSIERS);
    }

    /**
     * The first {@link #PEER_BATCHES} batches' events of every device, one POST each, every device's records one after
     * another from its own client thread, all devices at once (as {@link SyncBenchmark#send} sends the batches), after a
     * warm-up on other events. Every record must be stored once.
     */
    static double oneRecordPerRequest(List<Frozen> devices) throws Exception {
        try (TestServer server = TestServer.start(Backend.POSTGRESQL, Files.createTempDirectory("motcua-bench-peer-"), c -> {
            c.poolSize = 16;   // as the real server's run
        }); OneRecordPerRequestPeer peer = new OneRecordPerRequestPeer(server.services.db)) {
            List<Frozen> warmUp = SyncBenchmark.freeze(server, 4, 5);
            long warmed = post(peer, warmUp, Integer.MAX_VALUE);
            SyncBenchmark.analyze(server); // as the batched run: the statistics of a database in service
            long start = System.nanoTime();
            long sent = post(peer, devices, PEER_BATCHES * SyncBenchmark.EVENTS);
            double seconds = (System.nanoTime() - start) / 1e9;
            assertEquals(warmed + sent, peer.stored(), "every record stored once");
            System.out.printf(Locale.ROOT, "server.ingest_one_record_per_request_per_s: %d devices x %d records in %.2f s%n",
                    devices.size(), sent / devices.size(), seconds);
            return sent / seconds;
        }
    }

    /** Posts at most {@code perDevice} records of every device, a thread per device; returns how many were stored. */
    private static long post(OneRecordPerRequestPeer peer, List<Frozen> devices, int perDevice) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Frozen d : devices) {
                List<byte[]> mine = d.records().subList(0, Math.min(perDevice, d.records().size()));
                Map<String, String> headers = Map.of("Content-Type", "application/json", "X-Device-Id", d.device().deviceId);
                done.add(pool.submit(() -> {
                    for (byte[] record : mine) {
                        Http.Answer a = Http.send("POST", peer.url(), headers, record);
                        if (a.status() != 201) {
                            throw new IllegalStateException(a.status() + " " + a.text());
                        }
                    }
                    return mine.size();
                }));
            }
            long total = 0;
            for (Future<Integer> f : done) {
                total += f.get();
            }
            return total;
        } finally {
            pool.shutdownNow();
        }
    }
}
