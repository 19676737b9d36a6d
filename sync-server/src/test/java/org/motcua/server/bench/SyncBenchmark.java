package org.motcua.server.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.motcua.protocol.cms.CmsVerifier;
import org.motcua.protocol.doc.Batch;
import org.motcua.protocol.doc.Limits;
import org.motcua.protocol.doc.WireEvent;
import org.motcua.protocol.io.Gzip;
import org.motcua.server.export.ExportSettings;
import org.motcua.server.export.ExportWorker;
import org.motcua.server.persistence.Sql;
import org.motcua.server.persistence.Tx;
import org.motcua.server.testing.Backend;
import org.motcua.server.testing.Chain;
import org.motcua.server.testing.Http;
import org.motcua.server.testing.Payloads;
import org.motcua.server.testing.TestDevice;
import org.motcua.server.testing.TestServer;

/**
 * {@code ./motcua bench sync}: batch ingest over real HTTP on PostgreSQL and on H2, several devices in parallel, batches
 * of 100 realistic events (receptions and handover steps), each verified, classified, projected and durably committed
 * before its receipt comes back; and the device-signature check alone. Not part of the normal test run (the class name
 * does not match surefire's test patterns); each figure is printed as {@code BENCH <name> <value> <unit>}.
 */
class SyncBenchmark {

    static final int DEVICES = Integer.getInteger("motcua.bench.devices", 8);
    /**
     * Batches per device in the timed part: 120 (96,000 events, about 8 s here). With 40 the timed part lasted 3 s and
     * still ran partly in code the JIT had not compiled: the second ingest of the same JVM came out faster than the
     * first, and 40-batch runs gave 8,700–10,000 events/s where 120-batch runs gave 11,400–12,300.
     */
    static final int BATCHES = Integer.getInteger("motcua.bench.batches", 120);
    static final int EVENTS = 100;

    @Test
    void ingestAndVerify() throws Exception {
        verifyPerSecond();
        ingest(Backend.POSTGRESQL, "server.ingest_events_per_s");
        ingest(Backend.POSTGRESQL, "server.ingest_events_per_s.exporting", true);
        ingest(Backend.H2, "server.ingest_events_per_s.h2");
    }

