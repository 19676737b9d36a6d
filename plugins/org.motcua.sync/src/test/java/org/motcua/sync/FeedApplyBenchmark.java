package org.motcua.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.motcua.store.sync.ReferenceData;
import org.motcua.sync.faults.FaultProxy;

/**
 * A commune's whole catalogue coming down the feed (not a test: {@code ./motcua bench sync}). The province publishes
 * 427 procedures (the number a commune lists, domain.md) with the real {@code publish-catalogue}; a desk pulls and
 * applies them over loopback with its own engine — signed pages, each applied with its cursor in one transaction — and
 * then a second version of every procedure on top. Prints {@code BENCH} lines and asserts only that the catalogue
 * arrived whole.
 */
class FeedApplyBenchmark {

    private static final String UNIT = "000.00.10.H99";
    private static final int PROCEDURES = Integer.getInteger("motcua.bench.procedures", 427);
    private static final Path SAMPLE = Path.of("../org.motcua.core/src/main/resources/org/motcua/core/catalogue/sample/"
            + "procedures-sample.json");

    @TempDir
    Path dir;

    @Test
    void aCommuneCatalogueComesDownTheFeed() throws Exception {
        Path data = dir.resolve("province");
        String code = Province.enrolmentCode(data, UNIT, "UBND xã Danh Mục");
        Province.run("publish-catalogue", catalogue("v1", "").toString(), "--data", data.toString());
        try (TestDesk desk = TestDesk.create(dir, "desk", UNIT, 1)) {
            FaultProxy address = null;
            try {
                try (Province province = Province.start(data)) {
                    address = FaultProxy.clean(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                    desk.enrol(address.baseUri(), code);
                    pull(desk, address, "sync.feed.apply_catalogue");
                }
                Province.run("publish-catalogue", catalogue("v2", " (sửa đổi)").toString(), "--data", data.toString());
                try (Province province = Province.start(data)) {
                    address.setTarget(new InetSocketAddress("127.0.0.1", province.url().getPort()));
                    pull(desk, address, "sync.feed.apply_catalogue.new_version");
                }
            } finally {
                if (address != null) {
                    address.close();
                }
            }
            long fromFeed = desk.store.catalogue().current().stream().filter(p -> p.name().endsWith(" (sửa đổi)")).count();
            if (fromFeed != PROCEDURES || !new ReferenceData(desk.store).catalogue().fromFeed()) {
                throw new AssertionError("the second version did not arrive whole: " + fromFeed + " of " + PROCEDURES);
            }
        }
        report("sync.feed.procedures", PROCEDURES, "procedures");
    }

    /** One "Đồng bộ ngay" with nothing to upload: the desk asks the feed and applies every page. */
    private static void pull(TestDesk desk, FaultProxy address, String name) {
        int requestsBefore = address.requestLines().size();
        long down = address.bytesDown();
        long t = System.nanoTime();
        SyncStatus s = desk.sync();
        double ms = (System.nanoTime() - t) / 1e6;
        if (s.problem().isPresent()) {
            throw new AssertionError(name + ": " + s);
        }
        List<String> sent = address.requestLines();
        report(name, ms, "ms");
        report(name + ".pages", sent.subList(requestsBefore, sent.size()).stream().filter(l -> l.contains("/updates?")).count(),
                "pages");
        report(name + ".bytes_down", address.bytesDown() - down, "B");
    }

    /**
     * {@link #PROCEDURES} procedures: the 45 of the sample, then copies of them under new codes, names suffixed; every
     * one with a processing time the server can compute with.
     */
    private Path catalogue(String version, String suffix) throws Exception {
        ObjectMapper json = new ObjectMapper();
        JsonNode sample = json.readTree(SAMPLE.toFile());
        ArrayNode out = json.createArrayNode();
        for (int i = 0; i < PROCEDURES; i++) {
            ObjectNode p = ((ObjectNode) sample.get(i % sample.size())).deepCopy();
            // a few sample entries leave the time to a note the server cannot compute with; a published one gives it
            if (p.path("durationWorkingDays").isNull() && !p.path("durationNote").asText().startsWith("Trong ngày")) {
                p.put("durationWorkingDays", 5);
            }
            if (i >= sample.size() || p.path("code").isNull()) {   // copies, and the sample's few uncoded entries
                p.put("code", String.format(Locale.ROOT, "9.%06d", i));
                p.put("name", p.get("name").asText() + " — bản " + i);
            }
            p.put("name", p.get("name").asText() + suffix);
            out.add(p);
        }
        Path file = dir.resolve("catalogue-" + version + ".json");
        Files.writeString(file, json.writeValueAsString(out));
        return file;
    }

    private static void report(String name, double value, String unit) {
        System.out.println(String.format(Locale.ROOT, "BENCH %s %.1f %s", name, value, unit));
    }
}
