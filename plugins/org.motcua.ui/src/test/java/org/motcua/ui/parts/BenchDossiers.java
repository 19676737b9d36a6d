package org.motcua.ui.parts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.stream.Stream;
import org.motcua.core.catalogue.Procedure;
import org.motcua.core.dossier.Address;
import org.motcua.core.dossier.Applicant;
import org.motcua.core.dossier.Channel;
import org.motcua.core.dossier.IntakeRequest;
import org.motcua.core.dossier.ReceivedDocument;
import org.motcua.core.dossier.ResultDelivery;
import org.motcua.core.identity.CitizenId;
import org.motcua.core.lifecycle.Role;
import org.motcua.store.Store;
import org.motcua.ui.desk.Desk;
import org.motcua.ui.desk.TestDesks;

/**
 * The benchmarks' big desk: {@code count} dossiers received through the store's real intake (checks, numbering,
 * outbox and audit chains), 2,000 per transaction with {@code DossierIntake.receiveAll} instead of one forced
 * write each. Built once and kept under the cache directory (git-ignored {@code .motcua/bench-data/}) in a folder
 * named by the count and a hash of the store's migration scripts, so a schema change builds it afresh; every
 * run works on a copy.
 */
final class BenchDossiers {

    /** Bump when the generated data changes, so old caches are not reused. */
    private static final int GENERATOR = 1;
    private static final int BATCH = 2000;
    private static final String[] FAMILY = {"Nguyễn", "Nguyễn", "Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Huỳnh", "Phan",
        "Vũ", "Võ", "Đặng", "Bùi", "Đỗ", "Hồ", "Ngô", "Dương", "Lý"};
    private static final String[] MIDDLE = {"Văn", "Thị", "Hữu", "Đức", "Minh", "Ngọc", "Thanh", "Quốc", "Xuân", "Thu"};
    private static final String[] GIVEN = {"An", "Bình", "Chi", "Dũng", "Đức", "Giang", "Hà", "Hải", "Hạnh", "Hoa", "Hùng",
        "Hương", "Khánh", "Lan", "Linh", "Long", "Mai", "Minh", "Nam", "Nga", "Ngọc", "Phong", "Phương", "Quang"};

    private BenchDossiers() {
    }

    /** A copy of the cached desk with {@code count} dossiers in {@code work}, built into the cache first if missing. */
    static Path desk(Path cache, int count, Path work) throws IOException {
        Path built = cache.resolve("dossiers-" + count + "-schema-" + schemaHash() + "-g" + GENERATOR);
        if (!Files.isDirectory(built)) {
            Files.createDirectories(cache);
            Path building = Files.createTempDirectory(cache, "building-");
            long t0 = System.nanoTime();
            load(building, count);
            System.out.printf("bench: built a desk of %,d dossiers in %.1f s, cached in %s%n", count,
                    (System.nanoTime() - t0) / 1e9, built);
            Files.move(building, built, StandardCopyOption.ATOMIC_MOVE);   // a half-built desk is never reused
        }
        copy(built, work);
        return work;
    }

    private static void load(Path dir, int count) {
        Random random = new Random(42);
        try (Desk desk = TestDesks.as(dir, Role.RECEIVING_OFFICER)) {
            List<Procedure> procedures = desk.catalogue().current();
            // One dossier every 17 minutes, ending before the test desks' Monday 9 March 2026: ten years of a busy ward.
            LocalDateTime first = desk.now().minusMinutes(17L * count + 60);
            List<IntakeRequest> batch = new ArrayList<>(BATCH);
            for (int i = 0; i < count; i++) {
                batch.add(request(procedures.get(random.nextInt(procedures.size())), i, first.plusMinutes(17L * i),
                        desk.username(), random));
                if (batch.size() == BATCH || i == count - 1) {
                    desk.intake().receiveAll(batch, Role.RECEIVING_OFFICER, desk.now());
                    batch.clear();
                }
            }
        }
    }

    private static IntakeRequest request(Procedure p, int i, LocalDateTime at, String officer, Random random) {
        String name = FAMILY[random.nextInt(FAMILY.length)] + " " + MIDDLE[random.nextInt(MIDDLE.length)] + " "
                + GIVEN[random.nextInt(GIVEN.length)];
        String cid = String.format("%03d%d%02d%06d", 1, random.nextBoolean() ? 0 : 1, 40 + random.nextInt(60), i % 1_000_000);
        Applicant a = Applicant.citizen(name, CitizenId.parse(cid, null), null,
                String.format("09%08d", random.nextInt(100_000_000)), new Address("Tỉnh Mẫu", "Xã Mẫu Thuận", "Thôn 3"));
        List<ReceivedDocument> docs = (p.requiredDocuments().isEmpty() ? p.documents().stream().limit(1)
                : p.requiredDocuments().stream()).map(ReceivedDocument::of).toList();
        return new IntakeRequest(p, a, docs, 1, Channel.IN_PERSON, ResultDelivery.COUNTER, at, officer, Optional.empty(), "");
    }

    /**
     * SHA-256 (first 12 hex digits) of the store bundle's migration scripts: the schema the cached file has. The
     * scripts are listed through the store's OSGi bundle, reached by reflection from its class loader (a
     * {@code BundleReference}) because this bundle does not import the OSGi framework API.
     */
    private static String schemaHash() throws IOException {
        List<URL> scripts;
        try {
            ClassLoader loader = Store.class.getClassLoader();
            Object bundle = loader.getClass().getMethod("getBundle").invoke(loader);
            @SuppressWarnings("unchecked")
            Enumeration<URL> found = (Enumeration<URL>) bundle.getClass()
                    .getMethod("findEntries", String.class, String.class, boolean.class)
                    .invoke(bundle, "org/motcua/store/migration", "*.sql", false);
            scripts = found == null ? new ArrayList<>() : Collections.list(found);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot list the store's migration scripts", e);
        }
        if (scripts.isEmpty()) {
            throw new IllegalStateException("no migration scripts found in org.motcua.store");
        }
        scripts.sort((a, b) -> a.getPath().compareTo(b.getPath()));
        try {
            MessageDigest sha = MessageDigest.getInstance("SHA-256");
            for (URL script : scripts) {
                sha.update(script.getPath().getBytes(java.nio.charset.StandardCharsets.UTF_8));
                try (InputStream in = script.openStream()) {
                    sha.update(in.readAllBytes());
                }
            }
            return HexFormat.of().formatHex(sha.digest()).substring(0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        Files.createDirectories(to);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
    }
}
