package org.motcua.store;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.Dossier;
import org.motcua.core.dossier.HandoverRecord;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.DossierAction;
import org.motcua.core.lifecycle.DossierStatus;
import org.motcua.core.lifecycle.Role;
import org.motcua.core.numbering.DossierCode;
import org.motcua.store.internal.DossierTable;
import org.motcua.protocol.json.CanonicalJson;
import org.motcua.store.internal.EventPayloads;
import org.motcua.store.internal.LookupTokens;
import org.motcua.store.internal.HandoverTable;
import org.motcua.store.internal.Sql;

/**
 * {@code ./motcua bench store}: search latency among 300,000 dossiers, then a working week on that desk
 * ({@link SteadyUse}) for the durable intake's latency and the file's size as a desk keeps it, and the outbox's
 * append cost; the size after the bulk load and after a full compaction are printed beside it. Prints {@code BENCH <name> <value> <unit>} lines and asserts nothing about
 * time. Excluded from the normal test run (see the store's pom); the size can be lowered with
 * {@code -Dmotcua.bench.dossiers=N}.
 */
class StoreBenchmark {

    /** An 800-byte canonical payload, the size of a typical reception. */
    private static final byte[] BENCH_PAYLOAD = ("{\"note\":\"" + "x".repeat(789) + "\"}").getBytes(java.nio.charset.StandardCharsets.UTF_8);

    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
        "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu",
        "Hồng", "Kim", "Gia", "Bảo"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng",
        "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quang", "Quân",
        "Sơn", "Tâm", "Thảo", "Thắng", "Trang", "Trung", "Tú", "Tuấn", "Vân", "Việt", "Yến", "Khoa", "Đạt", "Huy", "Loan"};

    @TempDir
    Path dir;

    @Test
    void benchmark() throws Exception {
        int total = Integer.getInteger("motcua.bench.dossiers", 300_000);
        double per100k = total / 100_000.0;
        Random random = new Random(42);
        List<Procedure> procedures = StoreFixture.CATALOGUE.current();
        List<String[]> probes;
        try (Store store = StoreFixture.newStore(dir, "bench", 1)) {
            long t0 = System.nanoTime();
            probes = bulkLoad(store, total, procedures, random);
            System.out.printf("bench: loaded %,d dossiers in %.1f s%n", total, (System.nanoTime() - t0) / 1e9);
        }
        report("store.size.per100k.after_bulk_load", fileMb() / per100k, "MB");   // closing compacted it: see the log
        // Measure as a desk works: the database opened afresh in the morning, not right after a bulk load.
        try (Store store = Store.open(dir.resolve("bench"), StoreFixture.KEY)) {
            DossierSearch search = new DossierSearch(store);
            LocalDateTime now = LocalDateTime.of(2026, 6, 1, 9, 0);
            report("store.search.code.p95", searchP95(search, probes, 0, now), "ms");
            report("store.search.cid.p95", searchP95(search, probes, 1, now), "ms");
            report("store.search.name.p95", searchP95(search, probes, 2, now), "ms");
        }

        // A working week of 200 dossiers a day, each intake its own durable write, with the day's other work.
        SteadyUse week = new SteadyUse(dir.resolve("bench"), 200);
        week.run(LocalDateTime.of(2026, 6, 2, 8, 0), 5);
        double[] latencies = week.intakeLatencies();
        Arrays.sort(latencies);
        report("store.intake.p50", latencies[latencies.length / 2], "ms");
        report("store.intake.p99", latencies[(int) (latencies.length * 0.99)], "ms");
        report("store.size.per100k", fileMb() / per100k, "MB");   // after the last evening's close
        report("store.size.per100k.end_of_day_largest", week.largestBeforeClosing() / 1048576.0 / per100k, "MB");

        try (Store store = Store.open(dir.resolve("bench"), StoreFixture.KEY)) {
            int appends = 2000;
            LocalDateTime at = LocalDateTime.of(2026, 6, 8, 8, 0);
            long s = System.nanoTime();
            store.write(c -> {
                for (int i = 0; i < appends; i++) {
                    store.appendEvent(c, "Bench", UUID.randomUUID(), at, BENCH_PAYLOAD, List.of());
                }
                return null;
            });
            report("store.outbox.append", (System.nanoTime() - s) / 1e3 / appends, "us");
        }
        // A full compaction shows how much of the file was free space.
        long s = System.nanoTime();
        try (var c = EncryptedDatabase.open(dir.resolve("bench"), StoreFixture.KEY).connect();
                var st = c.jdbc().createStatement()) {
            st.execute("SHUTDOWN COMPACT");
        }
        System.out.printf(java.util.Locale.ROOT, "bench: full compaction took %.1f s%n", (System.nanoTime() - s) / 1e9);
        report("store.size.per100k.compacted", fileMb() / per100k, "MB");
    }

    private double fileMb() throws java.io.IOException {
        return Files.size(dir.resolve("bench.mv.db")) / 1048576.0;
    }

    /** Numbers the bench's dossiers within each day, as the day counter of a real desk does. */
    private static final class DayNumbers {
        private LocalDate day;
        private int last;

        DossierCode next(LocalDateTime at) {
            if (!at.toLocalDate().equals(day)) {
                day = at.toLocalDate();
                last = 0;
            }
            return new DossierCode(StoreFixture.UNIT, day, ++last);
        }
    }

    /** Writes {@code total} realistic dossiers with their handover, outbox event and audit entry, 1,000 per transaction. */
    private static List<String[]> bulkLoad(Store store, int total, List<Procedure> procedures, Random random) {
        List<String[]> probes = new ArrayList<>();
        DayNumbers numbers = new DayNumbers();
        for (int done = 0; done < total; ) {
            int batch = Math.min(1000, total - done);
            int first = done;
            store.write(c -> {
                for (int i = first; i < first + batch; i++) {
                    insertOne(store, c, i, procedures.get(random.nextInt(procedures.size())), random, numbers, probes);
                }
                // ten years of a desk's events reached the province long ago
                Sql.update(c, "UPDATE outbox SET state = 'ACKED', result_status = 'accepted' WHERE state = 'PENDING'");
                return null;
            });
            done += batch;
        }
        return probes;
    }

    /** One dossier every 17 minutes from June 2016: 300,000 of them span ten years, like a busy ward. */
    private static void insertOne(Store store, Connection c, int i, Procedure p, Random random, DayNumbers numbers,
            List<String[]> probes) throws java.sql.SQLException {
        LocalDateTime received = LocalDateTime.of(2016, 6, 1, 8, 0).plusMinutes(i * 17L);
        String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
        String cid = String.format("%03d%d%02d%06d", 1, random.nextBoolean() ? 0 : 1, 40 + random.nextInt(60), i);
        Applicant a = Applicant.citizen(name, CitizenId.parse(cid, null), null,
                String.format("09%08d", random.nextInt(100_000_000)), new Address("Tuyên Quang", "Xã Minh Xuân", "Thôn 3"));
        List<ReceivedDocument> docs = p.requiredDocuments().stream().map(ReceivedDocument::of).toList();
        Dossier d = new Dossier(UUID.randomUUID(), numbers.next(received), p.code(), p.version(), p.fieldCode(), a, docs, 1,
                Channel.IN_PERSON, ResultDelivery.COUNTER, received, received.plusDays(3), Optional.empty(),
                "bench-" + received.getYear(), i + 1, DossierStatus.RECEIVED, "tiepnhan1", Optional.empty(), "");
        String token = LookupTokens.random();
        DossierTable.insert(c, d, token);
        HandoverRecord h = new HandoverRecord(d.id(), 1, DossierAction.RECEIVE, DossierStatus.RECEIVED, "", "tiepnhan1",
                received, Optional.empty(), Optional.empty(), Optional.empty(), "");
        HandoverTable.append(c, h);
        store.appendEvent(c, EventPayloads.DOSSIER_RECEIVED, d.id(), received,
                CanonicalJson.write(EventPayloads.dossierReceived(d, token).toJson()), List.of());
        store.audit.append(c, received, "tiepnhan1", "RECEIVE", d.code().format(), "bench");
        if (random.nextInt(100) == 0 && probes.size() < 3000) {
            probes.add(new String[] {d.code().format(), cid, name});
        }
    }

    private static double searchP95(DossierSearch search, List<String[]> probes, int kind, LocalDateTime now) {
        int n = Math.min(500, probes.size());
        double[] ms = new double[n];
        for (int i = 0; i < n; i++) {
            String text = probes.get(i)[kind];
            long s = System.nanoTime();
            int hits = search.find(DossierQuery.text(text, now, 50)).items().size();
            ms[i] = (System.nanoTime() - s) / 1e6;
            if (hits == 0) {
                throw new AssertionError("search for a stored value found nothing: " + text);
            }
        }
        Arrays.sort(ms);
        return ms[(int) (n * 0.95)];
    }

    /** One write per line: H2 and Flyway log to stderr meanwhile, and a line written in pieces got split by theirs. */
    private static void report(String name, double value, String unit) {
        System.out.println(String.format(java.util.Locale.ROOT, "BENCH %s %.3f %s", name, value, unit));
    }
}
