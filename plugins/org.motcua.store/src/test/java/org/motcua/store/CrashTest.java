package org.motcua.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Dossier;
import org.motcua.protocol.chain.LinkHash;

/**
 * Kills a receiving desk with SIGKILL at random moments, 24 times, and checks after each restart that
 * every dossier it had acknowledged is there and whole, and that the outbox and audit chains verify.
 */
class CrashTest {

    private static final int ROUNDS = 24;

    @TempDir
    Path dir;

    @Test
    void acknowledgedDossiersSurviveSigkill() throws Exception {
        Path base = dir.resolve("desk");
        Path acks = dir.resolve("acks.txt");
        Random random = new Random(20261123L);
        int totalAcked = 0;
        for (int round = 0; round < ROUNDS; round++) {
            Process desk = startDesk(base, acks, round * 100_000);
            awaitReady(desk);
            awaitFirstAck(acks, totalAcked);
            Thread.sleep(random.nextInt(700));  // then kill at a random point of the intake loop
            desk.destroyForcibly();  // SIGKILL on Linux: no shutdown hook, no clean close
            assertTrue(desk.waitFor(30, TimeUnit.SECONDS));

            Set<UUID> acked = readAcks(acks);
            checkStore(base, acked, "round " + round);
            assertTrue(acked.size() > totalAcked, "round " + round + " acknowledged nothing new");
            totalAcked = acked.size();
        }
        assertTrue(totalAcked >= ROUNDS);
    }

    /**
     * Opens the store as the desk would after the kill: every acknowledged dossier there and whole, every dossier with
     * exactly its reception record, outbox event and audit entry (nothing half written), both chains intact.
     */
    static void checkStore(Path base, Set<UUID> acked, String when) {
        try (Store store = Store.open(base, StoreFixture.KEY)) {
            for (UUID id : acked) {
                Dossier d = store.dossier(id).orElseThrow(() -> new AssertionError(when + ": acknowledged dossier lost: " + id));
                Procedure p = StoreFixture.CATALOGUE.version(d.procedureCode(), d.procedureVersion()).orElseThrow();
                assertEquals(p.requiredDocuments().size(), d.documents().size(), when + ": documents of " + d.code());
            }
            long dossiers = store.count("dossier");
            assertTrue(dossiers >= acked.size(), when);
            assertEquals(dossiers, store.count("handover"), when + ": one reception record per dossier, none half-written");
            assertEquals(dossiers, store.count("outbox"), when + ": one outbox event per dossier");
            assertEquals(dossiers, store.count("audit_log"), when + ": one audit entry per dossier");
            assertTrue(store.verifyOutbox().intact(), "outbox chain after " + when);
            assertTrue(store.verifyAudit().intact(), "audit chain after " + when);
        }
    }

    /** Waits until the desk acknowledged one more dossier than before, so every round makes progress. */
    private static void awaitFirstAck(Path acks, int before) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (!Files.exists(acks) || readAcks(acks).size() <= before) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("the desk acknowledged nothing within 60 s");
            }
            Thread.sleep(20);
        }
    }

    static Set<UUID> readAcks(Path acks) throws Exception {
        Set<UUID> ids = new LinkedHashSet<>();
        String all = Files.readString(acks, StandardCharsets.US_ASCII);
        int end = all.lastIndexOf('\n');  // a line cut by the kill has no newline yet: it was not acknowledged
        for (String line : all.substring(0, end + 1).split("\n")) {
            if (!line.isBlank()) {
                ids.add(UUID.fromString(line.substring(0, line.indexOf(' '))));
            }
        }
        return ids;
    }

    private static Process startDesk(Path base, Path acks, int firstNumber) throws Exception {
        return startDesk(base, acks, firstNumber, List.of());
    }

    /** The child desk, with Java options (a crash point: {@code -Dmotcua.crashPoint=NAME:N}). */
    static Process startDesk(Path base, Path acks, int firstNumber, List<String> javaOptions) throws Exception {
        List<String> command = new ArrayList<>(List.of(ProcessHandle.current().info().command().orElseThrow()));
        command.addAll(javaOptions);
        command.addAll(List.of("-cp", classPath(), CrashingDesk.class.getName(), base.toString(), acks.toString(),
                String.valueOf(firstNumber)));
        return new ProcessBuilder(command).redirectErrorStream(true).start();
    }

    static void awaitReady(Process desk) throws Exception {
        BufferedReader out = new BufferedReader(new InputStreamReader(desk.getInputStream(), StandardCharsets.UTF_8));
        List<String> seen = new ArrayList<>();
        for (String line = out.readLine(); line != null; line = out.readLine()) {
            if (line.equals("READY")) {
                Thread drain = new Thread(() -> out.lines().forEach(l -> { }));
                drain.setDaemon(true);
                drain.start();
                return;
            }
            seen.add(line);
        }
        throw new AssertionError("the desk died before it was ready:\n" + String.join("\n", seen));
    }

    /** The jars and folders of the classes the desk needs, found from where OSGi loaded them. */
    private static String classPath() throws URISyntaxException, ClassNotFoundException {
        Set<String> entries = new LinkedHashSet<>();
        // Jackson's annotations are seen only through databind's own class loader.
        Class<?> annotations = ObjectMapper.class.getClassLoader().loadClass("com.fasterxml.jackson.annotation.JsonProperty");
        for (Class<?> c : List.of(CrashingDesk.class, Store.class, Dossier.class, LinkHash.class,
                org.h2.jdbcx.JdbcDataSource.class, Flyway.class, ObjectMapper.class,
                com.fasterxml.jackson.core.JsonFactory.class, annotations,
                org.bouncycastle.crypto.generators.Argon2BytesGenerator.class)) {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                throw new AssertionError("cannot find the file of " + c + ": " + source);
            }
            entries.add(new File(source.getLocation().toURI()).getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
