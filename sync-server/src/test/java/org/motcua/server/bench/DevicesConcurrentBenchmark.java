package org.motcua.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.io.Gzip;
import org.motcua.server.bench.SyncBenchmark.Frozen;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * {@code BENCH server.devices_concurrent}: {@code motcua.bench.concurrent.devices} devices (default 1,000: a province's
 * 200 communes with five desks each), each enrolled with a real code over HTTP and holding its own key, all syncing a
 * busy day at the same moment ({@code motcua.bench.concurrent.batches} signed batches of 100 events each, default 2,
 * one in flight per device as §8.2 asks, retried as the desk retries) over real HTTP on PostgreSQL. The client side is
 * one JDK HttpClient (a selector thread and a two-thread executor) and one virtual thread per device, so the many
 * sockets need few OS threads. Prints the devices, the latency of a batch from its first sending to its
 * acknowledgement (p50, p99), the errors (a batch never acknowledged), the retries (attempts the desk had to repeat:
 * the server's 503, a dropped connection, no answer in 30 s) and the events acknowledged, which are checked against
 * what the database holds.
 */
class DevicesConcurrentBenchmark {

    static final int DEVICES = Integer.getInteger("motcua.bench.concurrent.devices", 1000);
    static final int BATCHES = Integer.getInteger("motcua.bench.concurrent.batches", 2);
    private static final int DESKS_PER_COMMUNE = 5;
    /** The desk's own response timeout ({@code SyncConfig}'s default). */
    private static final Duration RESPONSE_TIMEOUT = Duration.ofSeconds(30);
    private static final int ATTEMPTS = 5;

    @Test
    void devicesAtOnce() throws Exception {
        run(DEVICES);
    }

    static void run(int devices) throws Exception {
        try (TestServer server = TestServer.start(Backend.POSTGRESQL, Files.createTempDirectory("motcua-bench-devices-"), c -> {
            c.limits = SyncBenchmark.unthrottled();
            c.requestsPerMinutePerAddress = Integer.MAX_VALUE;   // every device is 127.0.0.1 here
            c.poolSize = 16;
        })) {
            long t = System.nanoTime();
            List<Frozen> all = freeze(server, devices, "701.");
            System.out.printf(Locale.ROOT, "server.devices_concurrent: %d devices enrolled and their days frozen in %.1f s%n", devices,
                    (System.nanoTime() - t) / 1e9);
            ExecutorService clientExecutor = Executors.newFixedThreadPool(2);
            HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).executor(clientExecutor)
                    .connectTimeout(Duration.ofSeconds(60)).build();
            try {
                sync(server, client, freeze(server, 8, "702."));   // warm-up: JIT, pools
                ThreadMXBean threads = ManagementFactory.getThreadMXBean();
                threads.resetPeakThreadCount();
                t = System.nanoTime();
                Result r = sync(server, client, all);
                double seconds = (System.nanoTime() - t) / 1e9;
                long stored = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM chain_positions"));
                assertEquals(r.acknowledged.get() + 8L * BATCHES * SyncBenchmark.EVENTS, stored, "every acknowledged event is stored");
                System.out.printf(Locale.ROOT, "server.devices_concurrent: %d devices x %d batches x %d events in %.1f s; JVM (server "
                        + "and clients) peak %d threads%n", devices, BATCHES, SyncBenchmark.EVENTS, seconds, threads.getPeakThreadCount());
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent %d devices", devices));
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent_p50 %.0f ms", r.percentile(0.50)));
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent_p99 %.0f ms", r.percentile(0.99)));
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent_errors %d count", r.errors.get()));
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent_retries %d count", r.retries.get()));
                if (!r.retryReasons.isEmpty()) {
                    System.out.println("server.devices_concurrent: first retries: " + r.retryReasons);
                }
                System.out.println(String.format(Locale.ROOT, "BENCH server.devices_concurrent_acknowledged %d events",
                        r.acknowledged.get()));
                assertEquals(0, r.errors.get(), "no device met an error: " + r.firstErrors);
            } finally {
                clientExecutor.shutdownNow();
            }
        }
    }

    /**
     * Devices five to a commune, enrolled over HTTP four communes at a time, and their day's batches signed and
     * compressed. A commune's desks are enrolled one after another: the admin tool's first code for a commune creates
     * it, and it is not made to be called twice at once for the same new commune.
     */
    private static List<Frozen> freeze(TestServer server, int devices, String prefix) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<List<Frozen>>> made = new ArrayList<>();
            for (int first = 0; first < devices; first += DESKS_PER_COMMUNE) {
                int commune = first / DESKS_PER_COMMUNE;
                int desks = Math.min(DESKS_PER_COMMUNE, devices - first);
                String unit = String.format(Locale.ROOT, "%s%02d.%02d.H%02d", prefix, commune / 100 % 100, commune % 100, commune % 97);
                made.add(pool.submit(() -> {
                    List<Frozen> mine = new ArrayList<>();
                    for (int n = 0; n < desks; n++) {
                        mine.add(desk(server, unit));
                    }
                    return mine;
                }));
            }
            List<Frozen> out = new ArrayList<>();
            for (Future<List<Frozen>> f : made) {
                out.addAll(f.get());
            }
            return out;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Frozen desk(TestServer server, String unit) {
        TestDevice d = TestDevice.enrol(server, unit);
        Chain chain = new Chain(d.deviceId);
        List<byte[][]> batches = new ArrayList<>();
        for (int b = 0; b < BATCHES; b++) {
            Batch batch = d.batch(chain, SyncBenchmark.events(d, chain, b));
            byte[] bytes = batch.canonical();
            batches.add(new byte[][] {batch.batchId().getBytes(), Gzip.compress(bytes), d.sign(bytes)});
        }
        return new Frozen(d, batches, List.of());
    }

    /** Latencies, errors and acknowledged events of one synchronisation of every device at once. */
    private static final class Result {
        final ConcurrentLinkedQueue<Double> latencies = new ConcurrentLinkedQueue<>();
        final AtomicLong errors = new AtomicLong();
        final AtomicLong acknowledged = new AtomicLong();
        final ConcurrentLinkedQueue<String> firstErrors = new ConcurrentLinkedQueue<>();

        double percentile(double p) {
            List<Double> sorted = new ArrayList<>(latencies);
            Collections.sort(sorted);
            return sorted.isEmpty() ? Double.NaN : sorted.get((int) Math.ceil(sorted.size() * p) - 1);
        }

        final AtomicLong retries = new AtomicLong();
        final ConcurrentLinkedQueue<String> retryReasons = new ConcurrentLinkedQueue<>();

        void error(String what) {
            if (errors.incrementAndGet() <= 5) {
                firstErrors.add(what);
            }
        }

        void retry(String why) {
            if (retries.incrementAndGet() <= 5) {
                retryReasons.add(why.length() > 160 ? why.substring(0, 160) : why);
            }
        }
    }

    /**
     * Every device in its own virtual thread, released at once, sending its batches one after another as the desk's
     * sync engine does: an answer is waited for {@link #RESPONSE_TIMEOUT} (the desk's default), and a batch without
     * one (no answer, a dropped connection, 503 or 429) is sent again after the desk's back-off (1 s doubling, ±20 %) or
     * the server's Retry-After, under the same Idempotency-Key, at most {@link #ATTEMPTS} times. A batch's latency is
     * from its first sending to its acknowledgement; any other refusal, or no acknowledgement after the last attempt,
     * is an error and ends that device's day.
     */
    private static Result sync(TestServer server, HttpClient client, List<Frozen> devices) throws InterruptedException {
        Result r = new Result();
        CountDownLatch go = new CountDownLatch(1);
        try (ExecutorService perDevice = Executors.newVirtualThreadPerTaskExecutor()) {
            for (Frozen d : devices) {
                perDevice.submit(() -> {
                    go.await();
                    for (byte[][] f : d.batches()) {
                        if (!deliver(client, d, f, r)) {
                            return null;
                        }
                    }
                    return null;
                });
            }
            go.countDown();
        }
        return r;
    }

    private static boolean deliver(HttpClient client, Frozen d, byte[][] f, Result r) throws InterruptedException {
        long first = System.nanoTime();
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(d.device().devicePath("/batches"))).timeout(RESPONSE_TIMEOUT)
                    .POST(HttpRequest.BodyPublishers.ofByteArray(f[1]));
            d.device().headers(new String(f[0]), f[2]).forEach(b::header);
            long t = System.nanoTime();
            Duration wait = backoff(attempt);
            try {
                HttpResponse<byte[]> a = client.send(b.build(), HttpResponse.BodyHandlers.ofByteArray());
                if (a.statusCode() == 200) {
                    r.latencies.add((System.nanoTime() - first) / 1e6);
                    r.acknowledged.addAndGet(SyncBenchmark.EVENTS);
                    return true;
                }
                String why = a.statusCode() + " " + new String(a.body(), java.nio.charset.StandardCharsets.UTF_8);
                if (a.statusCode() != 503 && a.statusCode() != 429) {
                    r.error(why);
                    return false;
                }
                r.retry(why);
                wait = a.headers().firstValueAsLong("Retry-After").stream().mapToObj(Duration::ofSeconds).findFirst().orElse(wait);
            } catch (java.io.IOException e) {
                r.retry(String.format(Locale.ROOT, "%s after %.0f ms", e, (System.nanoTime() - t) / 1e6));
            }
            if (attempt < ATTEMPTS) {
                Thread.sleep(wait);
            }
        }
        r.error("no acknowledgement after " + ATTEMPTS + " attempts");
        return false;
    }

    /** The desk's back-off ({@code SyncEngine.backoff}): 1 s doubling, ±20 % jitter. */
    private static Duration backoff(int failures) {
        double jitter = 0.8 + ThreadLocalRandom.current().nextDouble() * 0.4;
        return Duration.ofMillis((long) ((1000L << Math.min(failures - 1, 8)) * jitter));
    }
}
