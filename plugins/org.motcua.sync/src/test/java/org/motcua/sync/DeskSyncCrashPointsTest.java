package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.Store;

/**
 * A desk that receives and syncs, in a child JVM, halted at its store's crash points ({@code store-before-commit},
 * {@code store-before-sync}, {@code store-after-sync}) at each of its first writes, with sync's own writes among them:
 * a batch frozen, a receipt acknowledged, the feed's cursor. After each halt the desk is opened again and drains to the
 * real province: its chains verify, and at the end the set checker finds nothing acknowledged lost, nothing stored
 * twice, nothing unexpected.
 */
class DeskSyncCrashPointsTest {

    private static final String UNIT = "000.00.07.H99";
    private static final List<String> POINTS = List.of("store-before-commit", "store-before-sync", "store-after-sync");
    private static final int WRITES = Integer.getInteger("motcua.crash.deskWrites", 4);

    @TempDir
    Path dir;

    @Test
    void aSyncingDeskHaltedAtEachPointOfItsWritesLosesNothingAndSendsNothingTwice() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Mất Điện");
        int halts = 0;
        try (Province province = Province.start(data, Province.raisedRateLimits(dir))) {
            TestDesk enrolled = TestDesk.create(dir, "desk", UNIT, 1);
            enrolled.enrol(province.url(), code);
            enrolled.close();
            for (String point : POINTS) {
                for (int n = 1; n <= WRITES; n++) {
                    String armed = point + ":" + n;
                    List<String> output = runUntilHalted(armed);
                    assertTrue(output.contains("MOTCUA-CRASH-POINT " + armed), armed + ":\n" + String.join("\n", output));
                    halts++;
                    try (TestDesk again = TestDesk.reopen(dir, "desk", Store.open(dir.resolve("desk"), TestDesk.KEY))) {
                        assertTrue(again.store.verifyOutbox().intact(), armed + ": the outbox chain");
                        assertTrue(again.store.verifyAudit().intact(), armed + ": the audit chain");
                        for (int i = 0; i < 10 && again.engine.status().eventsWaiting() > 0; i++) {
                            again.sync();
                        }
                        assertEquals(0, again.engine.status().eventsWaiting(), armed + ": drained " + again.engine.status());
                    }
                }
            }
        }
        try (TestDesk last = TestDesk.reopen(dir, "desk", Store.open(dir.resolve("desk"), TestDesk.KEY))) {
            SetChecker.Result r = SetChecker.check(List.of(last), Province.verifyChains(data));
            System.out.println("desk sync crash points: " + halts + " halts, " + r.summary());
            assertTrue(r.clean(), r.summary());
            assertTrue(r.acknowledged() > 0 && r.acknowledged() == r.stored(), r.summary());
        }
    }

    private List<String> runUntilHalted(String armed) throws Exception {
        List<String> command = List.of(ProcessHandle.current().info().command().orElseThrow(), "-Dmotcua.crashPoint=" + armed,
                "-cp", classPath(), SyncingDesk.class.getName(), dir.toString(), "desk");
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> lines = new ArrayList<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
                in.lines().forEach(l -> {
                    synchronized (lines) {
                        lines.add(l);
                    }
                });
            } catch (java.io.IOException e) {
                // ended
            }
        });
        pump.start();
        if (!p.waitFor(120, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            throw new AssertionError(armed + ": the desk did not halt");
        }
        pump.join(10_000);
        synchronized (lines) {
            return List.copyOf(lines);
        }
    }

    /** The jars and folders of what the desk needs, found from where OSGi loaded them. */
    private static String classPath() throws Exception {
        Set<String> entries = new LinkedHashSet<>();
        ClassLoader jackson = ObjectMapper.class.getClassLoader();
        ClassLoader store = Store.class.getClassLoader();
        ClassLoader protocol = org.motcua.protocol.chain.LinkHash.class.getClassLoader();
        ClassLoader sync = SyncEngine.class.getClassLoader();
        ClassLoader client = sync.loadClass("org.apache.hc.client5.http.impl.classic.HttpClients").getClassLoader();
        // each through a bundle that imports it: this test bundle does not see H2, Flyway or the CMS classes itself
        List<Class<?>> classes = List.of(SyncingDesk.class, SyncEngine.class, Store.class,
                org.motcua.core.dossier.Dossier.class, org.motcua.protocol.chain.LinkHash.class,
                store.loadClass("org.h2.jdbcx.JdbcDataSource"), store.loadClass("org.flywaydb.core.Flyway"),
                ObjectMapper.class, jackson.loadClass("com.fasterxml.jackson.core.JsonFactory"),
                jackson.loadClass("com.fasterxml.jackson.annotation.JsonProperty"),
                store.loadClass("org.bouncycastle.crypto.generators.Argon2BytesGenerator"),
                protocol.loadClass("org.bouncycastle.cms.CMSSignedData"),
                sync.loadClass("org.apache.hc.client5.http.impl.classic.HttpClients"),
                sync.loadClass("org.apache.hc.core5.http.HttpHost"),
                protocol.loadClass("org.bouncycastle.asn1.cms.ContentInfo"),   // bcutil
                client.loadClass("org.slf4j.LoggerFactory"),
                client.loadClass("org.apache.hc.core5.http2.HttpVersionPolicy"));
        for (Class<?> c : classes) {
            var source = c.getProtectionDomain().getCodeSource();
            if (source == null || !"file".equals(source.getLocation().getProtocol())) {
                throw new AssertionError("cannot find the file of " + c + ": " + source);
            }
            entries.add(new File(source.getLocation().toURI()).getAbsolutePath());
        }
        return String.join(File.pathSeparator, entries);
    }
}
