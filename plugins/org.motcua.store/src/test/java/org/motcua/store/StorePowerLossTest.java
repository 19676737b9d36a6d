package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Power loss under a receiving desk ({@link CrashingDesk} in a child JVM on {@link FilePathUnsynced}): at a seeded
 * write of each round the power goes, writes the store had not forced to disk are lost or reach the disk in any subset,
 * and the store is opened again from what the disk holds. Every dossier acknowledged before the cut (forced by
 * {@link Store#write} before it returned) must be whole, nothing half written, both chains intact. The rounds must
 * also have lost something, or the test proved nothing.
 */
class StorePowerLossTest {

    private static final int ROUNDS = Integer.getInteger("motcua.powerLoss.rounds", 12);
    private static final Pattern CUT = Pattern.compile("MOTCUA-POWER-CUT at write \\d+: (\\d+) unforced writes lost");

    @TempDir
    Path dir;

    @Test
    void afterAPowerCutEveryAcknowledgedDossierIsWholeAndNothingIsHalfWritten() throws Exception {
        long seed = Long.getLong("motcua.powerLoss.seed", System.nanoTime());
        Random random = new Random(seed);
        Path base = dir.resolve("desk");
        Path acks = dir.resolve("acks.txt");
        Process first = CrashTest.startDesk(base, acks, 0, List.of());   // the store, made on the plain file system
        CrashTest.awaitReady(first);
        first.destroyForcibly().waitFor(30, TimeUnit.SECONDS);
        int lost = 0;
        for (int round = 1; round <= ROUNDS; round++) {
            String when = "seed " + seed + ", round " + round;
            long cutAt = 20 + random.nextInt(400);
            Process desk = CrashTest.startDesk(base, acks, round * 100_000, List.of("-Dmotcua.store.fileSystem=unsynced",
                    "-Dmotcua.powerCut=" + cutAt + ":" + random.nextLong()));
            List<String> output = new ArrayList<>();
            Thread pump = new Thread(() -> {
                try (BufferedReader in = new BufferedReader(new InputStreamReader(desk.getInputStream(), StandardCharsets.UTF_8))) {
                    in.lines().forEach(l -> {
                        synchronized (output) {
                            output.add(l);
                        }
                    });
                } catch (java.io.IOException e) {
                    // ended
                }
            });
            pump.start();
            if (!desk.waitFor(120, TimeUnit.SECONDS)) {
                desk.destroyForcibly();
                throw new AssertionError(when + ": the power never went (write " + cutAt + " not reached)");
            }
            pump.join(10_000);
            Matcher m;
            synchronized (output) {
                m = CUT.matcher(String.join("\n", output));
                assertTrue(m.find(), when + ": the desk ended without the cut:\n" + String.join("\n", output));
            }
            lost += Integer.parseInt(m.group(1));
            CrashTest.checkStore(base, CrashTest.readAcks(acks), when);
        }
        System.out.println("power loss: " + ROUNDS + " cuts (seed " + seed + "), " + lost + " unforced writes lost in all, "
                + CrashTest.readAcks(acks).size() + " dossiers acknowledged, every one whole");
        assertTrue(lost > 0, "no cut lost a write (seed " + seed + "): the simulation proved nothing");
    }
}
