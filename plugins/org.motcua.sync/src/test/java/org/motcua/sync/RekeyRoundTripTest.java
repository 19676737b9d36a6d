package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.sync.DeviceEnrolments;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.sync.faults.ConnectionFaults;
import org.motcua.sync.faults.FaultProxy;
import org.motcua.sync.internal.BatchFreezer;
import org.motcua.sync.internal.CycleFailure;

/**
 * Rekey (§6.2) against the real province server (its packaged jar, its admin tool), through a loopback proxy that can
 * lose an answer after the server committed: a desk enrols, receives and syncs, freezes a batch with its old key,
 * renews its key (the first answer is lost; the same bytes signed by the now superseded key get the stored answer),
 * receives more and syncs again. Everything is acknowledged, the batch frozen before the renewal went up re-signed, and
 * the province's own audit ({@code verify-chains --events}) finds every event stored once and every chain intact.
 */
class RekeyRoundTripTest {

    private static final String UNIT = "000.00.04.H99";

    @TempDir
    Path dir;

    @Test
    void aDeskRenewsItsKeyWithTheRealProvinceAndEverythingBeforeAndAfterIsAcknowledgedOnce() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Đổi Khóa");
        TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1);
        try {
            renewWhileWorking(desk, data, code);
            // the province is stopped: its admin audits what it stored
            SetChecker.Result r = SetChecker.check(List.of(desk), Province.verifyChains(data));
            assertTrue(r.clean(), r.summary());
            assertEquals(desk.outbox.all().size(), r.acknowledged(), r.summary());
            assertEquals(r.acknowledged(), r.stored(), r.summary());
        } finally {
            desk.close();
        }
    }

    private static void renewWhileWorking(TestDesk desk, Path data, String code) throws Exception {
        try (Province province = Province.start(data);
                FaultProxy link = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()))) {
            desk.enrol(link.baseUri(), code);
            for (int i = 0; i < 3; i++) {
                desk.receive();
            }
            assertEquals(Optional.empty(), desk.sync().problem());
            DeviceEnrolments.Enrolment before = new DeviceEnrolments(desk.store).current().orElseThrow();

            desk.receive();
            desk.receive();
            FrozenBatch frozenBefore = desk.engine.onEngineThread(ctx -> {
                try {
                    return BatchFreezer.freezeNext(ctx, 1024).orElseThrow();
                } catch (CycleFailure e) {
                    throw new AssertionError(e);
                }
            }).join();

            // the next connection carries the rekey; the province commits it and its answer is lost
            int next = link.connections() + 1;
            link.setFaults(n -> n == next ? ConnectionFaults.loseResponse() : ConnectionFaults.NONE);
            desk.engine.onEngineThread(ctx -> {
                ctx.reloadEnrolment();   // no connection kept alive: the rekey opens the next one
                return null;
            }).join();
            CompletionException lost = assertThrows(CompletionException.class,
                    () -> desk.engine.rekey("quantri", Role.ADMIN).join());
            assertEquals(SyncFailure.Reason.OFFLINE, assertInstanceOf(SyncFailure.class, lost.getCause()).reason());
            assertEquals(next, link.connections(), "the rekey went over the faulty connection");
            assertEquals(1, link.resets(), "cut when the province's answer came back: it had committed the rekey");
            assertArrayEquals(before.privateKey(), new DeviceEnrolments(desk.store).current().orElseThrow().privateKey());

            RekeyResult renewed = desk.engine.rekey("quantri", Role.ADMIN).join();
            assertTrue(renewed.sentAgain(), "the kept request, signed by the superseded key, got the stored answer");
            assertEquals(1, renewed.batchesResigned());
            DeviceEnrolments.Enrolment after = new DeviceEnrolments(desk.store).current().orElseThrow();
            assertFalse(java.util.Arrays.equals(before.privateKey(), after.privateKey()));
            assertNotEquals(frozenBefore.signerSerial(), desk.outbox.batch(frozenBefore.batchId()).orElseThrow().signerSerial());

            desk.receive();
            desk.receive();
            SyncStatus s = desk.sync();
            assertEquals(Optional.empty(), s.problem(), s.problemDetail() + "\nserver log:\n"
                    + String.join("\n", province.output()));
            assertEquals(0, s.eventsWaiting());
            FrozenBatch acked = desk.outbox.batch(frozenBefore.batchId()).orElseThrow();
            assertEquals(FrozenBatch.ACKED, acked.state(), "the batch frozen before the renewal went up under its own id");
            assertArrayEquals(frozenBefore.body(), acked.body());
        }
    }
}
