package org.motcua.store;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * A receiving desk ({@link CrashingDesk}, a child JVM) halted at exact places of its store's writes: for each crash
 * point of {@link Store#write} (statements done, commit not; committed, not forced to disk; forced, not yet returned)
 * and each N up to {@code writes}, the desk starts with {@code -Dmotcua.crashPoint=POINT:N} on the same store and
 * halts at its N-th write; the store is then opened as after a SIGKILL and checked ({@link CrashTest#checkStore}).
 * Shared by the test and the benchmark.
 */
final class StoreCrashPoints {

    static final List<String> POINTS = List.of(CrashPoints.BEFORE_COMMIT, CrashPoints.BEFORE_SYNC, CrashPoints.AFTER_SYNC);

    /** Points reached, and dossiers the desk had acknowledged in all. */
    record Run(int points, int acknowledged) {
    }

    private StoreCrashPoints() {
    }

    static Run run(Path dir, int writes) throws Exception {
        Path base = dir.resolve("desk");
        Path acks = dir.resolve("acks.txt");
        Process first = CrashTest.startDesk(base, acks, 0, List.of());   // creates the store; writes count from here on
        CrashTest.awaitReady(first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int points = 0;
        int round = 1;
        for (String point : POINTS) {
            for (int n = 1; n <= writes; n++, round++) {
                String armed = point + ":" + n;
                Process desk = CrashTest.startDesk(base, acks, round * 100_000, List.of("-Dmotcua.crashPoint=" + armed));
                List<String> output = new ArrayList<>();
                Thread pump = pump(desk, output);
                if (!desk.waitFor(120, TimeUnit.SECONDS)) {
                    desk.destroyForcibly();
                    throw new AssertionError(armed + ": the desk did not halt");
                }
                pump.join(10_000);   // the last lines, the crash point's among them
                synchronized (output) {
                    if (!output.contains("MOTCUA-CRASH-POINT " + armed)) {
                        throw new AssertionError(armed + ": the desk ended without reaching it:\n" + String.join("\n", output));
                    }
                }
                Set<UUID> acked = CrashTest.readAcks(acks);
                CrashTest.checkStore(base, acked, armed);
                points++;
            }
        }
        return new Run(points, CrashTest.readAcks(acks).size());
    }

    private static Thread pump(Process p, List<String> lines) {
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                for (String line = in.readLine(); line != null; line = in.readLine()) {
                    synchronized (lines) {
                        lines.add(line);
                    }
                }
            } catch (java.io.IOException e) {
                // the process ended
            }
        });
        pump.setDaemon(true);
        pump.start();
        return pump;
    }
}
