package org.motcua.store;

import java.nio.charset.StandardCharsets;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.ResultReturn;
import org.motcua.core.dossier.Satisfaction;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.Role;
import org.motcua.protocol.codec.Sha256;
import org.motcua.store.internal.FileCompaction;
import org.motcua.store.sync.EventResult;
import org.motcua.store.sync.FrozenBatch;
import org.motcua.store.sync.OutboxEvent;
import org.motcua.store.sync.SyncOutbox;

/**
 * The store benchmark's working week: a desk opened each morning and closed each evening (which is when H2 compacts),
 * receiving {@code perDay} dossiers one durable write at a time, handing yesterday's over, finishing them and
 * returning their results, and syncing every 20 events (a frozen batch with its bytes, then its receipt), as the sync
 * engine does. What the file looks like after this is what a desk keeps, not what a bulk load leaves.
 */
final class SteadyUse {

    private static final int SYNC_EVERY = 20;
    private static final DateTimeFormatter SERVER_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'");

    private final Path baseName;
    private final int perDay;
    private final List<Double> intakeMs = new ArrayList<>();
    private long largestBeforeClosing;

    SteadyUse(Path baseName, int perDay) {
        this.baseName = baseName;
        this.perDay = perDay;
    }

    /** The largest the file was at the end of a day, before the evening's close compacted it. */
    long largestBeforeClosing() {
        return largestBeforeClosing;
    }

    /** Runs {@code days} working days from {@code firstMorning} (one per calendar day). */
    void run(LocalDateTime firstMorning, int days) throws IOException {
        List<Dossier> yesterday = List.of();
        for (int day = 0; day < days; day++) {
            LocalDateTime morning = firstMorning.plusDays(day);
            try (Store store = Store.open(baseName, StoreFixture.KEY)) {
                yesterday = workOneDay(store, morning, yesterday, day);
                System.out.println("bench: day " + (day + 1) + " ends with the file at "
                        + store.read(FileCompaction::state));
                largestBeforeClosing = Math.max(largestBeforeClosing, Files.size(store.file()));
            }
        }
    }

    /** Every intake's time from the call to its durable return, in milliseconds. */
    double[] intakeLatencies() {
        return intakeMs.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private List<Dossier> workOneDay(Store store, LocalDateTime morning, List<Dossier> yesterday, int day) {
        DossierIntake intake = new DossierIntake(store, StoreFixture.DEADLINES);
        DossierWorkflow workflow = new DossierWorkflow(store, StoreFixture.DEADLINES);
        SyncOutbox outbox = new SyncOutbox(store);
        List<Dossier> today = new ArrayList<>();
        for (int i = 0; i < perDay; i++) {
            LocalDateTime at = morning.plusMinutes(2L * i);
            var request = StoreFixture.intake(StoreFixture.birthRegistration(), 900_000 + day * perDay + i, at);
            long s = System.nanoTime();
            today.add(intake.receive(request, Role.RECEIVING_OFFICER, at));
            intakeMs.add((System.nanoTime() - s) / 1e6);
            if (i < yesterday.size()) {
                finish(workflow, yesterday.get(i), at.plusSeconds(30));
            }
            if (outbox.waiting() >= SYNC_EVERY) {
                syncPending(outbox, at.plusSeconds(50));
            }
        }
        syncPending(outbox, morning.plusHours(9));
        return today;
    }

    /** Yesterday's dossier handed over, done and returned to the applicant: three more durable writes. */
    private static void finish(DossierWorkflow workflow, Dossier d, LocalDateTime at) {
        workflow.take(d.id(), DossierAction.HAND_OVER_FOR_PROCESSING, Role.RECEIVING_OFFICER, "tiepnhan1", "xuly1", "", at);
        workflow.take(d.id(), DossierAction.MARK_DONE, Role.PROCESSING_OFFICER, "xuly1", "tiepnhan1", "", at.plusSeconds(5));
        workflow.returnResult(d.id(), ResultReturn.byApplicant(Optional.of(Satisfaction.SATISFIED), ""),
                Role.RECEIVING_OFFICER, "tiepnhan1", at.plusSeconds(10));
    }

    /** Freezes what waits into one batch (its body about the size the wire carries) and acknowledges it. */
    private static void syncPending(SyncOutbox outbox, LocalDateTime at) {
        List<OutboxEvent> pending = outbox.pending(1000);
        if (pending.isEmpty()) {
            return;
        }
        OutboxEvent first = pending.get(0);
        OutboxEvent last = pending.get(pending.size() - 1);
        byte[] body = ("batch " + first.seq() + ".." + last.seq() + " " + "x".repeat(300 * pending.size()))
                .getBytes(StandardCharsets.UTF_8);
        FrozenBatch b = outbox.freeze(new FrozenBatch.New(UUID.randomUUID(), first.epoch(), first.seq(),
                last.seq(), body, Sha256.hex(body), body.length, new byte[72], "1"));
        List<EventResult> results = pending.stream()
                .map(e -> new EventResult(e.seq(), "accepted", Optional.empty(), List.of(), Optional.empty())).toList();
        outbox.acknowledge(b.batchId(), last.seq(), last.hash(), results, new byte[400], new byte[72],
                at.format(SERVER_TIME));
    }
}
