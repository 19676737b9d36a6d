package org.motcua.sync;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.protocol.doc.Problem;
import org.motcua.protocol.doc.ProblemType;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncLedger;

/** The reactions of §8.3 beyond the client cases: stop-and-show, abandon rule, Retry-After, back-off. */
class ReactionsTest {

    @TempDir
    Path dir;
    private FakeProvince province;
    private TestDesk desk;

    @BeforeEach
    void enrolledDesk() throws Exception {
        province = new FakeProvince(false);
        desk = TestDesk.create(dir, "desk", 1);
        desk.enrol(province);
    }

    @AfterEach
    void close() {
        desk.close();
        province.close();
    }

    @Test
    void aRevokedDeviceStopsSyncingAndKeepsEverything() {
        desk.receive();
        province.revoked = true;
        SyncStatus s = desk.sync();
        assertEquals(Optional.of(SyncProblem.DEVICE_REVOKED), s.problem());
        assertTrue(s.stopped());
        assertEquals(1, s.eventsWaiting());
        long posts = province.requestsTo("/batches");
        province.revoked = false;
        SyncStatus again = desk.sync();   // still stopped: only re-enrolment lifts it
        assertTrue(again.stopped());
        assertEquals(posts, province.requestsTo("/batches"));
        desk.enrol(province);              // a reenrol code: same deviceId, new key
        SyncStatus after = desk.sync();
        assertEquals(Optional.empty(), after.problem());
        assertEquals(0, after.eventsWaiting(), "the frozen batch was re-signed with the new key and sent");
    }

    @Test
    void anEpochClosedByAnotherCopyOfThisDeviceStopsSyncing() {
        desk.receive();
        province.nextBatchProblem = Problem.of(ProblemType.EPOCH_CLOSED, "closed", "closed")
                .with("currentEpoch", UUID.randomUUID().toString());
        SyncStatus s = desk.sync();
        assertEquals(Optional.of(SyncProblem.IDENTITY_IN_USE), s.problem());
        assertTrue(s.stopped());
    }

    @Test
    void aClientDefectStopsAndKeepsTheFrozenBytes() {
        desk.receive();
        province.nextBatchProblem = Problem.of(ProblemType.NOT_CANONICAL, "x", "x");
        SyncStatus s = desk.sync();
        assertEquals(Optional.of(SyncProblem.CLIENT_DEFECT), s.problem());
        assertTrue(s.stopped());
        assertEquals(List.of(FrozenBatch.FROZEN), desk.outbox.unacknowledged().stream().map(FrozenBatch::state).toList());
    }

    @Test
    void tooLargeAbandonsOnlyAfterAStateProvesNothingWasCommitted() {
        for (int i = 0; i < 3; i++) {
            desk.receive();
        }
        province.nextBatchProblem = Problem.of(ProblemType.BATCH_TOO_LARGE, "big", "big").with("limit", 1L);
        desk.engine.onEngineThread(ctx -> {
            ctx.ledger.put(SyncLedger.Key.TARGET_WIRE_BYTES, "262144");
            return null;
        }).join();
        SyncStatus s = desk.sync();
        assertEquals(Optional.empty(), s.problem());
        List<UUID> batchIds = desk.outbox.events(desk.outbox.currentEpoch(), 1, 3).stream()
                .map(e -> e.batchId().orElseThrow()).distinct().toList();
        assertTrue(province.requestsTo("/state") >= 1, "a signed state was asked before abandoning");
        assertEquals(3, province.ledger.eventsStored());
        assertTrue(desk.outbox.events(desk.outbox.currentEpoch(), 1, 3).stream().allMatch(e -> e.state().equals(OutboxEvent.ACKED)));
        assertTrue(batchIds.size() >= 1);
        long abandoned = province.ledger.postsPerBatch.keySet().stream()
                .filter(id -> desk.outbox.batch(UUID.fromString(id)).map(b -> b.state().equals(FrozenBatch.ABANDONED)).orElse(false))
                .count();
        assertEquals(1, abandoned, "the 413 batch was abandoned and its events frozen again under new ids");
    }

