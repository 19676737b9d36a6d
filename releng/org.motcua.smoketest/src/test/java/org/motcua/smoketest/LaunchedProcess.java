package org.motcua.smoketest;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** A child process whose merged output is collected line by line, so a test can wait for a marker. */
final class LaunchedProcess implements AutoCloseable {

    private final String name;
    private final Process process;
    private final List<String> lines = new ArrayList<>();

    LaunchedProcess(String name, List<String> command, Path workDir) throws IOException {
        this(name, command, workDir, Map.of());
    }

    /** @param environment added to this process's own environment */
    LaunchedProcess(String name, List<String> command, Path workDir, Map<String, String> environment) throws IOException {
        this(name, command, workDir, environment, List.of());
    }

    /**
     * @param environment added to this process's own environment
     * @param unset       variables of this process's environment the child does not get
     */
    LaunchedProcess(String name, List<String> command, Path workDir, Map<String, String> environment, List<String> unset)
            throws IOException {
        this.name = name;
        ProcessBuilder pb = new ProcessBuilder(command).directory(workDir.toFile()).redirectErrorStream(true);
        unset.forEach(pb.environment()::remove);
        pb.environment().putAll(environment);
        this.process = pb.start();
        Thread pump = new Thread(this::pump, name + "-output");
        pump.setDaemon(true);
        pump.start();
    }

    private void pump() {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                synchronized (lines) {
                    lines.add(line);
                    lines.notifyAll();
                }
            }
        } catch (IOException e) {
            // the process ended; what it printed is in lines
        }
    }

    /** The first line containing {@code marker}; fails with everything printed so far when it does not come. */
    String awaitLine(String marker, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lines) {
            while (true) {
                for (String line : lines) {
                    if (line.contains(marker)) {
                        return line;
                    }
                }
                long left = deadline - System.nanoTime();
                if (left <= 0 || (!process.isAlive() && lines.stream().noneMatch(l -> l.contains(marker)))) {
                    throw new AssertionError(name + " did not print " + marker + " within " + timeout
                            + (process.isAlive() ? "" : " (it exited with " + process.exitValue() + ")")
                            + ". Its output:\n" + String.join("\n", lines));
                }
                lines.wait(Math.max(1, Math.min(TimeUnit.NANOSECONDS.toMillis(left), 500)));
            }
        }
    }

    List<String> output() {
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** Waits for the process to end by itself; its exit code, or fails with what it printed. */
    /** The executable the process runs now (a start script that {@code exec}s Java shows Java's path). */
    String command() {
        return process.info().command().orElse("?");
    }

    int awaitExit(Duration timeout) throws InterruptedException {
        if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
            throw new AssertionError(name + " did not end within " + timeout + ". Its output:\n" + String.join("\n", output()));
        }
        return process.exitValue();
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(15, TimeUnit.SECONDS)) {
            process.destroyForcibly().waitFor(10, TimeUnit.SECONDS);
        }
    }
}
