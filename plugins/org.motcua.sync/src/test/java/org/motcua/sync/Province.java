package org.motcua.sync;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.motcua.protocol.doc.Limits;

/**
 * The real province server for end-to-end tests: the packaged {@code sync-server} jar as its own process on a free
 * loopback port, with its embedded H2 database in a test directory, and its admin command line (run while the server
 * is stopped: an embedded H2 file has one owner). {@link #verifyChains()} is the admin's own audit of what it stored.
 */
final class Province implements AutoCloseable {

    private static final String READY = "MOTCUA-SERVER-READY";

    private final Path data;
    private final Process process;
    private final URI url;
    private final List<String> output;

    private Province(Path data, Process process, URI url, List<String> output) {
        this.data = data;
        this.process = process;
        this.url = url;
        this.output = output;
    }

    static Province start(Path data) throws IOException, InterruptedException {
        return start(data, List.of());
    }

    /** With more server options, e.g. {@code --limits FILE}. */
    static Province start(Path data, List<String> options) throws IOException, InterruptedException {
        return start(data, options, List.of());
    }

    /** With more server options and Java options (e.g. a crash point: {@code -Dmotcua.crashPoint=NAME:N}). */
    static Province start(Path data, List<String> options, List<String> javaOptions) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("--host", "127.0.0.1", "--port", "0", "--data", data.toString()));
        args.addAll(options);
        Process p = new ProcessBuilder(command(javaOptions, args.toArray(String[]::new))).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> pump(p, lines), "province-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        synchronized (lines) {
            while (System.nanoTime() < deadline) {
                for (String line : lines) {
                    if (line.startsWith(READY)) {
                        return new Province(data, p, URI.create(line.substring(READY.length()).trim()), lines);
                    }
                }
                if (!p.isAlive()) {
                    break;
                }
                lines.wait(200);
            }
        }
        p.destroyForcibly();
        throw new AssertionError("the province server did not start:\n" + String.join("\n", lines));
    }

    /**
     * Server options that raise the rate limits far above the contract's defaults (a province may raise them, never
     * lower them), for tests and benchmarks that sync as fast as the machine allows, far faster than a commune does.
     */
    static List<String> raisedRateLimits(Path dir) throws IOException {
        Limits l = Limits.DEFAULTS;
        Limits fast = new Limits(l.maxBatchWireBytes(), l.maxBatchBytes(), l.maxBatchEvents(), l.maxEventPayloadBytes(),
                l.maxInflateRatio(), l.maxSignatureHeaderBytes(), l.maxRequestBytes(), l.maxBlobBytes(), l.maxChunkBytes(),
                l.recommendedChunkBytes(), l.recommendedBatchWireBytes(), l.maxMissingQueryHashes(), l.maxUpdatesPageItems(),
                l.maxUsbFileBytes(), l.sessionTtlSeconds(), l.partialUploadTtlDays(), l.clockSkewToleranceSeconds(), 1000,
                new Limits.RateLimits(100_000, 1_000_000, 1000));
        return List.of("--limits", Files.write(dir.resolve("limits.json"), fast.canonical()).toString());
    }

    /** A new enrolment code for {@code unit} from the admin tool (with the server stopped). */
    static String enrolmentCode(Path data, String unit, String unitName) throws IOException, InterruptedException {
        return enrolmentCode(data, List.of(), unit, unitName);
    }

    /** A new enrolment code with more admin options ({@code --jdbc-url …} for a province on PostgreSQL). */
    /** {@code count} enrolment codes for one unit, made one after another (codes made at once for a new unit race). */
    static List<String> enrolmentCodes(Path data, String unit, String unitName, int count) throws IOException, InterruptedException {
        List<String> codes = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            codes.add(enrolmentCode(data, unit, unitName));
        }
        return codes;
    }

    static String enrolmentCode(Path data, List<String> options, String unit, String unitName) throws IOException,
            InterruptedException {
        List<String> args = new ArrayList<>(List.of("enrolment-code", "--unit", unit, "--unit-name", unitName, "--data",
                data.toString()));
        args.addAll(options);
        List<String> out = run(args.toArray(String[]::new));
        return out.stream().map(String::strip).filter(l -> l.matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){8}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code printed:\n" + String.join("\n", out)));
    }

    /** A re-enrolment code bound to {@code deviceId} of {@code unit} (with the server stopped). */
    static String reenrolmentCode(Path data, String unit, String unitName, String deviceId) throws IOException, InterruptedException {
        List<String> out = run("enrolment-code", "--unit", unit, "--unit-name", unitName, "--reenrol", deviceId, "--data",
                data.toString());
        return out.stream().map(String::strip).filter(l -> l.matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){8}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code printed:\n" + String.join("\n", out)));
    }

    /** The admin tool's {@code verify-chains --events} on {@code data} (with the server stopped): every line printed. */
    static List<String> verifyChains(Path data) throws IOException, InterruptedException {
        return verifyChains(data, List.of());
    }

    /** {@link #verifyChains(Path)} with more admin options ({@code --jdbc-url …} for a province on PostgreSQL). */
    static List<String> verifyChains(Path data, List<String> options) throws IOException, InterruptedException {
        List<String> args = new ArrayList<>(List.of("verify-chains", "--events", "--data", data.toString()));
        args.addAll(options);
        return run(true, args.toArray(String[]::new));
    }

    /** The admin tool's {@code verify-blobs} on {@code data} (with the server stopped): every line printed. */
    static List<String> verifyBlobs(Path data) throws IOException, InterruptedException {
        return run(true, "verify-blobs", "--data", data.toString());
    }

    /** Runs one admin command to its end; returns what it printed. */
    static List<String> run(String... args) throws IOException, InterruptedException {
        return run(false, args);
    }

    private static List<String> run(boolean anyExit, String... args) throws IOException, InterruptedException {
        return run(List.of(), anyExit, args);
    }

    /** Runs one admin command with Java options (a crash point); with {@code anyExit}, whatever its exit status. */
    static List<String> run(List<String> javaOptions, boolean anyExit, String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(javaOptions, args)).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        pump(p, lines);
        if (!p.waitFor(120, TimeUnit.SECONDS) || (!anyExit && p.exitValue() != 0)) {
            throw new AssertionError("admin command " + List.of(args) + " failed:\n" + String.join("\n", lines));
        }
        return lines;
    }

    URI url() {
        return url;
    }

    Path data() {
        return data;
    }

    List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static List<String> command(String... args) {
        return command(List.of(), args);
    }

    private static List<String> command(List<String> javaOptions, String... args) {
        Path jar = Path.of(System.getProperty("motcua.server.jar", "../../sync-server/target/motcua-sync-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the sync-server jar is not built: " + jar.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java")));
        cmd.addAll(javaOptions);
        cmd.addAll(List.of("-jar", jar.toAbsolutePath().toString()));
        cmd.addAll(List.of(args));
        return cmd;
    }

    private static void pump(Process p, List<String> lines) {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended
        }
    }

    /** Whether the server process still runs (a crash point ends it by itself). */
    boolean alive() {
        return process.isAlive();
    }

    /** Waits up to {@code seconds} for the process to end by itself; whether it did. */
    boolean ended(long seconds) throws InterruptedException {
        return process.waitFor(seconds, TimeUnit.SECONDS);
    }

    /** SIGKILL, as a power cut or the OOM killer would end it: no shutdown hook, no orderly close of the database. */
    void kill() throws InterruptedException {
        process.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
