package org.motcua.ui.testing;

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

/**
 * The real province server for the UI tests: the packaged {@code sync-server} jar (built before the client bundles)
 * run as its own process on a free loopback port with an embedded H2 database in a test directory, and its admin
 * command line. A test talks to it over real HTTP, as a commune PC does.
 */
public final class ProvinceServer implements AutoCloseable {

    private static final String READY = "MOTCUA-SERVER-READY";

    private final Process process;
    private final URI url;
    private final List<String> output;

    private ProvinceServer(Process process, URI url, List<String> output) {
        this.process = process;
        this.url = url;
        this.output = output;
    }

    /** An enrolment code as the admin tool printed it, with the CA fingerprint printed beside it. */
    public record Code(String grouped, String caFingerprint) {
    }

    /** Starts a server on {@code data} and waits until it listens. */
    public static ProvinceServer start(Path data) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command("--host", "127.0.0.1", "--port", "0", "--data", data.toString()))
                .redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> pump(p, lines), "province-server-output");
        pump.setDaemon(true);
        pump.start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(90);
        while (System.nanoTime() < deadline) {
            synchronized (lines) {
                for (String line : lines) {
                    if (line.startsWith(READY)) {
                        return new ProvinceServer(p, URI.create(line.substring(READY.length()).trim()), lines);
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

    /** Runs the admin tool's {@code enrolment-code} on {@code data} (the server must not hold the database then). */
    public static Code enrolmentCode(Path data, String unitCode, String unitName) throws IOException, InterruptedException {
        List<String> out = run("enrolment-code", "--unit", unitCode, "--unit-name", unitName, "--data", data.toString());
        String grouped = out.stream().map(String::strip).filter(l -> l.matches("[0-9A-Z]{4}(-[0-9A-Z]{1,4}){8}")).findFirst()
                .orElseThrow(() -> new AssertionError("no code printed:\n" + String.join("\n", out)));
        String fingerprint = out.stream().filter(l -> l.startsWith("CA fingerprint: ")).findFirst()
                .map(l -> l.substring("CA fingerprint: ".length()).strip())
                .orElseThrow(() -> new AssertionError("no fingerprint printed:\n" + String.join("\n", out)));
        return new Code(grouped, fingerprint);
    }

    /** Runs one admin command to its end; returns what it printed. */
    public static List<String> run(String... args) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command(args)).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        pump(p, lines);
        if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
            throw new AssertionError("admin command " + List.of(args) + " failed:\n" + String.join("\n", lines));
        }
        return lines;
    }

    public URI url() {
        return url;
    }

    /** Everything the server printed so far (its log), for failure messages. */
    public List<String> output() {
        synchronized (output) {
            return List.copyOf(output);
        }
    }

    private static List<String> command(String... args) {
        Path jar = Path.of(System.getProperty("motcua.server.jar", "../../sync-server/target/motcua-sync-server.jar"));
        if (!Files.isRegularFile(jar)) {
            throw new AssertionError("the sync-server jar is not built: " + jar.toAbsolutePath());
        }
        List<String> cmd = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElse("java"), "-jar",
                jar.toAbsolutePath().toString()));
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

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