    @Test
    void busyServersAreWaitedForAsTheySayAndFailuresBackOff() {
        desk.receive();
        province.nextBatchProblem = Problem.of(ProblemType.RATE_LIMITED, "slow down", "slow down");
        Instant before = Instant.now();
        SyncStatus busy = desk.sync();
        assertEquals(Optional.of(SyncProblem.SERVER_BUSY), busy.problem());
        Duration wait = Duration.between(before, busy.nextAttempt().orElseThrow());
        assertTrue(wait.compareTo(Duration.ofMillis(500)) > 0 && wait.compareTo(Duration.ofSeconds(5)) < 0,
                "Retry-After: 1 is honoured: " + wait);
        assertEquals(Optional.empty(), new SyncLedger(desk.store).get(SyncLedger.Key.FAILURES), "waiting is not failing");

        province.close();   // the link is gone
        SyncStatus first = desk.sync();
        SyncStatus second = desk.sync();
        assertEquals(Optional.of(SyncProblem.OFFLINE), second.problem());
        assertEquals("2", new SyncLedger(desk.store).get(SyncLedger.Key.FAILURES).orElseThrow());
        assertNotEquals(first.nextAttempt(), second.nextAttempt());
        assertTrue(Duration.between(Instant.now(), second.nextAttempt().orElseThrow()).toMillis() <= 2_400 + 50,
                "1 s doubling with at most +20 %");
    }

    @Test
    void theBackOffScheduleSurvivesARestart() throws Exception {
        desk.receive();
        province.close();
        for (int i = 0; i < 9; i++) {
            desk.sync();
        }
        Instant next = desk.engine.status().nextAttempt().orElseThrow();
        assertTrue(Duration.between(Instant.now(), next).toSeconds() >= 200, "ninth failure: about 256 s ±20 %");
        desk.close();
        desk = TestDesk.reopen(dir, "desk", org.motcua.store.Store.open(dir.resolve("desk"), TestDesk.KEY));
        assertEquals(Optional.of(next), desk.engine.status().nextAttempt());
        assertEquals(Optional.of(SyncProblem.OFFLINE), desk.engine.status().problem());
        province = new FakeProvince(false);   // (closed again by @AfterEach)
    }

    @Test
    void eventsAServerLostAreSentAgainAndStayAcknowledgedHere() {
        for (int i = 0; i < 3; i++) {
            desk.receive();
        }
        desk.sync();
        province.ledger.loseAfter(1);   // the province restored last night's backup
        desk.receive();
        SyncStatus s = desk.sync();
        assertEquals(0, s.eventsWaiting());
        assertEquals(Optional.of(SyncProblem.SERVER_LOST_DATA), s.problem(), "the operator is alerted");
        assertTrue(s.problemDetail().contains("2..3"), s.problemDetail());
        assertEquals(4, province.ledger.eventsStored());
        assertTrue(province.ledger.timesStored.values().stream().allMatch(n -> n == 1));
        assertTrue(desk.outbox.events(desk.outbox.currentEpoch(), 1, 4).stream().allMatch(e -> e.state().equals(OutboxEvent.ACKED)));
        assertEquals(Optional.empty(), desk.sync().problem(), "the alert is cleared by the next clean attempt");
    }

    @Test
    void theBackOffDoublesToFiveMinutesWithTwentyPercentJitter() {
        for (int failures = 1; failures <= 30; failures++) {
            long expected = Math.min(1000L << Math.min(failures - 1, 20), 300_000L);
            for (int i = 0; i < 50; i++) {
                long ms = SyncEngineAccess.backoff(failures).toMillis();
                assertTrue(ms >= expected * 0.8 - 1 && ms <= expected * 1.2 + 1, failures + ": " + ms);
            }
        }
    }
}