    private static void verifyPerSecond() throws Exception {
        Path dir = Files.createTempDirectory("motcua-bench-verify");
        try (TestServer server = TestServer.start(Backend.H2, dir)) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            byte[] message = d.batch(chain, events(d, chain, 0)).canonical();
            byte[] signature = d.sign(message);
            for (int i = 0; i < 500; i++) {
                CmsVerifier.verifyDevice(signature, message, d.certificate);
            }
            int n = 0;
            long start = System.nanoTime();
            while (System.nanoTime() - start < 3_000_000_000L) {
                CmsVerifier.verifyDevice(signature, message, d.certificate);
                n++;
            }
            bench("server.verify_per_s", n / ((System.nanoTime() - start) / 1e9), "/s");
        }
    }

    /** What one ingest run measured, and the devices with the events it sent (the peer is fed the same). */
    record Ingest(double eventsPerSecond, List<Frozen> devices) {
    }

    static Ingest ingest(Backend backend, String name) throws Exception {
        return ingest(backend, name, false);
    }

    /**
     * One timed ingest; with {@code exporting}, the national export's worker runs beside it as in a server in service
     * (writing the daily files: no portal endpoint), deriving and writing the records of the batches as they commit,
     * and the time its backlog took to drain after the last batch is printed too.
     */
    static Ingest ingest(Backend backend, String name, boolean exporting) throws Exception {
        Path dir = Files.createTempDirectory("motcua-bench-" + backend.name().toLowerCase(Locale.ROOT));
        try (TestServer server = TestServer.start(backend, dir, c -> {
            c.limits = unthrottled();
            c.poolSize = 16;
        })) {
            send(freeze(server, 4, 20)); // warm-up: JIT, pools, caches (the compiler threads would otherwise eat the timed part)
            long events = DEVICES * (long) BATCHES * EVENTS;
            List<Frozen> devices = freeze(server, DEVICES, BATCHES);
            if (backend == Backend.POSTGRESQL) {
                analyze(server);
            }
            boolean pgStatements = backend == Backend.POSTGRESQL && PgStatements.ENABLED;
            if (pgStatements) {
                PgStatements.reset(server.services.db);
            }
            ExportWorker exporter = exporting
                    ? new ExportWorker(server.services.db, server.config.clock, ExportSettings.of(dir, null, "")).start()
                    : null;
            Cpu cpu = new Cpu();
            long start = System.nanoTime();
            send(devices);
            double seconds = (System.nanoTime() - start) / 1e9;
            cpu.report(name, DEVICES * BATCHES, seconds);
            if (exporter != null) {
                drained(exporter, name);
            }
            if (pgStatements) {
                PgStatements.print(server.services.db);
            }
            long stored = Tx.plain(server.services.db, c -> Sql.count(c, "SELECT COUNT(*) FROM chain_positions"));
            assertEquals(events + 4 * 20 * EVENTS, stored, "every event committed");
            System.out.printf(Locale.ROOT, "%s: %d devices x %d batches x %d events in %.2f s%n", name, DEVICES, BATCHES, EVENTS, seconds);
            bench(name, events / seconds, "/s");
            return new Ingest(events / seconds, devices);
        }
    }

    /** Waits for the export's backlog to drain and prints how long that took after the last batch's receipt. */
    private static void drained(ExportWorker exporter, String name) throws Exception {
        long start = System.nanoTime();
        try (exporter) {
            while (exporter.pending() > 0) {
                Thread.sleep(100);
            }
        }
        bench(name + ".export_drained_after", (System.nanoTime() - start) / 1e6, "ms");
    }

    /**
     * Gives the fresh database the statistics a province's has. Autovacuum analyzes a table once a tenth of it has
     * changed, but the timed part outruns it on a database created a second ago: without statistics the planner takes
     * the dossier-code look-up of every batch (the code collision check) for a sequential scan of a growing table, a
     * third of the database's time per batch in a run that measured it, a cost a server in service never pays.
     */
    static void analyze(TestServer server) throws Exception {
        Tx.plain(server.services.db, c -> {
            try (java.sql.Statement st = c.createStatement()) {
                st.execute("ANALYZE");
            }
            return null;
        });
    }

    /**
     * CPU time spent while the timed part ran: this JVM (server and the load generator's HTTP client) and every
     * PostgreSQL backend, so a run on a busy machine can be read as "CPU per batch" rather than only wall time.
     */
    static final class Cpu {
        final long jvm = jvmNanos();
        final long postgres = postgresTicks();

        static long jvmNanos() {
            return ((com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean())
                    .getProcessCpuTime();
        }

        /** utime + stime of every process whose command line starts with "postgres", in clock ticks (1/100 s). */
        static long postgresTicks() {
            long total = 0;
            java.io.File[] procs = new java.io.File("/proc").listFiles(f -> f.getName().matches("\\d+"));
            for (java.io.File p : procs == null ? new java.io.File[0] : procs) {
                try {
                    String cmd = Files.readString(p.toPath().resolve("cmdline"));
                    if (cmd.startsWith("postgres")) {
                        String stat = Files.readString(p.toPath().resolve("stat"));
                        String[] f = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                        total += Long.parseLong(f[11]) + Long.parseLong(f[12]);
                    }
                } catch (java.io.IOException | RuntimeException e) {
                    // the process ended meanwhile
                }
            }
            return total;
        }

        void report(String name, int batches, double seconds) {
            double jvmMs = (jvmNanos() - jvm) / 1e6;
            double pgMs = (postgresTicks() - postgres) * 10.0;
            System.out.printf(Locale.ROOT, "%s: CPU per batch of %d events: JVM %.1f ms (server + HTTP client), PostgreSQL %.1f ms; "
                    + "machine load average %.1f on %d cores during %.1f s%n", name, EVENTS, jvmMs / batches, pgMs / batches,
                    java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage(),
                    Runtime.getRuntime().availableProcessors(), seconds);
        }
    }

    /**
     * One enrolled device and its batches, frozen as a device freezes them: bytes, gzip and signature made once; and
     * the same events one JSON record each, in the batches' order, for the one-record-per-request peer.
     */
    record Frozen(TestDevice device, List<byte[][]> batches, List<byte[]> records) {
    }

    static List<Frozen> freeze(TestServer server, int devices, int batches) {
        List<Frozen> out = new ArrayList<>();
        for (int i = 0; i < devices; i++) {
            TestDevice d = TestDevice.enrol(server);
            Chain chain = new Chain(d.deviceId);
            List<byte[][]> mine = new ArrayList<>();
            List<byte[]> records = new ArrayList<>();
            for (int b = 0; b < batches; b++) {
                List<WireEvent> events = events(d, chain, b);
                Batch batch = d.batch(chain, events);
                byte[] bytes = batch.canonical();
                mine.add(new byte[][] {batch.batchId().getBytes(), Gzip.compress(bytes), d.sign(bytes)});
                for (WireEvent e : events) {
                    records.add(e.toJson().toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                }
            }
            out.add(new Frozen(d, mine, records));
        }
        return out;
    }

    /** Every device sends its batches one after another (at most one in flight per device, §8.2), all devices at once. */
    static void send(List<Frozen> devices) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(devices.size());
        try {
            List<Future<Integer>> done = new ArrayList<>();
            for (Frozen fd : devices) {
                TestDevice d = fd.device();
                List<byte[][]> mine = fd.batches();
                done.add(pool.submit(() -> {
                    for (byte[][] f : mine) {
                        Http.Answer a = Http.send("POST", d.devicePath("/batches"), d.headers(new String(f[0]), f[2]), f[1]);
                        if (a.status() != 200) {
                            throw new IllegalStateException(a.status() + " " + a.text());
                        }
                    }
                    return mine.size();
                }));
            }
            for (Future<Integer> f : done) {
                f.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    /** 100 events: 25 dossiers, each received and then handed over three times. */
    static List<WireEvent> events(TestDevice d, Chain chain, int batch) {
        List<WireEvent> out = new ArrayList<>();
        for (int i = 0; i < EVENTS / 4; i++) {
            String id = UUID.randomUUID().toString();
            int number = (d.deviceNumber - 1) * 1000 + 1 + (batch * 25 + i) % 999;
            String code = Payloads.code(d.unitCode, String.format("25%02d%02d", 1 + batch / 28 % 12, 1 + batch % 28), number);
            out.add(chain.next("DossierReceived", id, Payloads.received(id, code, List.of(), 2), List.of(), TestDevice.CREATED_AT));
            out.add(chain.next("DossierActionTaken", id, Payloads.action(id, code, 2, "HAND_OVER_FOR_PROCESSING", 4,
                    "2025-05-31T09:00:00.000+07:00", null), List.of(), "2025-05-31T09:00:00.000+07:00"));
            out.add(chain.next("DossierActionTaken", id, Payloads.action(id, code, 3, "MARK_DONE", 9,
                    "2025-06-02T10:00:00.000+07:00", null), List.of(), "2025-06-02T10:00:00.000+07:00"));
            out.add(chain.next("DossierActionTaken", id, Payloads.action(id, code, 4, "RETURN_RESULT", 10,
                    "2025-06-03T15:00:00.000+07:00", null), List.of(), "2025-06-03T15:00:00.000+07:00"));
        }
        return out;
    }

    static Limits unthrottled() {
        return org.motcua.server.testing.TestLimits.rates(new Limits.RateLimits(1_000_000, 1_000_000, 1_000_000));
    }

    static void bench(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %d %s", name, Math.round(value), unit));   // one write: logs interleave
    }

}
